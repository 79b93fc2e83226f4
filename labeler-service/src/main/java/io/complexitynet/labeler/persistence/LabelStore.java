package io.complexitynet.labeler.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.complexitynet.core.labelling.ComplexityLabel;
import io.complexitynet.core.labelling.ModelPasses;
import io.complexitynet.database.JsonColumn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;

/** Complexity labels: one per (job, task), written once. */
@ApplicationScoped
public class LabelStore {

    @Inject EntityManager entities;
    @Inject ObjectMapper json;

    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(String jobId, long taskId, List<ModelPasses> counts, int tries, ComplexityLabel label) {
        entities.createQuery("insert into TaskLabelEntity (jobId, taskId, passCounts, tries, complexity, ruleVersion, createdAt)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict do nothing")
                .setParameter(1, jobId).setParameter(2, taskId).setParameter(3, JsonColumn.write(json, counts))
                .setParameter(4, tries).setParameter(5, label.complexity().isPresent() ? label.complexity().getAsInt() : null)
                .setParameter(6, label.ruleVersion()).setParameter(7, OffsetDateTime.now())
                .executeUpdate();
    }

    /** The pass counts of a label as stored, read back. */
    public List<ModelPasses> passCounts(long taskId, String stored) {
        return List.of(JsonColumn.read(json, stored, ModelPasses[].class, "the pass counts of task " + taskId));
    }
}
