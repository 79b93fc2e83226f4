package io.complexitynet.database.routing;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/** The (tenant, day, model) key of tenant_usage. */
public class TenantUsageKey implements Serializable {

    public String tenant;
    public LocalDate usageDay;
    public String model;

    public TenantUsageKey() {
    }

    public TenantUsageKey(String tenant, LocalDate usageDay, String model) {
        this.tenant = tenant;
        this.usageDay = usageDay;
        this.model = model;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TenantUsageKey key && Objects.equals(tenant, key.tenant) && Objects.equals(usageDay, key.usageDay)
                && Objects.equals(model, key.model);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenant, usageDay, model);
    }
}
