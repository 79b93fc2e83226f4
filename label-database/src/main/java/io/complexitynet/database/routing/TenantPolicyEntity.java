package io.complexitynet.database.routing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "tenant_policy")
public class TenantPolicyEntity extends PanacheEntityBase {

    @Id
    public String tenant;

    /** Comma-separated model names; null: every model of the ladder. */
    public String allowedModels;

    /** Null: the ladder's largest. */
    public String maxModel;

    public String defaultPolicy;

    public double defaultThreshold;

    /** 0: unlimited. */
    public double budgetCostUnits;

    /** DAY or MONTH. */
    public String budgetPeriod;

    public boolean feedback;

    /** Whether its routed samples may train the shared classifier (include_routed_samples). */
    public boolean feedbackTrusted;

    /** With tests, how many answers each model may give before the cascade moves up. */
    public int triesPerModel;
}
