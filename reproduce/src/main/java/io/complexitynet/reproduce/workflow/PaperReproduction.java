package io.complexitynet.reproduce.workflow;

import io.complexitynet.core.routing.Prediction;
import io.complexitynet.core.routing.PricedModel;
import io.complexitynet.core.task.MbppPartitions;
import io.complexitynet.core.task.MbppTask;
import io.complexitynet.core.task.Partition;
import io.complexitynet.proto.v1.ClassifyRequest;
import io.complexitynet.proto.v1.ClassifyResponse;
import io.complexitynet.proto.v1.ExportLabelsRequest;
import io.complexitynet.proto.v1.GetJobRequest;
import io.complexitynet.proto.v1.GetTrainingJobRequest;
import io.complexitynet.proto.v1.ImportDatasetRequest;
import io.complexitynet.proto.v1.JobState;
import io.complexitynet.proto.v1.LabelingJob;
import io.complexitynet.proto.v1.ModelInfo;
import io.complexitynet.proto.v1.ModelMetrics;
import io.complexitynet.proto.v1.ModelPassCount;
import io.complexitynet.proto.v1.ModelProbability;
import io.complexitynet.proto.v1.PromoteModelRequest;
import io.complexitynet.proto.v1.RouteRequest;
import io.complexitynet.proto.v1.StartLabelingRequest;
import io.complexitynet.proto.v1.StartTrainingRequest;
import io.complexitynet.proto.v1.TaskLabel;
import io.complexitynet.proto.v1.TrainingJob;
import io.complexitynet.proto.v1.TrainingState;
import io.complexitynet.reproduce.domain.KnownOutcomes;
import io.complexitynet.reproduce.domain.LabelDistribution;
import io.complexitynet.reproduce.domain.PaperFigures;
import io.complexitynet.reproduce.domain.PaperSetAccuracy;
import io.complexitynet.reproduce.domain.PaperSetTask;
import io.complexitynet.reproduce.domain.Reproduction;
import io.complexitynet.reproduce.domain.TaskOutcome;
import io.complexitynet.reproduce.domain.TrainedModel;
import io.complexitynet.reproduce.grpc.ServiceCall;
import io.complexitynet.reproduce.grpc.ServiceConnections;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;

/**
 * The paper's experiment driven through the services' gRPC APIs, step by step: import MBPP into the
 * labeler, label it (k=1), train on the train split, promote, then classify and route the test split and
 * the paper's own label set. Each step is public so a test can interleave its own actions (a crash).
 */
public final class PaperReproduction {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration ROUTER_SWAP_TIMEOUT = Duration.ofSeconds(60);

    private final ServiceConnections services;
    private final ReproductionSettings settings;
    private final Progress progress;
    private final Map<Integer, MbppTask> tasksById = new LinkedHashMap<>();
    private final long started = System.nanoTime();

    public PaperReproduction(ServiceConnections services, ReproductionSettings settings, Progress progress) {
        this.services = services;
        this.settings = settings;
        this.progress = progress;
        settings.tasks().forEach(task -> tasksById.put(task.taskId(), task));
    }

    /** Every step in order, and the table's figures. */
    public Reproduction run() {
        importDataset();
        return fromLabels(awaitLabeling(startLabeling().getJobId()));
    }

