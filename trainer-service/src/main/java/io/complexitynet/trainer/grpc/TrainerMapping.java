package io.complexitynet.trainer.grpc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import io.complexitynet.proto.v1.ModelInfo;
import io.complexitynet.proto.v1.ModelMetrics;
import io.complexitynet.proto.v1.TrainingJob;
import io.complexitynet.proto.v1.TrainingState;
import io.complexitynet.service.persistence.JsonColumn;
import io.complexitynet.trainer.persistence.ComplexityModelEntity;
import io.complexitynet.trainer.persistence.LabelSource;
import io.complexitynet.trainer.persistence.ModelPromotionEntity;
import io.complexitynet.trainer.persistence.TrainingJobEntity;
import io.complexitynet.trainer.domain.HeadlineMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Stored jobs and models as the Trainer API's messages. */
@ApplicationScoped
class TrainerMapping {

    private final ObjectMapper json;
    private final LabelSource labels;

    TrainerMapping(ObjectMapper json, LabelSource labels) {
        this.json = json;
        this.labels = labels;
    }

    TrainingJob job(TrainingJobEntity job, Optional<ComplexityModelEntity> model) {
        TrainingJob.Builder message = TrainingJob.newBuilder().setJobId(job.id).setState(switch (job.state) {
                    case RUNNING -> TrainingState.TRAINING_STATE_RUNNING;
                    case SUCCEEDED -> TrainingState.TRAINING_STATE_SUCCEEDED;
                    case FAILED -> TrainingState.TRAINING_STATE_FAILED;
                }).setStage(job.stage).setProgress(job.progress).setCreatedAt(job.createdAt.toString());
        if (job.failureReason != null) {
            message.setFailureReason(job.failureReason);
        }
        if (job.finishedAt != null) {
            message.setFinishedAt(job.finishedAt.toString());
        }
        model.ifPresent(m -> message.setModelId(m.id).setMetrics(metrics(m)));
        return message.build();
    }

    ModelInfo model(ComplexityModelEntity model, Optional<ModelPromotionEntity> latestPromotion, boolean promoted,
                    boolean includeArtifact) {
        ModelInfo.Builder message = ModelInfo.newBuilder().setModelId(model.id).setVersion(model.version)
                .setLabelingJobId(model.labelingJobId).setDataset(labels.job(model.labelingJobId).dataset())
                .setDataFingerprint(model.dataFingerprint).setParametersJson(model.parameters).setCreatedBy(model.createdBy)
                .setCreatedAt(model.createdAt.toString()).setPromoted(promoted).addAllLadder(model.ladderNames())
                .setMetrics(metrics(model));
        latestPromotion.ifPresent(p -> message.setPromotedAt(p.promotedAt.toString()));
        if (includeArtifact) {
            message.setArtifact(ByteString.copyFrom(model.artifact));
        }
        return message.build();
    }

    private ModelMetrics metrics(ComplexityModelEntity model) {
        HeadlineMetrics m = JsonColumn.read(json, model.metrics, HeadlineMetrics.class, "the metrics of model " + model.id);
        return ModelMetrics.newBuilder().setAccuracy(m.accuracy()).setMacroF1(m.macroF1()).setMajorityAccuracy(m.majorityAccuracy())
                .setTfidfAccuracy(m.tfidfAccuracy()).setTfidfMacroF1(m.tfidfMacroF1()).setThreshold(m.threshold())
                .setPassRate(m.passRate()).setCostCutVsLargest(m.costCutVsLargest()).setValidationPassRate(m.validationPassRate())
                .setValidationCost(m.validationCost()).setApgr(m.apgr()).setAiq(m.aiq()).setReportMarkdown(model.report).build();
    }
}
