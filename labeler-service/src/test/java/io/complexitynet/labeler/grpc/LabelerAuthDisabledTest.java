package io.complexitynet.labeler.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.complexitynet.auth.testing.AuthDisabled;
import io.complexitynet.core.testing.MbppSlices;
import io.complexitynet.testing.VerifierResource;
import io.complexitynet.proto.v1.ImportDatasetRequest;
import io.complexitynet.proto.v1.LabelerGrpc;
import io.complexitynet.proto.v1.LabelingJob;
import io.complexitynet.proto.v1.StartLabelingRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** complexitynet.auth.enabled=false, as the embedded mode runs it: no token needed, no identity provider either. */
@QuarkusTest
@TestProfile(AuthDisabled.class)
@QuarkusTestResource(value = VerifierResource.class, restrictToAnnotatedClass = true)
class LabelerAuthDisabledTest {

    @TestHTTPResource
    URL labelerUrl;

    @Test
    void callsWithoutATokenAreServedAndTheRequestNamesWhoStartedTheJob() {
        ManagedChannel channel = ManagedChannelBuilder.forAddress(labelerUrl.getHost(), labelerUrl.getPort()).usePlaintext().build();
        try {
            LabelerGrpc.LabelerBlockingStub labeler = LabelerGrpc.newBlockingStub(channel);
            labeler.importDataset(ImportDatasetRequest.newBuilder().setName("auth-off")
                    .setPath(MbppSlices.of("auth-off", Set.of(11, 12)).toString()).build());
            LabelingJob job = labeler.startLabeling(StartLabelingRequest.newBuilder().setDataset("auth-off")
                    .setStartedBy("embedded-user").build());
            assertEquals("embedded-user", job.getStartedBy());
        } finally {
            channel.shutdownNow();
        }
    }
}