    /** The steps after labelling: train on the completed job's labels, promote, classify and route; the figures. */
    public Reproduction fromLabels(LabelingJob labelling) {
        List<TaskLabel> labels = exportLabels(labelling.getJobId());
        TrainingJob training = awaitTraining(startTraining(labelling.getJobId()).getJobId());
        TrainedModel model = promote(training);
        awaitRouterOn(model.modelId());
        List<PricedModel> ladder = PaperFigures.pricedLadder(labelling.getModelsList(), settings.costUnits());
        Map<Integer, TaskOutcome> outcomes = outcomes(labels, labelling.getModelsList());
        List<Integer> testIds = tasksById.keySet().stream().filter(id -> MbppPartitions.of(id) == Partition.TEST).toList();
        if (testIds.isEmpty()) {
            throw new ReproductionFailed("the data set has no task of MBPP's test split (task ids 11-510) to route");
        }
        Map<Integer, Prediction> predictions = classify("test tasks", testIds);
        PaperSetAccuracy paperSet = paperSetAccuracy();
        KnownOutcomes known = new KnownOutcomes(ladder, testIds, outcomes, predictions);
        double threshold = model.threshold();
        RoutedRunner router = new RoutedRunner(services, settings.concurrency(), progress);
        List<MbppTask> test = testIds.stream().map(tasksById::get).toList();
        var paper = router.run("paper policy", test, r -> r.setPolicy("paper").setNoEscalation(true));
        var paperCascade = router.run("paper policy + cascade", test, r -> r.setPolicy("paper"));
        UnaryOperator<RouteRequest.Builder> expected = r -> r.setPolicy("expected-cost").setQualityTarget(threshold);
        var expectedCost = router.run(String.format(Locale.ROOT, "expected-cost at %.2f", threshold), test,
                r -> expected.apply(r).setNoEscalation(true));
        var expectedCascade = router.run(String.format(Locale.ROOT, "expected-cost at %.2f + cascade", threshold), test, expected);
        String belowLargest = ladder.get(Math.max(0, ladder.size() - 2)).name();
        var cheapestCascade = router.run("cheapest first + cascade up to " + belowLargest, test,
                r -> r.setPolicy("cheapest-first").setMaxModel(belowLargest));
        return new Reproduction(ladder, labelling.getJobId(), LabelDistribution.of(outcomes.values()), labelling.getParkedCount(),
                model, paperSet, known, paper, paperCascade, expectedCost, expectedCascade, cheapestCascade,
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** Imports the data set; one that exists already under the name is used as it is. */
    public void importDataset() {
        progress.step("importing " + settings.labelerPath() + " as data set '" + settings.dataset() + "'");
        try {
            int tasks = services.labeler().importDataset(ImportDatasetRequest.newBuilder().setName(settings.dataset())
                    .setPath(settings.labelerPath()).build()).getTasks();
            progress.step("imported " + tasks + " tasks");
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
                throw services.labelerCall().failure("ImportDataset", e);
            }
            progress.step("data set '" + settings.dataset() + "' exists already; labelling it as it is");
        }
    }

    public LabelingJob startLabeling() {
        LabelingJob job = services.labelerCall().call("StartLabeling", () -> services.labeler().startLabeling(
                StartLabelingRequest.newBuilder().setDataset(settings.dataset()).setSamplesPerModel(1).setStartedBy("reproduce").build()));
        progress.step("labelling job " + job.getJobId() + ": " + job.getTasksTotal() + " tasks x " + job.getModelsList()
                + ", k=1, every answer verified");
        return job;
    }

    /** Polls the labelling job until it ends; it must complete. */
    public LabelingJob awaitLabeling(String jobId) {
        long deadline = System.nanoTime() + settings.jobTimeout().toNanos();
        while (true) {
            LabelingJob job = labelingJob(jobId);
            progress.advance("tasks labelled", job.getTasksDone() + job.getParkedCount(), job.getTasksTotal());
            if (job.getState() == JobState.JOB_STATE_COMPLETED) {
                progress.step("labelled " + job.getTasksDone() + " tasks (" + job.getParkedCount() + " parked), "
                        + job.getSamplesVerified() + " answers verified");
                return job;
            }
            if (job.getState() != JobState.JOB_STATE_RUNNING) {
                throw new ReproductionFailed("labelling job " + jobId + " ended " + job.getState() + " instead of completing");
            }
            pause(deadline, "labelling job " + jobId);
        }
    }

    public LabelingJob labelingJob(String jobId) {
        return services.labelerCall().call("GetJob", () -> services.labeler().getJob(GetJobRequest.newBuilder().setJobId(jobId).build()));
    }

    public List<TaskLabel> exportLabels(String jobId) {
        return services.labelerCall().call("ExportLabels", () -> {
            List<TaskLabel> labels = new ArrayList<>();
            Iterator<TaskLabel> stream = services.labeler().exportLabels(ExportLabelsRequest.newBuilder().setJobId(jobId).build());
            stream.forEachRemaining(labels::add);
            return labels;
        });
    }

    public TrainingJob startTraining(String labelingJobId) {
        TrainingJob job = services.trainerCall().call("StartTraining", () -> services.trainer().startTraining(
                StartTrainingRequest.newBuilder().setLabelingJobId(labelingJobId).setSplit("mbpp").setSeed(settings.seed())
                        .setStartedBy("reproduce").build()));
        progress.step("training job " + job.getJobId() + " on the train split (tasks 601-974), seed " + settings.seed());
        return job;
    }

    /** Polls the training job until it ends; it must succeed. */
    public TrainingJob awaitTraining(String jobId) {
        long deadline = System.nanoTime() + settings.jobTimeout().toNanos();
        while (true) {
            TrainingJob job = trainingJob(jobId);
            progress.advance("training: " + job.getStage(), Math.round(100 * job.getProgress()), 100);
            if (job.getState() == TrainingState.TRAINING_STATE_SUCCEEDED) {
                progress.step("trained model " + job.getModelId());
                return job;
            }
            if (job.getState() == TrainingState.TRAINING_STATE_FAILED) {
                throw new ReproductionFailed("training job " + jobId + " failed: " + job.getFailureReason());
            }
            pause(deadline, "training job " + jobId);
        }
    }

    public TrainingJob trainingJob(String jobId) {
        return services.trainerCall().call("GetJob", () -> services.trainer().getJob(
                GetTrainingJobRequest.newBuilder().setJobId(jobId).build()));
    }

    /** Promotes the job's model and returns it with the figures its job reported. */
    public TrainedModel promote(TrainingJob job) {
        ModelInfo promoted = services.trainerCall().call("PromoteModel", () -> services.trainer().promoteModel(
                PromoteModelRequest.newBuilder().setModelId(job.getModelId()).setPromotedBy("reproduce").build()));
        progress.step("promoted model " + promoted.getModelId() + " (version " + promoted.getVersion() + ")");
        ModelMetrics m = job.getMetrics();
        return new TrainedModel(promoted.getModelId(), promoted.getVersion(), m.getAccuracy(), m.getMacroF1(), m.getMajorityAccuracy(),
                m.getTfidfAccuracy(), m.getTfidfMacroF1(), m.getThreshold(), m.getPassRate(), m.getCostCutVsLargest());
    }

    /** Waits until the router decides with {@code modelId} (it loads a promoted model on the model-promoted event). */
    public void awaitRouterOn(String modelId) {
        MbppTask probe = tasksById.values().iterator().next();
        long deadline = System.nanoTime() + ROUTER_SWAP_TIMEOUT.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                String loaded = classify(probe).getDecision().getClassifierModelId();
                if (loaded.equals(modelId)) {
                    progress.step("the router decides with model " + modelId);
                    return;
                }
                last = "it still decides with model " + loaded;
            } catch (StatusRuntimeException e) {
                // UNAVAILABLE from the router itself means no model is loaded yet; anything else ends the run.
                if (e.getStatus().getCode() != Status.Code.UNAVAILABLE || ServiceCall.unreachable(e)) {
                    throw services.routerCall().failure("Classify", e);
                }
                last = e.getStatus().getDescription();
            }
            sleep(POLL);
        }
        throw new ReproductionFailed("the router did not take up model " + modelId + " within " + ROUTER_SWAP_TIMEOUT.toSeconds()
                + " s (" + last + "): is it connected to the same broker as the trainer?");
    }

    private Map<Integer, Prediction> classify(String what, List<Integer> taskIds) {
        List<Prediction> predictions = InParallel.map(taskIds, settings.concurrency(),
                taskId -> prediction(services.routerCall().call("Classify", () -> classify(tasksById.get(taskId)))), progress,
                "classified " + what);
        Map<Integer, Prediction> byTask = new HashMap<>();
        for (int i = 0; i < taskIds.size(); i++) {
            byTask.put(taskIds.get(i), predictions.get(i));
        }
        return byTask;
    }

    private ClassifyResponse classify(MbppTask task) {
        return services.router().classify(ClassifyRequest.newBuilder().setPrompt(task.text()).addAllTests(task.tests())
                .setPolicy("paper").build());
    }

    private static Prediction prediction(ClassifyResponse response) {
        double[] probabilities = response.getDecision().getProbabilitiesList().stream().mapToDouble(ModelProbability::getPassProbability)
                .toArray();
        return new Prediction(OptionalInt.of(response.getDecision().getComplexity()), probabilities);
    }

    private PaperSetAccuracy paperSetAccuracy() {
        List<PaperSetTask> known = settings.paperSet().stream().filter(task -> tasksById.containsKey(task.taskId())).toList();
        if (known.isEmpty()) {
            throw new ReproductionFailed("none of the paper's labelled tasks is in the data file; pass the whole of MBPP");
        }
        Map<Integer, Prediction> predictions = classify("the paper's labelled tasks", known.stream().map(PaperSetTask::taskId).toList());
        return PaperSetAccuracy.of(known, predictions, id -> MbppPartitions.of(id) == Partition.TRAIN);
    }

    /** The labels by MBPP task id, each model's pass rate in ladder order. */
    private static Map<Integer, TaskOutcome> outcomes(List<TaskLabel> labels, List<String> ladder) {
        Map<Integer, TaskOutcome> outcomes = new HashMap<>();
        for (TaskLabel label : labels) {
            double[] rates = new double[ladder.size()];
            for (ModelPassCount passes : label.getPassesList()) {
                int model = ladder.indexOf(passes.getModel());
                if (model >= 0 && passes.getTries() > 0) {
                    rates[model] = (double) passes.getPasses() / passes.getTries();
                }
            }
            int taskId = Integer.parseInt(label.getTaskSourceId());
            outcomes.put(taskId, new TaskOutcome(taskId, label.hasComplexity() ? OptionalInt.of(label.getComplexity()) : OptionalInt.empty(),
                    rates));
        }
        return outcomes;
    }

    private void pause(long deadline, String what) {
        if (System.nanoTime() > deadline) {
            throw new ReproductionFailed(what + " did not end within " + settings.jobTimeout().toMinutes() + " min");
        }
        sleep(POLL);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReproductionFailed("interrupted", e);
        }
    }
}
