package io.complexitynet.database.routing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A routed request whose usage is recorded: a retried write of the same request finds it and adds nothing. */
@Entity
@Table(name = "routed_request")
public class RoutedRequestEntity extends PanacheEntityBase {

    @Id
    public String requestId;

    public String tenant;

    public OffsetDateTime recordedAt;
}
