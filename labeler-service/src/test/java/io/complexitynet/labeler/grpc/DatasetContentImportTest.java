package io.complexitynet.labeler.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.ByteString;
import io.complexitynet.auth.testing.AdminToken;
import io.complexitynet.auth.testing.KeycloakResource;
import io.complexitynet.labeler.testing.LabelerAsAdmin;
import io.complexitynet.proto.v1.Dataset;
import io.complexitynet.proto.v1.DatasetContent;
import io.complexitynet.testing.VerifierResource;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.RegisterClientInterceptor;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Multi;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** ImportDatasetContent: a data set streamed in pieces, with the import's limit and all-or-nothing rule. */
@QuarkusTest
@QuarkusTestResource(VerifierResource.class)
@QuarkusTestResource(KeycloakResource.class)
@TestProfile(DatasetContentImportTest.SmallImports.class)
class DatasetContentImportTest extends LabelerAsAdmin {

    private static final int MAX_BYTES = 4096;

    public static class SmallImports implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("labeler.import.max-bytes", Integer.toString(MAX_BYTES));
        }
    }

    @GrpcClient("labeler")
    @RegisterClientInterceptor(AdminToken.class)
    io.complexitynet.proto.v1.Labeler streaming;

    private static final String TASKS = """
            {"task_id": 1, "text": "Write a function to add two numbers.", "code": "", "test_setup_code": "", "test_list": ["assert add(1, 2) == 3"]}
            {"task_id": 2, "text": "Write a function to subtract two numbers.", "code": "", "test_setup_code": "", "test_list": ["assert sub(2, 1) == 1"]}
            {"task_id": 3, "text": "Write a function to multiply two numbers.", "code": "", "test_setup_code": "", "test_list": ["assert mul(2, 3) == 6"]}
            """;

    /** The content in pieces of {@code size} bytes (cutting lines and characters anywhere), the first one naming the data set. */
    private Dataset send(String name, byte[] content, int size) {
        List<DatasetContent> pieces = new ArrayList<>();
        for (int start = 0; start < content.length; start += size) {
            pieces.add(DatasetContent.newBuilder().setName(pieces.isEmpty() ? name : "")
                    .setChunk(ByteString.copyFrom(content, start, Math.min(size, content.length - start))).build());
        }
        return streaming.importDatasetContent(Multi.createFrom().iterable(pieces)).await().atMost(Duration.ofSeconds(30));
    }

    private Status refusal(String name, byte[] content) {
        return assertThrows(StatusRuntimeException.class, () -> send(name, content, 100)).getStatus();
    }

    private long datasets(String name) {
        return ((Number) entities.createNativeQuery("select count(*) from dataset where name = ?1").setParameter(1, name)
                .getSingleResult()).longValue();
    }

    @Test
    void aDataSetSentInPiecesIsImportedWhole() {
        String name = "streamed-" + UUID.randomUUID();
        Dataset dataset = send(name, TASKS.getBytes(StandardCharsets.UTF_8), 37);
        assertEquals(name, dataset.getName());
        assertEquals(3, dataset.getTasks());
        assertEquals(Status.Code.ALREADY_EXISTS, refusal(name, TASKS.getBytes(StandardCharsets.UTF_8)).getCode());
    }

    @Test
    void contentOverTheLimitIsRefusedNamingItAndNothingIsStored() {
        String name = "too-large-" + UUID.randomUUID();
        Status status = refusal(name, TASKS.repeat(MAX_BYTES / TASKS.length() + 1).getBytes(StandardCharsets.UTF_8));
        assertEquals(Status.Code.RESOURCE_EXHAUSTED, status.getCode());
        assertEquals("content: more than labeler.import.max-bytes (4096 bytes); nothing was imported", status.getDescription());
        assertEquals(0, datasets(name));
    }

    @Test
    void aMalformedLineOrBytesThatAreNotTextRefuseTheWholeImport() {
        String name = "malformed-" + UUID.randomUUID();
        Status malformed = refusal(name, (TASKS + "{\"task_id\": 4, \"text\": \"Sub.\", \"test_list\": \"assert\"}\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(Status.Code.INVALID_ARGUMENT, malformed.getCode());
        assertEquals("content: line 4: test_list must be a non-empty array of strings; nothing was imported", malformed.getDescription());
        Status binary = refusal(name, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        assertEquals(Status.Code.INVALID_ARGUMENT, binary.getCode());
        assertEquals("content: is not UTF-8 text; nothing was imported", binary.getDescription());
        Status unnamed = refusal("", TASKS.getBytes(StandardCharsets.UTF_8));
        assertEquals("name: is empty", unnamed.getDescription());
        assertEquals(0, datasets(name));
    }
}
