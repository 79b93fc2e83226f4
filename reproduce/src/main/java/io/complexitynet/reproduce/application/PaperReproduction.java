package io.complexitynet.reproduce.application;

import io.complexitynet.core.routing.Prediction;
import io.complexitynet.core.routing.PricedModel;
import io.complexitynet.core.task.MbppPartitions;
import io.complexitynet.core.task.MbppTask;
import io.complexitynet.core.task.Partition;
import io.complexitynet.reproduce.domain.ClassifierInUse;
import io.complexitynet.reproduce.domain.JobStatus.Phase;
import io.complexitynet.reproduce.domain.KnownOutcomes;
import io.complexitynet.reproduce.domain.LabelDistribution;
import io.complexitynet.reproduce.domain.LabellingJobStatus;
import io.complexitynet.reproduce.domain.PaperFigures;
import io.complexitynet.reproduce.domain.PaperSetAccuracy;
import io.complexitynet.reproduce.domain.PaperSetTask;
import io.complexitynet.reproduce.domain.Reproduction;
import io.complexitynet.reproduce.domain.ReproductionFailed;
import io.complexitynet.reproduce.domain.RouteOptions;
import io.complexitynet.reproduce.domain.TaskOutcome;
import io.complexitynet.reproduce.domain.TrainedModel;
import io.complexitynet.reproduce.domain.TrainingJobStatus;
import io.complexitynet.reproduce.grpc.LabelerClient;
import io.complexitynet.reproduce.grpc.RouterClient;
import io.complexitynet.reproduce.grpc.ServiceConnections;
import io.complexitynet.reproduce.grpc.TenantAdminClient;
import io.complexitynet.reproduce.grpc.TrainerClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The paper's experiment driven through the services' gRPC APIs, step by step: import MBPP into the
 * labeler, label it (k=1), train on the train split, promote, then classify and route the test split and
 * the paper's own label set. Each step is public so a test can interleave its own actions (a crash).
 */
public final class PaperReproduction {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration ROUTER_SWAP_TIMEOUT = Duration.ofSeconds(60);

    private final LabelerClient labeler;
    private final TrainerClient trainer;
    private final RouterClient router;
    private final TenantAdminClient tenantAdmin;
    private final ReproductionSettings settings;
    private final Progress progress;
    private final JobPoller poller;
    private final Map<Integer, MbppTask> tasksById = new LinkedHashMap<>();
    private final long started = System.nanoTime();

    public PaperReproduction(ServiceConnections services, ReproductionSettings settings, Progress progress) {
        this.labeler = new LabelerClient(services);
        this.trainer = new TrainerClient(services);
        this.router = new RouterClient(services);
        this.tenantAdmin = new TenantAdminClient(services);
        this.settings = settings;
        this.progress = progress;
        this.poller = new JobPoller(POLL);
        settings.tasks().forEach(task -> tasksById.put(task.taskId(), task));
    }

    /** Every step in order, and the table's figures. */
    public Reproduction run() {
        importDataset();
        return fromLabels(awaitLabeling(startLabeling().jobId()));
    }

    /** The steps after labelling: train on the completed job's labels, promote, classify and route; the figures. */
    public Reproduction fromLabels(LabellingJobStatus labelling) {
        settings.tenant().ifPresent(this::ensureTenant);
        Map<Integer, TaskOutcome> outcomes = new HashMap<>();
        exportLabels(labelling).forEach(outcome -> outcomes.put(outcome.taskId(), outcome));
        TrainedModel model = promote(awaitTraining(startTraining(labelling.jobId()).jobId()));
        awaitRouterOn(model.modelId());
        List<PricedModel> ladder = PaperFigures.pricedLadder(labelling.models(), settings.costUnits());
        List<Integer> testIds = tasksById.keySet().stream().filter(id -> MbppPartitions.of(id) == Partition.TEST).toList();
        if (testIds.isEmpty()) {
            throw new ReproductionFailed("the data set has no task of MBPP's test split (task ids 11-510) to route");
        }
        Map<Integer, Prediction> predictions = classify("test tasks", testIds);
        PaperSetAccuracy paperSet = paperSetAccuracy();
        KnownOutcomes known = new KnownOutcomes(ladder, testIds, outcomes, predictions);
        double threshold = model.figures().threshold();
        RoutedRunner runner = new RoutedRunner(router, testIds.stream().map(tasksById::get).toList(), settings.concurrency(), progress);
        RouteOptions paperPolicy = RouteOptions.policy("paper");
        var paper = runner.run("paper policy", paperPolicy.withoutEscalation());
        var paperCascade = runner.run("paper policy + cascade", paperPolicy);
        RouteOptions expected = RouteOptions.policy("expected-cost").withQualityTarget(threshold);
        var expectedCost = runner.run(String.format(Locale.ROOT, "expected-cost at %.2f", threshold), expected.withoutEscalation());
        var expectedCascade = runner.run(String.format(Locale.ROOT, "expected-cost at %.2f + cascade", threshold), expected);
        String belowLargest = ladder.get(Math.max(0, ladder.size() - 2)).name();
        var cheapestCascade = runner.run("cheapest first + cascade up to " + belowLargest,
                RouteOptions.policy("cheapest-first").upTo(belowLargest));
        return new Reproduction(ladder, labelling.jobId(), LabelDistribution.of(outcomes.values()), labelling.parked(),
                model, paperSet, known, paper, paperCascade, expectedCost, expectedCascade, cheapestCascade,
                Duration.ofNanos(System.nanoTime() - started));
    }

