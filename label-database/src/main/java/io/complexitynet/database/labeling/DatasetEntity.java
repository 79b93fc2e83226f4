package io.complexitynet.database.labeling;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;

@Entity
@Table(name = "dataset")
public class DatasetEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    public String source;

    public OffsetDateTime importedAt;

    public static Optional<DatasetEntity> byName(String name) {
        return find("name", name).firstResultOptional();
    }
}
