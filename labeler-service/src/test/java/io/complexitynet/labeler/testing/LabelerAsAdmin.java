package io.complexitynet.labeler.testing;

import io.complexitynet.auth.testing.AdminToken;
import io.complexitynet.proto.v1.GetJobRequest;
import io.complexitynet.proto.v1.JobState;
import io.complexitynet.proto.v1.LabelerGrpc;
import io.complexitynet.proto.v1.LabelingJob;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.RegisterClientInterceptor;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * What the labeler's tests of the running service start from: the Labeler API as admin-ops calls it, and
 * the label database, to see what a call stored.
 */
public abstract class LabelerAsAdmin {

    @GrpcClient("labeler")
    @RegisterClientInterceptor(AdminToken.class)
    protected LabelerGrpc.LabelerBlockingStub labeler;

    @Inject
    protected EntityManager entities;

    /** The job once it is no longer running, or as it is when the timeout is reached. */
    protected LabelingJob awaitEnd(String jobId, long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        LabelingJob job = labeler.getJob(GetJobRequest.newBuilder().setJobId(jobId).build());
        while (job.getState() == JobState.JOB_STATE_RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(200);
            job = labeler.getJob(GetJobRequest.newBuilder().setJobId(jobId).build());
        }
        return job;
    }
}