    private void ensureTenant(String tenant) {
        boolean created = tenantAdmin.ensurePolicy(tenant);
        progress.step("tenant '" + tenant + "' " + (created ? "given an unlimited paper policy (TenantAdmin.CreateTenant)" : "has a policy; used as it is"));
    }

    /** Imports the data set; one that exists already under the name is used as it is. */
    public void importDataset() {
        progress.step("importing " + settings.labelerPath() + " as data set '" + settings.dataset() + "'");
        OptionalInt imported = labeler.importDataset(settings.dataset(), settings.labelerPath());
        if (imported.isPresent()) {
            progress.step("imported " + imported.getAsInt() + " tasks");
        } else {
            progress.step("data set '" + settings.dataset() + "' exists already; labelling it as it is");
        }
    }

    public LabellingJobStatus startLabeling() {
        LabellingJobStatus job = labeler.startLabeling(settings.dataset(), 1);
        progress.step("labelling job " + job.jobId() + ": " + job.tasksTotal() + " tasks x " + job.models()
                + ", k=1, every answer verified");
        return job;
    }

    /** Polls the labelling job until it ends; it must complete. */
    public LabellingJobStatus awaitLabeling(String jobId) {
        LabellingJobStatus job = poller.awaitEnd("labelling job " + jobId, settings.jobTimeout(), () -> labeler.job(jobId),
                polled -> progress.advance("tasks labelled", polled.tasksDone() + polled.parked(), polled.tasksTotal()));
        if (job.phase() != Phase.SUCCEEDED) {
            throw new ReproductionFailed("labelling job " + jobId + " ended " + job.state() + " instead of completing");
        }
        progress.step("labelled " + job.tasksDone() + " tasks (" + job.parked() + " parked), " + job.samplesVerified()
                + " answers verified");
        return job;
    }

    /** The completed job's labels, each model's pass rate in the job's ladder order. */
    public List<TaskOutcome> exportLabels(LabellingJobStatus job) {
        return labeler.exportLabels(job.jobId(), job.models());
    }

    public TrainingJobStatus startTraining(String labelingJobId) {
        TrainingJobStatus job = trainer.startTraining(labelingJobId, "mbpp", settings.seed());
        progress.step("training job " + job.jobId() + " on the train split (tasks 601-974), seed " + settings.seed());
        return job;
    }

    /** Polls the training job until it ends; it must succeed. */
    public TrainingJobStatus awaitTraining(String jobId) {
        TrainingJobStatus job = poller.awaitEnd("training job " + jobId, settings.jobTimeout(), () -> trainer.job(jobId),
                polled -> progress.advance("training: " + polled.stage(), Math.round(100 * polled.progress()), 100));
        if (job.phase() != Phase.SUCCEEDED) {
            throw new ReproductionFailed("training job " + jobId + " failed: " + job.failureReason());
        }
        progress.step("trained model " + job.modelId());
        return job;
    }

    /** Promotes the job's model and returns it with the figures its job reported. */
    public TrainedModel promote(TrainingJobStatus job) {
        TrainedModel model = trainer.promote(job);
        progress.step("promoted model " + model.modelId() + " (version " + model.version() + ")");
        return model;
    }

    /** Waits until the router decides with {@code modelId} (it loads a promoted model on the model-promoted event). */
    public void awaitRouterOn(String modelId) {
        MbppTask probe = tasksById.values().iterator().next();
        long deadline = System.nanoTime() + ROUTER_SWAP_TIMEOUT.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            ClassifierInUse inUse = router.classifierInUse(probe);
            if (inUse instanceof ClassifierInUse.Model model) {
                if (model.modelId().equals(modelId)) {
                    progress.step("the router decides with model " + modelId);
                    return;
                }
                last = "it still decides with model " + model.modelId();
            } else if (inUse instanceof ClassifierInUse.None none) {
                last = none.reason();
            }
            poller.pause();
        }
        throw new ReproductionFailed("the router did not take up model " + modelId + " within " + ROUTER_SWAP_TIMEOUT.toSeconds()
                + " s (" + last + "): is it connected to the same broker as the trainer?");
    }

    private Map<Integer, Prediction> classify(String what, List<Integer> taskIds) {
        List<Prediction> predictions = InParallel.map(taskIds, settings.concurrency(), taskId -> router.classify(tasksById.get(taskId)),
                progress, "classified " + what);
        Map<Integer, Prediction> byTask = new HashMap<>();
        for (int i = 0; i < taskIds.size(); i++) {
            byTask.put(taskIds.get(i), predictions.get(i));
        }
        return byTask;
    }

    private PaperSetAccuracy paperSetAccuracy() {
        List<PaperSetTask> known = settings.paperSet().stream().filter(task -> tasksById.containsKey(task.taskId())).toList();
        if (known.isEmpty()) {
            throw new ReproductionFailed("none of the paper's labelled tasks is in the data file; pass the whole of MBPP");
        }
        Map<Integer, Prediction> predictions = classify("the paper's labelled tasks", known.stream().map(PaperSetTask::taskId).toList());
        return PaperSetAccuracy.of(known, predictions, id -> MbppPartitions.of(id) == Partition.TRAIN);
    }
}
