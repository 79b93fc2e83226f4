package io.complexitynet.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.complexitynet.core.testing.KeycloakRealm;
import io.complexitynet.core.testing.ServiceProcess;
import io.complexitynet.core.testing.TestSchema;
import io.complexitynet.proto.v1.Candidate;
import io.complexitynet.proto.v1.CandidateResult;
import io.complexitynet.proto.v1.GetUsageRequest;
import io.complexitynet.proto.v1.ImportDatasetRequest;
import io.complexitynet.proto.v1.LabelerGrpc;
import io.complexitynet.proto.v1.ListModelsRequest;
import io.complexitynet.proto.v1.RouterGrpc;
import io.complexitynet.proto.v1.TrainerGrpc;
import io.complexitynet.proto.v1.Verdict;
import io.complexitynet.proto.v1.VerifierGrpc;
import io.complexitynet.proto.v1.VerifyRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each service started from its built image's root file system (read-only, as the image's user, configured by
 * environment only) against the real PostgreSQL, RabbitMQ and Keycloak: ready, and one real call answered. The
 * verifier runs candidates under bubblewrap on the sandbox image's root, so its calls are the sandbox image's
 * check: the hostile suite's first cases fail as they must and an honest candidate passes.
 */
class ImageSmokeIT {

    private static final Path REPO = Path.of(System.getProperty("complexitynet.repo.dir", ".."));
    private static final TestSchema SCHEMA = new TestSchema("images_smoke");
    private static final int VERIFIER_PORT = 18381;
    private static final int LABELER_PORT = 18382;
    private static final int TRAINER_PORT = 18383;
    private static final int ROUTER_PORT = 18384;
    private static final List<ServiceProcess> RUNNING = new ArrayList<>();
    private static final List<ManagedChannel> CHANNELS = new ArrayList<>();
    private static final Map<String, ImageRoot> IMAGES = new LinkedHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ImageRoot image(String module, String name) throws Exception {
        Path archive = REPO.resolve(Path.of(module, "target", "image", name + ".oci.tar"));
        assertTrue(Files.isRegularFile(archive), archive + " is missing: build the images first (images/README.md)");
        ImageRoot image = ImageRoot.unpack(archive, Path.of("target", "smoke", name).toAbsolutePath());
        IMAGES.put(name, image);
        return image;
    }

    private static ServiceProcess start(String name, ImageRoot image, int port, Map<String, String> environment) {
        ServiceProcess service = new ServiceProcess("smoke-" + name, image, port, environment);
        RUNNING.add(service);
        return service.start();
    }

    @BeforeAll
    static void startEveryServiceFromItsImage() throws Exception {
        KeycloakRealm.ensureRunning();
        ImageRoot sandbox = image("verifier-service", "verifier-sandbox");
        start("verifier", image("verifier-service", "verifier-service").withReadOnly(sandbox.rootfs(), "/sandbox"), VERIFIER_PORT,
                Map.of("VERIFIER_SANDBOX_ROOT", "/sandbox"));
        // The recorded model outputs the replay backends read, mounted as a cluster would mount a volume (under the
        // private /tmp: the image's root is read-only, so a mount point must be made where something is writable).
        Path data = Path.of(System.getProperty("complexitynet.data.dir", "../shared/data")).toAbsolutePath().normalize();
        Map<String, String> labeler = SCHEMA.serviceEnvironment(true);
        labeler.put("LABELER_REPLAY_FILE", "/tmp/data/mbpp/generations.jsonl");
        labeler.put("LABELER_IMPORT_DIRECTORY", "/tmp/data");
        start("labeler", image("labeler-service", "labeler-service").withReadOnly(data, "/tmp/data"), LABELER_PORT, labeler);
        start("trainer", image("trainer-service", "trainer-service"), TRAINER_PORT, SCHEMA.serviceEnvironment(false));
        Map<String, String> router = SCHEMA.serviceEnvironment(false);
        router.put("QUARKUS_GRPC_CLIENTS_VERIFIER_PORT", Integer.toString(VERIFIER_PORT));
        // A policy for tenants that have none, so a tenant's first call needs no TenantAdmin call before it.
        router.put("ROUTER_DEFAULT_TENANT_ENABLED", "true");
        router.put("ROUTER_REPLAY_FILE", "/tmp/data/mbpp/generations.jsonl");
        router.put("ROUTER_REPLAY_TASKS", "/tmp/data/mbpp/mbpp.jsonl");
        ServiceProcess routerProcess = new ServiceProcess("smoke-router", image("router-service", "router-service").withReadOnly(data, "/tmp/data"),
                ROUTER_PORT, router);
        RUNNING.add(routerProcess);
        routerProcess.launch().awaitReadiness(response -> readyButForTheClassifier(response.body()));
    }

