package io.complexitynet.reproduce.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.complexitynet.auth.testing.AdminToken;
import io.complexitynet.auth.testing.Bearer;
import io.complexitynet.auth.testing.Refusal;
import io.complexitynet.core.routing.PricedModel;
import io.complexitynet.core.testing.BrokerUsers;
import io.complexitynet.core.testing.KeycloakRealm;
import io.complexitynet.core.testing.MbppSlices;
import io.complexitynet.core.testing.ServiceProcess;
import io.complexitynet.core.testing.TestCertificates;
import io.complexitynet.core.testing.TestSchema;
import io.complexitynet.proto.v1.GetJobRequest;
import io.complexitynet.proto.v1.GetTrainingJobRequest;
import io.complexitynet.proto.v1.GetUsageRequest;
import io.complexitynet.proto.v1.LabelerGrpc;
import io.complexitynet.proto.v1.ListModelsRequest;
import io.complexitynet.proto.v1.RouterGrpc;
import io.complexitynet.proto.v1.TrainerGrpc;
import io.complexitynet.reproduce.application.PaperReproduction;
import io.complexitynet.reproduce.application.Progress;
import io.complexitynet.reproduce.application.ReproductionSettings;
import io.complexitynet.reproduce.domain.JobStatus;
import io.complexitynet.reproduce.domain.LabellingJobStatus;
import io.complexitynet.reproduce.domain.PaperFigures;
import io.complexitynet.reproduce.domain.PaperSetTask;
import io.complexitynet.reproduce.domain.Reproduction;
import io.complexitynet.reproduce.domain.ReproductionTable;
import io.complexitynet.reproduce.domain.RoutedRequest;
import io.complexitynet.reproduce.domain.RoutedRun;
import io.complexitynet.reproduce.domain.TaskOutcome;
import io.complexitynet.reproduce.domain.TrainingFigures;
import io.complexitynet.reproduce.grpc.ServiceConnections.Endpoint;
import io.complexitynet.reproduce.grpc.ServiceConnections;
import io.complexitynet.reproduce.report.ReproductionFiles;
import io.grpc.ClientInterceptor;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The four packaged services as separate processes against the real PostgreSQL (schema e2e), RabbitMQ and
 * Keycloak, each serving TLS only as in the cluster (the router calls the verifier over TLS too), driven by the
 * reproduce command's own code with real tokens: label a slice of MBPP, with the
 * labeler killed by SIGKILL mid-job and started again, then train, promote, classify and route. Nothing
 * may be lost or stored twice, and the router's verdicts must agree with the labeler's.
 */
class EndToEndIT {

    private static final TestSchema SCHEMA = new TestSchema("e2e");
    private static final int ROUTER_PORT = 18280;
    private static final int VERIFIER_PORT = 18281;
    private static final int LABELER_PORT = 18282;
    private static final int TRAINER_PORT = 18283;
    // MBPP's own split: test 61-110 (routed), validation 511-540 (calibration), train 601-700.
    private static final Set<Integer> TASKS = Stream.of(IntStream.rangeClosed(61, 110), IntStream.rangeClosed(511, 540),
            IntStream.rangeClosed(601, 700)).flatMapToInt(ids -> ids).boxed().collect(Collectors.toCollection(TreeSet::new));
    private static final int LABELS_BEFORE_THE_KILL = 20;
    private static final TestCertificates TLS = TestCertificates.issue(Path.of("target", "e2e-tls"));
    // Each service as the broker user the dev cluster gives it, confined to its own exchanges and queues.
    private static final Map<String, BrokerUsers.User> BROKER_USERS = BrokerUsers.load();

    private static Map<String, String> asBrokerUser(String service, Map<String, String> environment) {
        Map<String, String> withUser = new HashMap<>(environment);
        withUser.putAll(BROKER_USERS.get(service).environment());
        return withUser;
    }

    private static ServiceProcess labeler(boolean cleanDatabase) {
        Map<String, String> environment = SCHEMA.serviceEnvironment(cleanDatabase);
        // The slice of MBPP this test labels is written to this module's target/.
        environment.put("LABELER_IMPORT_DIRECTORY", Path.of("target").toAbsolutePath().toString());
        return new ServiceProcess("e2e-labeler", "labeler-service", LABELER_PORT, asBrokerUser("labeler", environment)).overTls(TLS);
    }

    private static ServiceConnections connections(ClientInterceptor admin, ClientInterceptor routerUser) {
        return new ServiceConnections(ServiceConnections.transport(Optional.of(TLS.authority())), new Endpoint("localhost:" + LABELER_PORT, "--labeler", admin),
                new Endpoint("localhost:" + TRAINER_PORT, "--trainer", admin), new Endpoint("localhost:" + ROUTER_PORT, "--router", routerUser),
                admin);
    }

