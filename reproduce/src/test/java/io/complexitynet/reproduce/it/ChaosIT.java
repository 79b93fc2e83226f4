package io.complexitynet.reproduce.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.auth.testing.AdminToken;
import io.complexitynet.auth.testing.Bearer;
import io.complexitynet.core.task.MbppReader;
import io.complexitynet.core.task.MbppTask;
import io.complexitynet.core.testing.KeycloakRealm;
import io.complexitynet.core.testing.LocalPostgres;
import io.complexitynet.core.testing.LocalRabbitMq;
import io.complexitynet.core.testing.MbppSlices;
import io.complexitynet.core.testing.ServiceProcess;
import io.complexitynet.core.testing.TestSchema;
import io.complexitynet.proto.v1.ListModelsRequest;
import io.complexitynet.proto.v1.RouteRequest;
import io.complexitynet.proto.v1.RouterGrpc;
import io.complexitynet.proto.v1.TrainerGrpc;
import io.complexitynet.reproduce.application.PaperReproduction;
import io.complexitynet.reproduce.application.ReproductionSettings;
import io.complexitynet.reproduce.domain.EvaluationSplit;
import io.complexitynet.reproduce.domain.JobStatus;
import io.complexitynet.reproduce.domain.LabellingJobStatus;
import io.complexitynet.reproduce.domain.PaperFigures;
import io.complexitynet.reproduce.domain.PaperSetTask;
import io.complexitynet.reproduce.domain.TrainingJobStatus;
import io.complexitynet.reproduce.grpc.ServiceConnections;
import io.complexitynet.reproduce.grpc.ServiceConnections.Endpoint;
import io.complexitynet.reproduce.grpc.TrainerClient;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The chaos suite: the four packaged services as separate processes against the real PostgreSQL, RabbitMQ and
 * Keycloak, one infrastructure fault at a time, each injected mid-work.
 * <ul>
 * <li>Labelling 454 tasks: the labeler killed (SIGKILL) and started again, RabbitMQ stopped for 10 s, PostgreSQL
 * stopped for 8 s, the verifier killed and started again. The job completes with every task labelled exactly once,
 * every sample stored once, nothing parked; the labeler is not ready while the broker or the database is down.</li>
 * <li>Training: the trainer killed mid-training and started again. The job runs again from the start and succeeds,
 * with one model stored.</li>
 * <li>Routing: a steady Route load with tests across a verifier kill and restart, then across Keycloak frozen for
 * 30 s. Route fails only with UNAVAILABLE, succeeds again after, and the usage ledger holds exactly what the models
 * cost (the router's own count of every model call).</li>
 * </ul>
 * Each fault's figures (time to recover, requests failed) are printed as "chaos: ..." lines for docs/benchmarks.md.
 */
class ChaosIT {

    private static final TestSchema SCHEMA = new TestSchema("chaos");
    private static final int ROUTER_PORT = 18380;
    private static final int VERIFIER_PORT = 18381;
    private static final int LABELER_PORT = 18382;
    private static final int TRAINER_PORT = 18383;
    // MBPP's own split: test 61-110 (routed), validation 511-540, train 601-974; enough work for four faults in turn
    // (a fault that stops one side leaves a backlog the other clears in a burst after it).
    private static final Set<Integer> TASKS = Stream.of(IntStream.rangeClosed(61, 110), IntStream.rangeClosed(511, 540),
            IntStream.rangeClosed(601, 974)).flatMapToInt(ids -> ids).boxed().collect(Collectors.toCollection(TreeSet::new));
    private static final Duration LOAD_AFTER_RECOVERY = Duration.ofSeconds(10);
    // Labels the job makes between one fault's end and the next fault.
    private static final long LABELS_BETWEEN_FAULTS = 20;

    // One batch at a time, one sandbox at once: a pace at which the job lasts through four faults.
    private final ServiceProcess verifier = new ServiceProcess("chaos-verifier", "verifier-service", VERIFIER_PORT,
            Map.of("VERIFIER_MESSAGING_IN_FLIGHT", "1", "VERIFIER_SANDBOX_CONCURRENCY", "1"));
    // The first labeler cleans the schema; the one started after the kill must not.
    private ServiceProcess labeler = labeler(true);
    private final ServiceProcess trainer = new ServiceProcess("chaos-trainer", "trainer-service", TRAINER_PORT, SCHEMA.serviceEnvironment(false));
    private final ServiceProcess router = new ServiceProcess("chaos-router", "router-service", ROUTER_PORT, routerEnvironment());

    private static ServiceProcess labeler(boolean cleanDatabase) {
        Map<String, String> environment = SCHEMA.serviceEnvironment(cleanDatabase);
        environment.put("LABELER_IMPORT_DIRECTORY", Path.of("target").toAbsolutePath().toString());
        return new ServiceProcess("chaos-labeler", "labeler-service", LABELER_PORT, environment);
    }

    private static Map<String, String> routerEnvironment() {
        Map<String, String> environment = SCHEMA.serviceEnvironment(false);
        environment.put("QUARKUS_GRPC_CLIENTS_VERIFIER_PORT", Integer.toString(VERIFIER_PORT));
        environment.put("ROUTER_DEFAULT_TENANT_ENABLED", "true");
        return environment;
    }

    @Test
    void everyFaultMidWorkDelaysTheWorkButLosesAndDuplicatesNothing() throws Exception {
        Path slice = MbppSlices.of("chaos-mbpp", TASKS);
        List<MbppTask> tasks = MbppReader.read(slice);
        ReproductionSettings settings = ReproductionSettings.mbpp("chaos-mbpp", slice,
                PaperSetTask.read(MbppSlices.mbpp().resolveSibling("paper-complexity-150.jsonl")), PaperFigures.COST_UNITS, 1, 1,
                Duration.ofMinutes(5), Optional.empty());
        KeycloakRealm.ensureRunning();
        try {
            verifier.launch();
            labeler.launch();
            verifier.awaitReady();
            // The labeler cleans and migrates the schema; the others start on it once it is ready.
            labeler.awaitReady();
            trainer.launch();
            router.launch();
            trainer.awaitReady();
            try (ServiceConnections operator = new ServiceConnections(ServiceConnections.transport(Optional.empty()),
                    new Endpoint("localhost:" + LABELER_PORT, "--labeler", new AdminToken()),
                    new Endpoint("localhost:" + TRAINER_PORT, "--trainer", new AdminToken()),
                    new Endpoint("localhost:" + ROUTER_PORT, "--router", new AdminToken()), new AdminToken())) {
                PaperReproduction reproduction = new PaperReproduction(operator, settings, new PrintedProgress("chaos"));
                String labelling = labelThroughFaults(reproduction);
                TrainingJobStatus trained = trainThroughATrainerKill(reproduction, new TrainerClient(operator), labelling);
                reproduction.promote(trained);
                reproduction.awaitRouterOn(trained.modelId());
            }
            routeThroughFaults(tasks.stream().filter(task -> task.taskId() <= 110).toList());
        } finally {
            router.close();
            trainer.close();
            labeler.close();
            verifier.close();
        }
    }

    private String labelThroughFaults(PaperReproduction reproduction) throws Exception {
        reproduction.importDataset();
        String jobId = reproduction.startLabeling().jobId();
        fault(jobId, "labeler killed and started again", () -> {
            labeler.kill();
            labeler = labeler(false).start();
        });
        fault(jobId, "verifier killed and started again", () -> {
            verifier.kill();
            verifier.start();
        });
        fault(jobId, "RabbitMQ stopped for 10 s",
                outage("the broker", LocalRabbitMq::stop, LocalRabbitMq::start, Duration.ofSeconds(10)));
        // Last: the verifier keeps verifying while the labeler cannot store, so on a fast machine the results queued
        // meanwhile can finish the job the moment the database is back, leaving no labels for a fault after it.
        fault(jobId, "PostgreSQL stopped for 8 s",
                outage("its database", LocalPostgres::stop, LocalPostgres::start, Duration.ofSeconds(8)));
        LabellingJobStatus done = reproduction.awaitLabeling(jobId);
        assertEquals(JobStatus.Phase.SUCCEEDED, done.phase(), done::toString);
        assertEquals(0, done.parked(), done::toString);
        assertEquals(TASKS.size(), done.tasksDone(), done::toString);
        assertEquals(TASKS.size(), count("select count(*) from task_label where job_id = ?", jobId));
        assertEquals(TASKS.size(), count("select count(distinct task_id) from task_label where job_id = ?", jobId));
        assertEquals(3L * TASKS.size(), count("select count(*) from sample where job_id = ? and verdict is not null", jobId));
        assertEquals(3L * TASKS.size(), count("select count(*) from sample where job_id = ?", jobId));
        return jobId;
    }

    private interface Fault {
        void inject() throws Exception;
    }

    private interface Control {
        void run() throws InterruptedException;
    }

    /**
     * A dependency stopped for {@code down}, during which the labeler must not report ready, then started again, after
     * which it must report ready again.
     */
    private static Fault outage(String dependency, Control stop, Control start, Duration down) {
        return () -> {
            stop.run();
            try {
                Thread.sleep(down.toMillis());
                assertEquals(503, readiness(LABELER_PORT), "the labeler is ready while " + dependency + " is down");
            } finally {
                start.run();
            }
            long started = System.nanoTime();
            long deadline = started + Duration.ofMinutes(1).toNanos();
            while (readiness(LABELER_PORT) != 200) {
                assertTrue(System.nanoTime() < deadline, "the labeler is not ready a minute after " + dependency + " came back");
                Thread.sleep(200);
            }
            System.out.printf("chaos: the labeler ready again %.1f s after %s came back%n", (System.nanoTime() - started) / 1e9, dependency);
        };
    }

    /**
     * Injects the fault once the job has made {@link #LABELS_BETWEEN_FAULTS} labels since the last one, and reports how
     * long the labels took to move again.
     */
    private static void fault(String jobId, String what, Fault fault) throws Exception {
        awaitLabels(jobId, Math.min(count("select count(*) from task_label where job_id = ?", jobId) + LABELS_BETWEEN_FAULTS, TASKS.size()));
        long before = count("select count(*) from task_label where job_id = ?", jobId);
        assertTrue(before < TASKS.size(), "the job ended before '" + what + "': " + before + " labels");
        long injected = System.nanoTime();
        fault.inject();
        long over = System.nanoTime();
        long after = count("select count(*) from task_label where job_id = ?", jobId);
        awaitLabels(jobId, Math.min(after + 1, TASKS.size()));
        System.out.printf("chaos: %s at %d of %d labels: fault lasted %.1f s, labels moved again %.1f s after it%n", what, before,
                TASKS.size(), (over - injected) / 1e9, (System.nanoTime() - over) / 1e9);
    }

    private TrainingJobStatus trainThroughATrainerKill(PaperReproduction reproduction, TrainerClient trainerApi, String labelling)
            throws Exception {
        String jobId = trainerApi.startTraining(labelling, EvaluationSplit.MBPP, Optional.empty(), 1).jobId();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        TrainingJobStatus job = trainerApi.job(jobId);
        while (job.phase() == JobStatus.Phase.RUNNING && job.progress() <= 0) {
            assertTrue(System.nanoTime() < deadline, "training did not start within 2 minutes: " + job);
            Thread.sleep(20);
            job = trainerApi.job(jobId);
        }
        assertEquals(JobStatus.Phase.RUNNING, job.phase(), () -> "the training ended before the kill: " + trainerApi.job(jobId));
        String stage = job.stage();
        trainer.kill();
        long killed = System.nanoTime();
        assertEquals(1, count("select count(*) from training_job where id = ? and state = 'RUNNING'", jobId));
        trainer.start();
        TrainingJobStatus trained = reproduction.awaitTraining(jobId);
        System.out.printf("chaos: trainer killed mid-training (stage %s): the job ran again and succeeded %.1f s after the kill%n",
                stage, (System.nanoTime() - killed) / 1e9);
        ManagedChannel channel = ManagedChannelBuilder.forAddress("localhost", TRAINER_PORT).usePlaintext().build();
        try {
            assertEquals(1, TrainerGrpc.newBlockingStub(channel).withInterceptors(new AdminToken())
                    .listModels(ListModelsRequest.newBuilder().setPageSize(10).build()).getModelsCount(), "one job, one model");
        } finally {
            channel.shutdownNow();
        }
        return trained;
    }

    private void routeThroughFaults(List<MbppTask> routed) throws Exception {
        ManagedChannel channel = ManagedChannelBuilder.forAddress("localhost", ROUTER_PORT).usePlaintext().build();
        try {
            RouterGrpc.RouterBlockingStub alice = RouterGrpc.newBlockingStub(channel)
                    .withInterceptors(Bearer.token(KeycloakRealm.passwordToken(KeycloakRealm.ALICE)));
            try (RouteLoad load = new RouteLoad(alice, routed)) {
                Thread.sleep(3_000);
                long killed = load.mark();
                verifier.kill();
                verifier.start();
                long restarted = load.mark();
                Thread.sleep(LOAD_AFTER_RECOVERY.toMillis());
                load.report("verifier killed and started again", killed, restarted);

                long frozen = load.mark();
                KeycloakRealm.freeze();
                try {
                    Thread.sleep(Duration.ofSeconds(30).toMillis());
                } finally {
                    KeycloakRealm.thaw();
                }
                long thawed = load.mark();
                Thread.sleep(LOAD_AFTER_RECOVERY.toMillis());
                load.report("Keycloak frozen for 30 s", frozen, thawed);
            }
            assertUsageIsExact();
        } finally {
            channel.shutdownNow();
        }
    }

    /** Every model call the router counted is in the usage ledger once: its cost, to a millionth of a unit. */
    private static void assertUsageIsExact() throws Exception {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + ROUTER_PORT + "/q/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        double counted = metrics.lines().filter(line -> line.startsWith("router_cost_units_total{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
        long recorded = count("select coalesce(round(sum(cost_units) * 1000000), 0) from tenant_usage where tenant = ?",
                KeycloakRealm.ALICE.tenant());
        assertTrue(counted > 0, "no model ran");
        assertTrue(Math.abs(Math.round(counted * 1_000_000) - recorded) <= 2,
                "the router counted " + counted + " cost units, the ledger holds " + recorded / 1e6);
        System.out.printf("chaos: usage ledger %.6f cost units, the router's own count %.6f%n", recorded / 1e6, counted);
    }

    /** Two callers sending Route with tests back to back, each outcome kept with the time it ended. */
    private static final class RouteLoad implements AutoCloseable {

        private record Outcome(long endedNanos, Status.Code code, String description) {
        }

        private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        private final List<Thread> callers = new ArrayList<>();
        private volatile boolean running = true;

        RouteLoad(RouterGrpc.RouterBlockingStub router, List<MbppTask> tasks) {
            for (int caller = 0; caller < 2; caller++) {
                int first = caller;
                Thread thread = new Thread(() -> {
                    for (int i = first; running; i += 2) {
                        MbppTask task = tasks.get(i % tasks.size());
                        RouteRequest request = RouteRequest.newBuilder().setPrompt(task.text()).setSetupCode(task.setupCode())
                                .addAllTests(task.tests()).build();
                        try {
                            router.withDeadlineAfter(60, TimeUnit.SECONDS).route(request);
                            outcomes.add(new Outcome(System.nanoTime(), Status.Code.OK, ""));
                        } catch (StatusRuntimeException e) {
                            outcomes.add(new Outcome(System.nanoTime(), e.getStatus().getCode(), e.getStatus().getDescription()));
                        }
                    }
                }, "route-load-" + caller);
                thread.start();
                callers.add(thread);
            }
        }

        long mark() {
            return System.nanoTime();
        }

        /** The outcomes from the fault's start on: only UNAVAILABLE may fail, and requests are answered again after it. */
        void report(String fault, long start, long over) {
            List<Outcome> seen = outcomes.stream().filter(outcome -> outcome.endedNanos() >= start).toList();
            Map<Status.Code, Long> byCode = seen.stream().collect(Collectors.groupingBy(Outcome::code, TreeMap::new, Collectors.counting()));
            List<Outcome> wrong = seen.stream().filter(o -> o.code() != Status.Code.OK && o.code() != Status.Code.UNAVAILABLE).toList();
            assertTrue(wrong.isEmpty(), fault + ": failures other than UNAVAILABLE: " + wrong);
            long lastFailure = seen.stream().filter(o -> o.code() != Status.Code.OK).mapToLong(Outcome::endedNanos).max().orElse(start);
            long recovered = Math.max(lastFailure, over);
            long answeredAfter = seen.stream().filter(o -> o.code() == Status.Code.OK && o.endedNanos() > recovered).count();
            assertTrue(answeredAfter > 0, fault + ": nothing answered after the fault: " + byCode);
            seen.stream().filter(o -> o.code() != Status.Code.OK).findFirst()
                    .ifPresent(o -> System.out.printf("chaos:   %s: first refusal: %s%n", fault, o.description()));
            System.out.printf("chaos: %s under Route load: %s; last failure %.1f s after the fault ended; %d answered after%n", fault,
                    byCode, Math.max(0, lastFailure - over) / 1e9, answeredAfter);
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            for (Thread caller : callers) {
                caller.join(Duration.ofSeconds(90).toMillis());
            }
        }
    }

    private static int readiness(int port) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void awaitLabels(String jobId, long labels) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (count("select count(*) from task_label where job_id = ?", jobId) < labels) {
            assertTrue(System.nanoTime() < deadline, "no " + labels + " labels within 3 minutes");
            Thread.sleep(20);
        }
    }

    private static long count(String sql, String parameter) throws Exception {
        return SCHEMA.count(sql, parameter);
    }
}
