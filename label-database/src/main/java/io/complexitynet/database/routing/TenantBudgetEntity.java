package io.complexitynet.database.routing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/** One tenant's budget period (a day or a month): spent, and held by requests in flight. */
@Entity
@Table(name = "tenant_budget")
@IdClass(TenantBudgetEntity.Key.class)
public class TenantBudgetEntity extends PanacheEntityBase {

    @Id
    public String tenant;

    /** DAY or MONTH. */
    @Id
    public String period;

    @Id
    public LocalDate periodStart;

    public double spentCostUnits;

    public double heldCostUnits;

    /** The (tenant, period) key. */
    public static class Key implements Serializable {

        public String tenant;
        public String period;
        public LocalDate periodStart;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(tenant, key.tenant) && Objects.equals(period, key.period)
                    && Objects.equals(periodStart, key.periodStart);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenant, period, periodStart);
        }
    }
}