    @Test
    void labelsTrainsPromotesAndRoutesWithTheLabelerKilledMidJob() throws Exception {
        Path slice = MbppSlices.of("e2e-mbpp", TASKS);
        Path paperSet = MbppSlices.mbpp().resolveSibling("paper-complexity-150.jsonl");
        // One request at a time: the router's usage upsert (TenantStore.record, a MERGE) fails with a duplicate key when two
        // requests are a tenant's first of the day for the same model at once (reported; raise this when that is fixed).
        ReproductionSettings settings = ReproductionSettings.mbpp("e2e-mbpp", slice, PaperSetTask.read(paperSet), PaperFigures.COST_UNITS, 1, 1,
                Duration.ofMinutes(3), Optional.of(KeycloakRealm.ALICE.tenant()));
        Progress progress = new PrintedProgress("e2e");
        KeycloakRealm.ensureRunning();
        Map<String, String> routerEnvironment = SCHEMA.serviceEnvironment(false);
        routerEnvironment.put("QUARKUS_GRPC_CLIENTS_VERIFIER_PORT", Integer.toString(VERIFIER_PORT));
        routerEnvironment.put("QUARKUS_GRPC_CLIENTS_VERIFIER_PLAIN_TEXT", "false");
        routerEnvironment.put("QUARKUS_GRPC_CLIENTS_VERIFIER_TLS_CONFIGURATION_NAME", "verifier");
        routerEnvironment.put("QUARKUS_TLS__VERIFIER__TRUST_STORE_PEM_CERTS", TLS.authority().toString());
        // As deployed: no default policy; the reproduction gives its tenant one through TenantAdmin.
        routerEnvironment.put("ROUTER_DEFAULT_TENANT_ENABLED", "false");
        try (ServiceProcess verifier = new ServiceProcess("e2e-verifier", "verifier-service", VERIFIER_PORT, asBrokerUser("verifier", Map.of())).overTls(TLS).launch();
             ServiceProcess firstLabeler = labeler(true).launch()) {
            verifier.awaitReady();
            // The first labeler cleans and migrates the schema; the others start on it once it is ready.
            firstLabeler.awaitReady();
            try (ServiceProcess trainer = new ServiceProcess("e2e-trainer", "trainer-service", TRAINER_PORT,
                    asBrokerUser("trainer", SCHEMA.serviceEnvironment(false))).overTls(TLS).launch();
                 ServiceProcess router = new ServiceProcess("e2e-router", "router-service", ROUTER_PORT, asBrokerUser("router", routerEnvironment)).overTls(TLS).launch()) {
                String jobId;
                try (ServiceConnections services = connections(new AdminToken(), new AdminToken())) {
                    PaperReproduction reproduction = new PaperReproduction(services, settings, progress);
                    reproduction.importDataset();
                    jobId = reproduction.startLabeling().jobId();
                    awaitStoredLabels(jobId, LABELS_BEFORE_THE_KILL);
                    firstLabeler.kill();
                }
                long labelsAtKill = count("select count(*) from task_label where job_id = ?", jobId);
                assertTrue(labelsAtKill >= LABELS_BEFORE_THE_KILL && labelsAtKill < TASKS.size(), "labels at the kill: " + labelsAtKill);
                assertEquals(1, count("select count(*) from labeling_job where id = ? and state = 'RUNNING'", jobId));

                try (ServiceProcess restarted = labeler(false).start();
                     ServiceConnections operator = connections(new AdminToken(), new AdminToken())) {
                    // Launched early to start beside the labelling; on a loaded machine it may still be starting. (The
                    // router reports ready only once a model is promoted: awaitRouterOn waits for it then.)
                    trainer.awaitReady();
                    PaperReproduction reproduction = new PaperReproduction(operator, settings, progress);
                    LabellingJobStatus labelling = reproduction.awaitLabeling(jobId);
                    assertEquals(JobStatus.Phase.SUCCEEDED, labelling.phase());
                    assertEquals(TASKS.size(), labelling.tasksDone() + labelling.parked(), labelling::toString);
                    assertEquals(0, labelling.parked(), labelling::toString);
                    List<TaskOutcome> labels = reproduction.exportLabels(labelling);
                    assertEquals(TASKS, labels.stream().map(label -> Integer.valueOf(label.taskId())).collect(Collectors.toCollection(TreeSet::new)));
                    assertEquals(TASKS.size(), labels.size(), "a task labelled twice");
                    assertEquals(3L * TASKS.size(), count("select count(*) from sample where job_id = ?", jobId));
                    assertEquals(3L * TASKS.size(), count("select count(*) from sample where job_id = ? and verdict is not null", jobId));
                    assertEquals(TASKS.size(), count("select count(*) from task_label where job_id = ?", jobId));
                    awaitLive(ROUTER_PORT);

                    // The router is called as a tenant's user would call it; the labeler and trainer as an operator.
                    ClientInterceptor alice = Bearer.token(KeycloakRealm.passwordToken(KeycloakRealm.ALICE));
                    Reproduction result;
                    try (ServiceConnections services = connections(new AdminToken(), alice)) {
                        result = new PaperReproduction(services, settings, progress).fromLabels(labelling);
                    }
                    assertTokensAreChecked(alice);
                    assertBrokerUsersAreConfined();
                    assertEquals(1, countModels(), "one training job, one model");
                    assertReproduced(result);
                    assertMonitoredMetricsAreExported();
                }
            }
        }
    }

