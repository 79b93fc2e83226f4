package io.complexitynet.reproduce.application;

import io.complexitynet.core.routing.Prediction;
import io.complexitynet.core.routing.PricedModel;
import io.complexitynet.core.task.DatasetTask;
import io.complexitynet.core.task.Partition;
import io.complexitynet.core.task.TaskFormat;
import io.complexitynet.reproduce.domain.ClassifierInUse;
import io.complexitynet.reproduce.domain.EvaluatedOn;
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
import io.complexitynet.reproduce.domain.RoutedRun;
import io.complexitynet.reproduce.domain.ScoredCascadeRun;
import io.complexitynet.reproduce.domain.TaskPartitions;
import io.complexitynet.reproduce.domain.TaskOutcome;
import io.complexitynet.reproduce.domain.TrainedModel;
import io.complexitynet.reproduce.domain.TrainingJobStatus;
import io.complexitynet.reproduce.grpc.LabelerClient;
import io.complexitynet.reproduce.grpc.RouterClient;
import io.complexitynet.reproduce.grpc.ServiceConnections;
import io.complexitynet.reproduce.grpc.TenantAdminClient;
import io.complexitynet.reproduce.grpc.TrainerClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The paper's experiment driven through the services' gRPC APIs, step by step, on any data set and the ladder the
 * labeler is configured with: import the data set into the labeler, label it (k samples per model), train on the
 * split's train part, promote, then classify and route the test part (and, on MBPP, the paper's own label set). Each
 * step is public so a test can interleave its own actions (a crash).
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
    private final Map<String, DatasetTask> tasksById = new LinkedHashMap<>();
    private final long started = System.nanoTime();

    public PaperReproduction(ServiceConnections services, ReproductionSettings settings, Progress progress) {
        this.labeler = new LabelerClient(services);
        this.trainer = new TrainerClient(services);
        this.router = new RouterClient(services);
        this.tenantAdmin = new TenantAdminClient(services);
        this.settings = settings;
        this.progress = progress;
        this.poller = new JobPoller(POLL);
        settings.data().tasks().forEach(task -> tasksById.put(task.sourceId(), task));
    }

    /** Every step in order, and the table's figures. */
    public Reproduction run() {
        importDataset();
        return fromLabels(awaitLabeling(startLabeling().jobId()));
    }

    /** The steps after labelling: train on the completed job's labels, promote, classify and route; the figures. */
    public Reproduction fromLabels(LabellingJobStatus labelling) {
        settings.tenant().ifPresent(this::ensureTenant);
        List<PricedModel> ladder = ladder(labelling);
        Map<String, TaskOutcome> outcomes = new HashMap<>();
        exportLabels(labelling).forEach(outcome -> outcomes.put(outcome.taskId(), outcome));
        TaskPartitions partitions = settings.split().partition(settings.data().tasks(), outcomes.values(), settings.seed());
        List<String> testIds = partitions.in(Partition.TEST, List.copyOf(tasksById.keySet()));
        if (testIds.isEmpty()) {
            throw new ReproductionFailed(settings.split().isMbpp()
                    ? "the data set has no task of MBPP's test split (task ids 11-510) to route"
                    : "split " + settings.split().name() + " leaves no labelled task in test to route");
        }
        TrainedModel model = promote(awaitTraining(startTraining(labelling.jobId(), partitions).jobId()));
        List<String> routerLadder = awaitRouterOn(model.modelId());
        if (!routerLadder.equals(labelling.models())) {
            throw new ReproductionFailed("the router routes over " + routerLadder + " but the labelling job's ladder is "
                    + labelling.models() + ": configure the router's models (router.models) as the ladder labelled");
        }
        Map<String, Prediction> predictions = classify("test tasks", testIds);
        Optional<PaperSetAccuracy> paperSet = paperSetAccuracy(partitions);
        KnownOutcomes known = new KnownOutcomes(ladder, testIds, outcomes, predictions);
        double threshold = model.figures().threshold();
        RoutedRunner runner = new RoutedRunner(router, testIds.stream().map(tasksById::get).toList(), settings.concurrency(), progress);
        RouteOptions paperPolicy = RouteOptions.policy("paper");
        var paper = runner.run("paper policy", paperPolicy.withoutEscalation());
        var paperCascade = runner.run("paper policy + cascade", paperPolicy);
        RouteOptions expected = RouteOptions.policy("expected-cost").withQualityTarget(threshold);
        var expectedCost = runner.run(String.format(Locale.ROOT, "expected-cost at %.2f", threshold), expected.withoutEscalation());
        var expectedCascade = runner.run(String.format(Locale.ROOT, "expected-cost at %.2f + cascade", threshold), expected);
        // Capped at each model below the largest (uncapped, the cascade is the labels' cheapest-first row).
        List<RoutedRun> cappedCascades = new ArrayList<>();
        for (PricedModel cap : ladder.subList(1, Math.max(1, ladder.size() - 1))) {
            cappedCascades.add(runner.run("cheapest first + cascade up to " + cap.name(),
                    RouteOptions.policy("cheapest-first").upTo(cap.name())));
        }
        // MBPP shows its tests as the task's examples; HumanEval's prompt carries its own, a generic task none.
        boolean testsAreExamples = settings.data().format() == TaskFormat.MBPP;
        Optional<ScoredCascadeRun> scoredCascade = runner.runScored("scored cascade (no tests)",
                task -> testsAreExamples ? task.tests() : List.of(), known);
        EvaluatedOn evaluatedOn = new EvaluatedOn(settings.data().displayName(), settings.data().format(),
                settings.split().describe(settings.seed()), settings.samplesPerModel(), labelling.ruleVersion());
        return new Reproduction(evaluatedOn, ladder, labelling.jobId(), LabelDistribution.of(outcomes.values()), labelling.parked(),
                model, paperSet, known, paper, paperCascade, expectedCost, expectedCascade, cappedCascades, scoredCascade,
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** The job's ladder priced per request; a ladder the settings have no cost units for ends the run. */
    private List<PricedModel> ladder(LabellingJobStatus labelling) {
        try {
            return PaperFigures.pricedLadder(labelling.models(), settings.costUnits(), settings.data().format() == TaskFormat.MBPP);
        } catch (IllegalArgumentException e) {
            throw new ReproductionFailed(e.getMessage());
        }
    }

    private void ensureTenant(String tenant) {
        boolean created = tenantAdmin.ensurePolicy(tenant);
        progress.step("tenant '" + tenant + "' " + (created ? "given an unlimited paper policy (TenantAdmin.CreateTenant)" : "has a policy; used as it is"));
    }

    /** Imports the data set; one that exists already under the name is used as it is. */
    public void importDataset() {
        String name = settings.data().name();
        progress.step("importing " + settings.data().labelerPath() + " as data set '" + name + "' (" + settings.data().format().label() + ")");
        OptionalInt imported = labeler.importDataset(name, settings.data().labelerPath(), settings.data().format().label());
        if (imported.isPresent()) {
            progress.step("imported " + imported.getAsInt() + " tasks");
        } else {
            progress.step("data set '" + name + "' exists already; labelling it as it is");
        }
    }

    /** Starts the labelling job; a ladder without cost units ends the run here, before the job's work is waited for. */
    public LabellingJobStatus startLabeling() {
        LabellingJobStatus job = labeler.startLabeling(settings.data().name(), settings.samplesPerModel(), settings.rule(), settings.ladder());
        progress.step("labelling job " + job.jobId() + ": " + job.tasksTotal() + " tasks x " + job.models()
                + ", k=" + settings.samplesPerModel() + ", rule " + job.ruleVersion() + ", every answer verified");
        ladder(job);
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

    /** Trains on the labelling job's labels, split as the settings say; a fractions split is sent as its parts. */
    public TrainingJobStatus startTraining(String labelingJobId, TaskPartitions partitions) {
        TrainingJobStatus job = trainer.startTraining(labelingJobId, settings.split().trainerSplit(),
                settings.split().isMbpp() ? Optional.empty() : Optional.of(partitions), settings.seed());
        progress.step("training job " + job.jobId() + " on the train part of split " + settings.split().describe(settings.seed()));
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
    /** Waits until the router decides with {@code modelId}; the router's ladder, cheapest first. */
    public List<String> awaitRouterOn(String modelId) {
        DatasetTask probe = tasksById.values().iterator().next();
        long deadline = System.nanoTime() + ROUTER_SWAP_TIMEOUT.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            ClassifierInUse inUse = router.classifierInUse(probe);
            if (inUse instanceof ClassifierInUse.Model model) {
                if (model.modelId().equals(modelId)) {
                    progress.step("the router decides with model " + modelId);
                    return model.ladder();
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

    private Map<String, Prediction> classify(String what, List<String> taskIds) {
        List<Prediction> predictions = InParallel.map(taskIds, settings.concurrency(), taskId -> router.classify(tasksById.get(taskId)),
                progress, "classified " + what);
        Map<String, Prediction> byTask = new HashMap<>();
        for (int i = 0; i < taskIds.size(); i++) {
            byTask.put(taskIds.get(i), predictions.get(i));
        }
        return byTask;
    }

    /** The paper's label set scored on the tasks our model did not train on; MBPP only. */
    private Optional<PaperSetAccuracy> paperSetAccuracy(TaskPartitions partitions) {
        if (settings.data().format() != TaskFormat.MBPP || settings.paperSet().isEmpty()) {
            return Optional.empty();
        }
        List<PaperSetTask> known = settings.paperSet().stream().filter(task -> tasksById.containsKey(task.sourceId())).toList();
        if (known.isEmpty()) {
            throw new ReproductionFailed("none of the paper's labelled tasks is in the data file; pass the whole of MBPP");
        }
        Map<String, Prediction> predictions = classify("the paper's labelled tasks", known.stream().map(PaperSetTask::sourceId).toList());
        return Optional.of(PaperSetAccuracy.of(known, predictions, id -> partitions.of(id) == Partition.TRAIN));
    }
}
