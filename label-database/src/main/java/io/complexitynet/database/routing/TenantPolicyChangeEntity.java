package io.complexitynet.database.routing;

import io.complexitynet.database.IdentityKeyedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One recorded change of a tenant's policy: who, when, and the policy before and after as JSON. */
@Entity
@Table(name = "tenant_policy_change")
public class TenantPolicyChangeEntity extends IdentityKeyedEntity {

    public String tenant;

    public String changedBy;

    public OffsetDateTime changedAt;

    /** Null: the change created the policy. */
    public String policyBefore;

    public String policyAfter;
}
