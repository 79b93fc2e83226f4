package io.complexitynet.trainer.grpc;

import com.google.protobuf.ByteString;
import io.complexitynet.model.domain.SplitParts;
import io.complexitynet.model.training.CrossValidationReport;
import io.complexitynet.model.training.FoldFigures;
import io.complexitynet.model.training.Spread;
import io.complexitynet.proto.v1.CrossValidation;
import io.complexitynet.proto.v1.FigureSpread;
import io.complexitynet.proto.v1.FoldMetrics;
import io.complexitynet.proto.v1.ListModelsResponse;
import io.complexitynet.proto.v1.ModelInfo;
import io.complexitynet.proto.v1.ModelMetrics;
import io.complexitynet.proto.v1.NoTestsCascade;
import io.complexitynet.proto.v1.StartTrainingRequest;
import io.complexitynet.proto.v1.TrainingJob;
import io.complexitynet.proto.v1.TrainingState;
import io.complexitynet.trainer.application.ModelPage;
import io.complexitynet.trainer.application.ModelView;
import io.complexitynet.trainer.application.TrainingJobView;
import io.complexitynet.trainer.domain.HeadlineMetrics;
import io.complexitynet.trainer.domain.NoTestsCascadeMetrics;
import io.complexitynet.trainer.domain.TrainingRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The Trainer API's messages to and from the application layer's requests and views. */
@ApplicationScoped
class TrainerMapping {

    TrainingRequest training(StartTrainingRequest request, String startedBy) {
        return new TrainingRequest(
                request.getSourceCase() == StartTrainingRequest.SourceCase.LABELING_JOB_ID ? request.getLabelingJobId() : null,
                request.getSourceCase() == StartTrainingRequest.SourceCase.DATASET ? request.getDataset() : null,
                request.getSplit(), request.hasExplicitSplit() ? Optional.of(new SplitParts(request.getExplicitSplit().getTrainList(),
                        request.getExplicitSplit().getValidationList(), request.getExplicitSplit().getTestList())) : Optional.empty(),
                request.getHeadType(), request.getEpochs(), request.getLearningRate(),
                request.getSeed(), startedBy, request.getIncludeRoutedSamples(), request.getLabelingJobIdsList(), request.getDatasetsList(),
                request.getCrossValidationFolds());
    }

    TrainingJob job(TrainingJobView job) {
        TrainingJob.Builder message = TrainingJob.newBuilder().setJobId(job.id()).setState(switch (job.state()) {
                    case RUNNING -> TrainingState.TRAINING_STATE_RUNNING;
                    case SUCCEEDED -> TrainingState.TRAINING_STATE_SUCCEEDED;
                    case FAILED -> TrainingState.TRAINING_STATE_FAILED;
                }).setStage(job.stage()).setProgress(job.progress()).setCreatedAt(job.createdAt().toString());
        job.failureReason().ifPresent(message::setFailureReason);
        job.finishedAt().ifPresent(finishedAt -> message.setFinishedAt(finishedAt.toString()));
        job.model().ifPresent(model -> message.setModelId(model.id()).setMetrics(metrics(model.metrics(), model.report())));
        return message.build();
    }

    ListModelsResponse models(ModelPage page) {
        ListModelsResponse.Builder response = ListModelsResponse.newBuilder();
        page.models().forEach(model -> response.addModels(model(model)));
        page.nextPageToken().ifPresent(response::setNextPageToken);
        return response.build();
    }

    ModelInfo model(ModelView model) {
        ModelInfo.Builder message = ModelInfo.newBuilder().setModelId(model.id()).setVersion(model.version())
                .setLabelingJobId(model.labelingJobId()).setDataset(model.dataset())
                .setDataFingerprint(model.dataFingerprint()).setParametersJson(model.parametersJson()).setCreatedBy(model.createdBy())
                .setCreatedAt(model.createdAt().toString()).setPromoted(model.promoted()).addAllLadder(model.ladder())
                .setMetrics(metrics(model.metrics(), model.report())).addAllLabelingJobIds(model.labelingJobIds())
                .addAllDatasets(model.datasets());
        model.promotedAt().ifPresent(promotedAt -> message.setPromotedAt(promotedAt.toString()));
        model.artifact().ifPresent(artifact -> message.setArtifact(ByteString.copyFrom(artifact)));
        return message.build();
    }