    /**
     * A router is ready once a complexity model is promoted, which takes labels and a training run: until then every
     * other check (database, broker, gRPC) must be up and the classifier's must say why it is not.
     */
    private static boolean readyButForTheClassifier(String readiness) {
        JsonNode checks;
        try {
            checks = JSON.readTree(readiness).path("checks");
        } catch (IOException notHealthJson) {
            return false;
        }
        boolean othersUp = checks.size() > 1;
        String classifier = "";
        for (JsonNode check : checks) {
            if (check.path("name").asText().equals("classifier")) {
                classifier = check.at("/data/reason").asText();
            } else {
                othersUp &= check.path("status").asText().equals("UP");
            }
        }
        return othersUp && classifier.equals("no complexity model promoted yet");
    }

    @AfterAll
    static void stop() throws Exception {
        CHANNELS.forEach(ManagedChannel::shutdownNow);
        for (ServiceProcess service : RUNNING) {
            service.close();
        }
    }

    private static <S extends AbstractStub<S>> S withToken(S stub, String token) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers)).withDeadlineAfter(60, TimeUnit.SECONDS);
    }

    private static ManagedChannel channel(int port) {
        ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        CHANNELS.add(channel);
        return channel;
    }

    @Test
    void everyImageRunsAsANonRootUserWithoutShellOrPackageManager() {
        assertEquals(5, IMAGES.size());
        IMAGES.forEach((name, image) -> {
            assertTrue(image.uid() != 0, name + " runs as root");
            for (String program : List.of("sh", "bash", "dash", "dpkg", "apt", "apt-get", "perl", "su")) {
                assertFalse(Files.exists(image.rootfs().resolve("usr/bin/" + program), LinkOption.NOFOLLOW_LINKS), name + " has " + program);
            }
        });
        assertFalse(Files.exists(IMAGES.get("router-service").rootfs().resolve("usr/bin/python3")), "Python is the sandbox's only");
        for (String image : List.of("labeler-service", "trainer-service", "router-service", "verifier-sandbox")) {
            assertFalse(Files.exists(IMAGES.get(image).rootfs().resolve("usr/bin/bwrap")), image + ": bubblewrap is the verifier's only");
        }
        assertTrue(Files.isExecutable(IMAGES.get("verifier-service").rootfs().resolve("usr/bin/bwrap")), "the verifier's local backend");
    }

    @Test
    void everyImageCarriesItsSbomAndAStatusOfWhatIsInstalled() throws Exception {
        Map<String, List<String>> expected = Map.of("router-service", List.of("pkg:deb/debian/openjdk-17-jre-headless@", "pkg:maven/io.quarkus/quarkus-core@"),
                "verifier-sandbox", List.of("pkg:deb/debian/python3.11-minimal@"));
        for (Map.Entry<String, List<String>> image : expected.entrySet()) {
            Path root = IMAGES.get(image.getKey()).rootfs();
            JsonNode sbom = JSON.readTree(root.resolve("usr/share/sbom/" + image.getKey() + ".cdx.json").toFile());
            for (String purl : image.getValue()) {
                boolean listed = false;
                for (JsonNode component : sbom.path("components")) {
                    listed |= component.path("purl").asText().startsWith(purl);
                }
                assertTrue(listed, image.getKey() + "'s SBOM lacks " + purl);
            }
            String status = Files.readString(root.resolve("var/lib/dpkg/status"));
            String debianPackage = image.getValue().get(0).replaceAll(".*/(.*)@", "$1");
            assertTrue(status.contains("Package: " + debianPackage + "\n"), image.getKey() + ": dpkg's status lacks " + debianPackage);
            assertFalse(status.contains("Package: dpkg\n"), image.getKey() + ": dpkg's status lists the removed dpkg");
        }
    }

    @Test
    void theVerifierJudgesHostileAndHonestCandidatesOnTheSandboxImage() {
        String token = KeycloakRealm.clientCredentialsToken(KeycloakRealm.ROUTER_SERVICE_CLIENT, KeycloakRealm.ROUTER_SERVICE_SECRET);
        List<String> tests = List.of("assert add(1, 2) == 3", "assert add(2, 2) == 4");
        Map<String, String> hostile = Map.of(
                "sys-exit", "import sys\nsys.exit(0)\n",
                "raise-system-exit", "raise SystemExit\n",
                "os-exit", "import os\nos._exit(0)\n",
                "atexit", "import atexit, os\natexit.register(lambda: os._exit(0))\ndef add(a, b):\n    return 0\n",
                "excepthook", "import sys, os\nsys.excepthook = lambda *a: os._exit(0)\ndef add(a, b):\n    raise ValueError('no idea')\n",
                "network", "import socket\nsocket.create_connection(('127.0.0.1', 5432), timeout=1)\ndef add(a, b):\n    return a + b\n",
                "host-files", "open('/etc/shadow').read()\ndef add(a, b):\n    return a + b\n");
        VerifyRequest.Builder request = VerifyRequest.newBuilder().setBatchId("smoke");
        hostile.forEach((id, code) -> request.addCandidates(Candidate.newBuilder().setCandidateId(id).setCode(code).addAllTests(tests)));
        request.addCandidates(Candidate.newBuilder().setCandidateId("honest").setCode("def add(a, b):\n    return a + b\n").addAllTests(tests));
        List<CandidateResult> results = withToken(VerifierGrpc.newBlockingStub(channel(VERIFIER_PORT)), token).verify(request.build()).getResultsList();
        assertEquals(hostile.size() + 1, results.size(), results::toString);
        for (CandidateResult result : results) {
            if (result.getCandidateId().equals("honest")) {
                assertEquals(Verdict.VERDICT_PASSED, result.getVerdict(), result::toString);
            } else {
                assertFalse(result.getVerdict() == Verdict.VERDICT_PASSED, () -> "hostile candidate passed: " + result);
            }
        }
        Map<String, String> errors = Map.of("sys-exit", "SystemExit", "raise-system-exit", "SystemExit", "os-exit", "EarlyExit",
                "excepthook", "ValueError");
        results.stream().filter(result -> errors.containsKey(result.getCandidateId()))
                .forEach(result -> assertEquals(errors.get(result.getCandidateId()), result.getErrorType(), result::toString));
    }

    @Test
    void theLabelerImportsAndTheTrainerAndRouterAnswerFromTheDatabase() {
        String admin = KeycloakRealm.passwordToken(KeycloakRealm.ADMIN_OPS);
        // The labeler reads the file from its import directory (the mounted data) and stores every task.
        assertEquals(164, withToken(LabelerGrpc.newBlockingStub(channel(LABELER_PORT)), admin)
                .importDataset(ImportDatasetRequest.newBuilder().setName("humaneval").setPath("humaneval/HumanEval.jsonl").build()).getTasks());
        assertEquals(0, withToken(TrainerGrpc.newBlockingStub(channel(TRAINER_PORT)), admin)
                .listModels(ListModelsRequest.getDefaultInstance()).getModelsCount());
        assertEquals(0, withToken(RouterGrpc.newBlockingStub(channel(ROUTER_PORT)), KeycloakRealm.passwordToken(KeycloakRealm.ALICE))
                .getUsage(GetUsageRequest.getDefaultInstance()).getRowsCount());
    }
}
