package io.complexitynet.database.routing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** One tenant's use of one model on one day; routed requests add to it. */
@Entity
@Table(name = "tenant_usage")
@IdClass(TenantUsageKey.class)
public class TenantUsageEntity extends PanacheEntityBase {

    @Id
    public String tenant;

    @Id
    public LocalDate usageDay;

    @Id
    public String model;

    public long requests;

    public long promptTokens;

    public long completionTokens;

    public double costUnits;
}
