package io.complexitynet.database.labeling;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A model of the ladder, as configured when the labeler last started. */
@Entity
@Table(name = "model")
public class ModelEntity extends PanacheEntityBase {

    @Id
    public String name;

    public String backend;

    @Column(name = "cost_units_per_1k")
    public double costUnitsPer1k;

    public int ladderOrder;
}
