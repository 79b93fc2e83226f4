package io.complexitynet.router.domain;

import java.time.LocalDate;

/** The window a tenant's budget applies to, in UTC days. */
public enum BudgetPeriod {
    DAY, MONTH;

    public LocalDate start(LocalDate today) {
        return this == DAY ? today : today.withDayOfMonth(1);
    }
}
