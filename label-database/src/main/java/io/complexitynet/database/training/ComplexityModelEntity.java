package io.complexitynet.database.training;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Generated;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** One stored model version with everything needed to reproduce and to judge it. */
@Entity
@Table(name = "complexity_model")
public class ComplexityModelEntity extends PanacheEntityBase {

    @Id
    public String id;

    /** 1, 2, 3 ... assigned by the database on insert. */
    @Generated
    @Column(insertable = false, updatable = false)
    public Long version;

    public String trainingJobId;

    public String labelingJobId;

    public String dataFingerprint;

    /** JSON of the training parameters. */
    public String parameters;

    /** Comma-separated model names, cheapest first. */
    public String ladder;

    /** JSON of the headline metrics. */
    public String metrics;

    /** The evaluation report, Markdown. */
    public String report;

    public byte[] artifact;

    public String createdBy;

    public OffsetDateTime createdAt;

    public List<String> ladderNames() {
        return Arrays.asList(ladder.split(","));
    }
}
