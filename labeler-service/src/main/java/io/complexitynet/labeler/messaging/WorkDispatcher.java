package io.complexitynet.labeler.messaging;

import io.complexitynet.database.labeling.DatasetEntity;
import io.complexitynet.database.labeling.JobTaskEntity;
import io.complexitynet.database.labeling.LabelingJobEntity;
import io.complexitynet.labeler.config.LabelerConfig;
import io.complexitynet.labeler.domain.StalledJobs;
import io.complexitynet.labeler.persistence.JobStore;
import io.complexitynet.labeler.persistence.LabelQueries;
import io.complexitynet.proto.v1.LabelingWork;
import io.complexitynet.proto.v1.LabelsUpdated;
import io.complexitynet.service.messaging.ProtobufMessages;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

/**
 * Sends what the database says must be sent: work rows still PENDING (marked QUEUED only after the
 * broker confirmed them) and the labels-updated event of completed jobs (flagged only after it was
 * confirmed). A crash between the two steps sends a message twice, never zero times; consumers
 * treat repeats as no-ops.
 */
@ApplicationScoped
public class WorkDispatcher {

    private static final Logger LOG = Logger.getLogger(WorkDispatcher.class);
    private static final int BATCH = 500;
    private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(60);

    private final JobStore jobs;
    private final LabelQueries queries;
    private final MutinyEmitter<byte[]> work;
    private final MutinyEmitter<byte[]> labelsUpdated;
    private final boolean resendQueuedAtStart;
    private final StalledJobs stalledJobs;
    private final Duration stallAfter;

    WorkDispatcher(JobStore jobs, LabelQueries queries, @Channel("labeling-work-out") MutinyEmitter<byte[]> work,
                   @Channel("labels-updated-out") MutinyEmitter<byte[]> labelsUpdated, LabelerConfig config) {
        this.resendQueuedAtStart = config.work().resendQueuedAtStart();
        this.stallAfter = config.work().stallAfter();
        this.stalledJobs = new StalledJobs(stallAfter);
        this.jobs = jobs;
        this.queries = queries;
        this.work = work;
        this.labelsUpdated = labelsUpdated;
    }

    @Scheduled(every = "${labeler.work.dispatch-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "5s", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @ActivateRequestContext
    void dispatch() {
        resendStalledWork();
        sendUnsentWork();
        publishEvents();
    }

    void resendAfterRestart(@Observes StartupEvent started) {
        int requeued = resendQueuedAtStart ? jobs.requeueQueuedWork() : 0;
        if (requeued > 0) {
            LOG.infof("%d work messages of running jobs will be sent again: the broker keeps nothing across a restart", requeued);
        }
    }

    private void resendStalledWork() {
        for (String jobId : stalledJobs.stalled(jobs.openTasksOfRunningJobs(), Instant.now())) {
            int requeued = jobs.requeueQueuedWork(jobId);
            LOG.warnf("job_id=%s made no progress for %d s with work open: %d work messages will be sent again", jobId,
                    stallAfter.toSeconds(), requeued);
        }
    }

    /** Sends every PENDING work row of running jobs; called after a job starts and on schedule. */
    public synchronized void sendUnsentWork() {
        for (List<JobTaskEntity> rows; !(rows = jobs.unsentWork(BATCH)).isEmpty(); ) {
            Map<String, List<Long>> byJob = new LinkedHashMap<>();
            List<Uni<Void>> confirms = new ArrayList<>(rows.size());
            for (JobTaskEntity row : rows) {
                byJob.computeIfAbsent(row.jobId, id -> new ArrayList<>()).add(row.taskId);
                LabelingWork payload = LabelingWork.newBuilder().setVersion(1).setJobId(row.jobId).setTaskId(row.taskId).build();
                confirms.add(work.sendMessage(ProtobufMessages.of(payload, row.jobId + "/" + row.taskId)));
            }
            Uni.join().all(confirms).andFailFast().await().atMost(CONFIRM_TIMEOUT);
            byJob.forEach(jobs::markQueued);
            LOG.infof("sent %d work messages", rows.size());
        }
    }

    private void publishEvents() {
        for (LabelingJobEntity job : jobs.awaitingEvent()) {
            LabelQueries.JobTotals totals = queries.totals(job.id);
            LabelsUpdated event = LabelsUpdated.newBuilder().setVersion(1).setJobId(job.id)
                    .setDataset(DatasetEntity.<DatasetEntity>findById(job.datasetId).name).setRuleVersion(job.ruleVersion)
                    .setLabels((int) totals.labels()).setUnsolved((int) totals.unsolved()).setParked((int) totals.parked())
                    .build();
            labelsUpdated.sendMessageAndAwait(ProtobufMessages.of(event, "labels-updated/" + job.id));
            jobs.markEventPublished(job.id);
            LOG.infof("job_id=%s completed: labels=%d unsolved=%d parked=%d; labels-updated published",
                    job.id, totals.labels(), totals.unsolved(), totals.parked());
        }
    }
}