    private static void assertReproduced(Reproduction result) throws Exception {
        assertEquals(TASKS.size(), result.labels().labelled());
        TrainingFigures figures = result.model().figures();
        assertTrue(figures.accuracy() > 0 && figures.accuracy() <= 1, "accuracy " + figures.accuracy());
        assertTrue(figures.threshold() > 0 && figures.threshold() <= 1, "threshold " + figures.threshold());
        for (RoutedRun run : result.routed()) {
            assertEquals(50, run.requests().size(), run.policy());
            assertTrue(run.passRate() <= result.known().oracle().passRate() + 1e-9, run.policy() + " passes more than the oracle");
        }
        assertTrue(result.paperCascade().passRate() >= result.paper().passRate(), "the cascade lost passes");
        assertTrue(result.paperCascade().escalated() > 0, "the cascade never escalated");
        assertEquals(0, result.paper().escalated(), "no_escalation escalated");

        // The router's verdicts, through the same verifier, agree with the labeler's for the same recorded answers.
        List<String> ladder = result.ladder().stream().map(PricedModel::name).toList();
        long agree = 0;
        long answered = 0;
        for (RoutedRequest request : result.paper().requests()) {
            if (request.modelsCalled().size() == 1) {
                answered++;
                double labelled = result.known().outcome(request.taskId()).passRates()[ladder.indexOf(request.modelsCalled().get(0))];
                agree += request.passed() == (labelled > 0) ? 1 : 0;
            }
        }
        assertTrue(answered >= 40, "answered " + answered);
        assertTrue(agree >= 0.95 * answered, agree + " of " + answered + " verdicts agree");
        assertEquals(1, result.cappedCascades().size(), "a three-model ladder has one cap below the largest");
        for (RoutedRequest request : result.cappedCascades().get(0).requests()) {
            List<String> called = request.modelsCalled();
            assertTrue(called.isEmpty() || called.get(0).equals(ladder.get(0)), "cheapest-first started at " + called);
            assertFalse(called.contains(ladder.get(ladder.size() - 1)), "the capped cascade called the largest model");
        }

        ReproductionTable table = ReproductionTable.of(result);
        ReproductionFiles.Written files = ReproductionFiles.write(result, table, Path.of("target", "e2e-reproduction"));
        assertEquals(table.rows().size() + 1, Files.readAllLines(files.csv()).size());
        assertTrue(Files.readString(files.markdown()).contains(table.toMarkdown()));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(Files.readAllBytes(files.chart()), 4));
        System.out.print(table.toMarkdown());
    }

    /** Every metric k8s's dashboard and alerts name is in some service's exposition, now that all have worked. */
    private static void assertMonitoredMetricsAreExported() throws Exception {
        Set<String> exported = new TreeSet<>();
        for (int port : List.of(VERIFIER_PORT, LABELER_PORT, TRAINER_PORT, ROUTER_PORT)) {
            exposition(port).forEach(sample -> exported.add(sample.split("[{ ]", 2)[0]));
        }
        Map<String, String> missing = new TreeMap<>(MonitoringQueries.metricNames());
        missing.keySet().removeAll(exported);
        assertEquals(Map.of(), missing, "metrics the dashboard or alerts name (with where) that no service exports");
        // Read from the database in the background from the tenant's first request on: a number by now, not NaN.
        String spent = "router_tenant_budget_spent_cost_units{tenant=\"" + KeycloakRealm.ALICE.tenant() + "\"}";
        List<String> spentSamples = exposition(ROUTER_PORT).stream().filter(sample -> sample.startsWith(spent)).toList();
        assertEquals(1, spentSamples.size(), spent);
        assertTrue(Double.parseDouble(spentSamples.get(0).substring(spent.length()).trim()) >= 0, spentSamples.get(0));
    }

    /** The samples of the service's Prometheus exposition: counters with _total, timers' _count, _sum and _bucket. */
    private static List<String> exposition(int port) throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(TLS.trustingAuthority()).build();
        HttpResponse<Stream<String>> response = http.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, response.statusCode(), "metrics of port " + port);
        try (Stream<String> lines = response.body()) {
            return lines.filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        }
    }

    private static void assertTokensAreChecked(ClientInterceptor routerUser) {
        ManagedChannel labeler = overTls(LABELER_PORT);
        ManagedChannel trainer = overTls(TRAINER_PORT);
        ManagedChannel plaintextRouter = ManagedChannelBuilder.forAddress("localhost", ROUTER_PORT).usePlaintext().build();
        try {
            // TLS only: a plaintext caller does not even reach the token check.
            StatusRuntimeException plaintext = assertThrows(StatusRuntimeException.class,
                    () -> RouterGrpc.newBlockingStub(plaintextRouter).withInterceptors(routerUser).getUsage(GetUsageRequest.getDefaultInstance()));
            assertEquals(Status.Code.UNAVAILABLE, plaintext.getStatus().getCode(), plaintext.getStatus()::toString);
            Refusal.assertRefused(Status.Code.UNAUTHENTICATED, "no bearer token: send the metadata 'authorization: Bearer <access token>'",
                    () -> TrainerGrpc.newBlockingStub(trainer).getJob(GetTrainingJobRequest.newBuilder().setJobId("any").build()));
            // A tenant's token is meant for the router only.
            Refusal.assertRefused(Status.Code.UNAUTHENTICATED, "the bearer token is not issued for this service's audience",
                    () -> LabelerGrpc.newBlockingStub(labeler).withInterceptors(routerUser)
                            .getJob(GetJobRequest.newBuilder().setJobId("any").build()));
        } finally {
            labeler.shutdownNow();
            trainer.shutdownNow();
            plaintextRouter.shutdownNow();
        }
    }

    /** What a compromised pod could do with its service's broker user: not read or forge another service's messages. */
    private static void assertBrokerUsersAreConfined() throws Exception {
        assertRefusedByBroker("router", channel -> channel.basicPublish("complexitynet.verification-results", "", null, new byte[0]));
        assertRefusedByBroker("router", channel -> channel.basicPublish("complexitynet.training-requests", "", null, new byte[0]));
        assertRefusedByBroker("router", channel -> channel.basicGet("labeling-work", false));
        assertRefusedByBroker("verifier", channel -> channel.basicPublish("complexitynet.labels-updated", "", null, new byte[0]));
        assertRefusedByBroker("verifier", channel -> channel.basicGet("verification-results", false));
        assertRefusedByBroker("trainer", channel -> channel.basicGet("verification-requests", false));
    }

    private interface BrokerCall {
        void on(Channel channel) throws IOException;
    }

    // A refused publish closes the channel asynchronously: the confirm that follows reports it.
    private static void assertRefusedByBroker(String user, BrokerCall call) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setUsername(BROKER_USERS.get(user).name());
        factory.setPassword(BROKER_USERS.get(user).password());
        try (Connection connection = factory.newConnection("e2e-broker-" + user)) {
            Channel channel = connection.createChannel();
            channel.confirmSelect();
            Exception refused = assertThrows(Exception.class, () -> {
                call.on(channel);
                channel.waitForConfirmsOrDie(5_000);
            }, user + " was allowed");
            String reason = String.valueOf(refused) + refused.getCause();
            assertTrue(reason.contains("ACCESS_REFUSED"), user + ": " + reason);
        }
    }

    private static long countModels() throws Exception {
        ManagedChannel trainer = overTls(TRAINER_PORT);
        try {
            return TrainerGrpc.newBlockingStub(trainer).withInterceptors(new AdminToken())
                    .listModels(ListModelsRequest.newBuilder().setPageSize(10).build()).getModelsCount();
        } finally {
            trainer.shutdownNow();
        }
    }

    private static ManagedChannel overTls(int port) {
        return Grpc.newChannelBuilderForAddress("localhost", port, ServiceConnections.transport(Optional.of(TLS.authority()))).build();
    }

    private static void awaitStoredLabels(String jobId, long labels) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (count("select count(*) from task_label where job_id = ?", jobId) < labels) {
            assertTrue(System.nanoTime() < deadline, "no " + labels + " labels within 60 s");
            Thread.sleep(20);
        }
    }

    /** The router is live before any model is promoted, but only ready after; the flow needs it listening. */
    private static void awaitLive(int port) throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(TLS.trustingAuthority()).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/q/health/live")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            assertTrue(System.nanoTime() < deadline, "the router was not live within 60 s; see target/e2e-router.log");
            Thread.sleep(250);
        }
    }

    private static long count(String sql, String jobId) throws Exception {
        return SCHEMA.count(sql, jobId);
    }
}