    private static ModelMetrics metrics(HeadlineMetrics m, String report) {
        ModelMetrics.Builder metrics = ModelMetrics.newBuilder().setAccuracy(m.accuracy()).setMacroF1(m.macroF1()).setMajorityAccuracy(m.majorityAccuracy())
                .setTfidfAccuracy(m.tfidfAccuracy()).setTfidfMacroF1(m.tfidfMacroF1()).setThreshold(m.threshold())
                .setPassRate(m.passRate()).setCostCutVsLargest(m.costCutVsLargest()).setValidationPassRate(m.validationPassRate())
                .setValidationCost(m.validationCost()).setApgr(m.apgr()).setAiq(m.aiq()).setReportMarkdown(report);
        if (!m.crossValidationFolds().isEmpty()) {
            metrics.setCrossValidation(crossValidation(new CrossValidationReport(m.crossValidationFolds())));
        }
        return metrics.setNoTestsCascade(noTestsCascade(m.noTestsCascade())).build();
    }

    private static NoTestsCascade noTestsCascade(NoTestsCascadeMetrics m) {
        if (!m.trained()) {
            return NoTestsCascade.newBuilder().setTrained(false).setNotTrainedReason(m.notTrainedReason()).build();
        }
        return NoTestsCascade.newBuilder().setTrained(true).addAllThresholds(m.thresholds()).setTarget(m.target())
                .setMinCostCut(m.minCostCut()).setMinSolvedPassRate(m.minSolvedPassRate()).setTargetReached(m.targetReached())
                .setValidationPassRate(m.validationPassRate()).setValidationCostCut(m.validationCostCut())
                .setValidationSolvedPassRate(m.validationSolvedPassRate()).setPrecisionCheapest(m.precisionCheapest()).setRecallCheapest(m.recallCheapest())
                .setPrecisionAll(m.precisionAll()).setRecallAll(m.recallAll()).setPassRate(m.passRate()).setSolvedPassRate(m.solvedPassRate())
                .setCostCutVsLargest(m.costCutVsLargest()).addAllCallsPerModel(m.callsPerModel()).setTestTasksLeftOut(m.testTasksLeftOut())
                .build();
    }

    private static CrossValidation crossValidation(CrossValidationReport report) {
        CrossValidation.Builder message = CrossValidation.newBuilder().setAccuracy(spread(report.accuracy()))
                .setMacroF1(spread(report.macroF1())).setMajorityAccuracy(spread(report.majorityAccuracy()))
                .setTfidfAccuracy(spread(report.tfidfAccuracy())).setPassRate(spread(report.passRate()))
                .setCostCutVsLargest(spread(report.costCutVsLargest()));
        for (FoldFigures fold : report.folds()) {
            message.addFolds(FoldMetrics.newBuilder().setFold(fold.fold()).setTrainTasks(fold.trainTasks())
                    .setValidationTasks(fold.validationTasks()).setTestTasks(fold.testTasks()).setAccuracy(fold.accuracy())
                    .setMacroF1(fold.macroF1()).setMajorityAccuracy(fold.majorityAccuracy()).setTfidfAccuracy(fold.tfidfAccuracy())
                    .setPassRate(fold.passRate()).setCostCutVsLargest(fold.costCutVsLargest()));
        }
        return message.build();
    }

    private static FigureSpread spread(Spread spread) {
        return FigureSpread.newBuilder().setMean(spread.mean()).setStandardDeviation(spread.standardDeviation()).build();
    }
}
