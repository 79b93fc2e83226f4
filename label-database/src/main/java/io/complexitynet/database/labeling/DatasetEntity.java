package io.complexitynet.database.labeling;

import io.complexitynet.database.IdentityKeyedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;

@Entity
@Table(name = "dataset")
public class DatasetEntity extends IdentityKeyedEntity {

    public String name;

    public String source;

    public OffsetDateTime importedAt;

    public static Optional<DatasetEntity> byName(String name) {
        return find("name", name).firstResultOptional();
    }
}
