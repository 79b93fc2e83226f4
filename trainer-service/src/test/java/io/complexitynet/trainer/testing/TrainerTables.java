package io.complexitynet.trainer.testing;

import io.complexitynet.database.training.ModelPromotionEntity;
import io.complexitynet.database.training.TrainingJobEntity;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** Reads the trainer's own tables where the API has no list to show. */
@ApplicationScoped
public class TrainerTables {

    @Transactional
    public long trainingJobsOf(String labelingJobId) {
        return TrainingJobEntity.count("labelingJobId", labelingJobId);
    }

    /** Every promotion, oldest first. */
    @Transactional
    public List<ModelPromotionEntity> promotions() {
        return ModelPromotionEntity.listAll(Sort.by("id"));
    }
}
