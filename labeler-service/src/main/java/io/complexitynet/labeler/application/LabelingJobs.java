package io.complexitynet.labeler.application;

import io.complexitynet.core.jobs.LabelingJobState;
import io.complexitynet.core.refusal.RequestRefused;
import io.complexitynet.core.task.DatasetReader;
import io.complexitynet.core.task.MalformedDatasetException;
import io.complexitynet.core.task.TaskFormat;
import io.complexitynet.database.labeling.DatasetEntity;
import io.complexitynet.database.labeling.LabelingJobEntity;
import io.complexitynet.labeler.backend.ModelLadder;
import io.complexitynet.labeler.config.LabelerConfig;
import io.complexitynet.labeler.domain.DatasetUpload;
import io.complexitynet.labeler.domain.ImportDirectory;
import io.complexitynet.labeler.domain.JobProgress;
import io.complexitynet.labeler.domain.JobSpec;
import io.complexitynet.labeler.messaging.WorkDispatcher;
import io.complexitynet.labeler.persistence.DatasetStore;
import io.complexitynet.labeler.persistence.JobStore;
import io.complexitynet.labeler.persistence.LabelQueries;
import io.complexitynet.labeler.persistence.LabelStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jboss.logging.Logger;

/**
 * What the Labeler API does: imports data sets, starts, reads and cancels labelling jobs, and reads a job's
 * labels page by page. Refusals are {@link RequestRefused} naming the field at fault; the gRPC adapter only
 * maps to and from these views.
 */
@ApplicationScoped
public class LabelingJobs {

    public static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 1000;
    private static final Logger LOG = Logger.getLogger(LabelingJobs.class);

    @Inject DatasetStore datasets;
    @Inject JobStore jobs;
    @Inject LabelQueries queries;
    @Inject LabelStore labels;
    @Inject WorkDispatcher dispatcher;
    @Inject ModelLadder ladder;
    @Inject LabelerConfig config;

    /** A data set as imported: its name and how many tasks it holds. */
    public record ImportedDataset(String name, long tasks, TaskFormat format) {
    }

    /** Imports a file of the import directory in {@code format} ("" to recognise it); what it says is never echoed back. */
    public ImportedDataset importDataset(String name, String path, String format) {
        Optional<TaskFormat> named = format(format);
        Path file = new ImportDirectory(config.imports().directory(), config.imports().maxBytes()).resolve(path);
        DatasetReader.Read read;
        try (Reader in = Files.newBufferedReader(file)) {
            read = DatasetReader.read(in, named);
        } catch (MalformedDatasetException e) {
            throw RequestRefused.invalidArgument("path", file.getFileName() + " " + e.getMessage() + "; nothing was imported");
        } catch (IOException | UncheckedIOException e) {
            throw RequestRefused.invalidArgument("path", "cannot read " + file.getFileName() + " as UTF-8 text; nothing was imported");
        }
        return imported(datasets.store(name, file.toString(), read.tasks()), read.format());
    }

    /** An empty upload, holding at most labeler.import.max-bytes. */
    public DatasetUpload upload() {
        return new DatasetUpload(config.imports().maxBytes());
    }

    /** Imports content a caller sent; bytes that are not UTF-8 or a malformed line refuse it whole. */
    public ImportedDataset importDataset(DatasetUpload upload) {
        Optional<TaskFormat> named = format(upload.format());
        DatasetReader.Read read;
        try {
            read = DatasetReader.read(new InputStreamReader(new ByteArrayInputStream(upload.content()), StandardCharsets.UTF_8.newDecoder()),
                    named);
        } catch (MalformedDatasetException e) {
            throw RequestRefused.invalidArgument("content", e.getMessage() + "; nothing was imported");
        } catch (UncheckedIOException e) {
            throw RequestRefused.invalidArgument("content", "is not UTF-8 text; nothing was imported");
        }
        return imported(datasets.store(upload.name(), "sent over gRPC", read.tasks()), read.format());
    }

    private static Optional<TaskFormat> format(String format) {
        if (format.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(TaskFormat.named(format));
        } catch (IllegalArgumentException e) {
            throw RequestRefused.invalidArgument("format", e.getMessage());
        }
    }

    private ImportedDataset imported(DatasetEntity dataset, TaskFormat format) {
        LOG.infof("dataset=%s imported from %s as %s", dataset.name, dataset.source, format.label());
        return new ImportedDataset(dataset.name, datasets.taskCount(dataset.id), format);
    }

    /** Creates the job and sends its work; the ladder and k are checked against this labeler's models and limits. */
    public JobView start(String dataset, List<String> models, int samplesPerModel, double temperature, String rule,
                         double reliablePassRate, String startedBy) {
        JobSpec spec = JobSpec.of(dataset, models, samplesPerModel, temperature, rule, reliablePassRate, ladder.names(),
                config.work().maxSamplesPerModel());
        LabelingJobEntity job = jobs.create(spec, spec.rule().version(), startedBy);
        LOG.infof("job_id=%s started by %s: dataset=%s models=%s k=%d rule=%s tasks=%d", job.id, startedBy,
                spec.dataset(), spec.models(), spec.samplesPerModel(), job.ruleVersion, job.tasksTotal);
        dispatcher.sendUnsentWork();
        return view(job);
    }

    public JobView job(String jobId) {
        return view(entity(jobId));
    }

    public JobView cancel(String jobId) {
        entity(jobId);
        LabelingJobEntity cancelled = jobs.cancel(jobId);
        LOG.infof("job_id=%s cancelled", cancelled.id);
        return view(cancelled);
    }

    /** A job after its parked tasks were sent again, with how many went. */
    public record Retried(JobView job, int tasks) {
    }

    public Retried retryParked(String jobId) {
        int retried = jobs.retryParked(jobId);
        LOG.infof("job_id=%s parked_tasks_retried=%d", jobId, retried);
        return new Retried(job(jobId), retried);
    }

    /** A job whose labels are read: the one named, else the data set's current labels. */
    public record LabelledJob(String jobId, String dataset) {
    }

    /**
     * The job a label read is about: {@code jobId} if given (and, if {@code dataset} is given too, a job of
     * that data set), else the data set's latest completed job, else its latest.
     */
    public LabelledJob labelledJob(String dataset, String jobId) {
        if (!jobId.isBlank()) {
            LabelingJobEntity job = entity(jobId);
            if (!dataset.isBlank() && !DatasetEntity.byName(dataset).map(d -> d.id.equals(job.datasetId)).orElse(false)) {
                throw RequestRefused.invalidArgument("dataset", "job " + jobId + " did not label data set '" + dataset + "'");
            }
            return new LabelledJob(job.id, dataset.isBlank() ? queries.datasetName(job.datasetId) : dataset);
        }
        if (dataset.isBlank()) {
            throw RequestRefused.invalidArgument("dataset", "give a data set or a job_id");
        }
        DatasetEntity found = DatasetEntity.byName(dataset)
                .orElseThrow(() -> RequestRefused.notFound("no data set named '" + dataset + "'"));
        LabelingJobEntity job = queries.currentJob(found.id)
                .orElseThrow(() -> RequestRefused.notFound("data set '" + dataset + "' has not been labelled"));
        return new LabelledJob(job.id, found.name);
    }

    /** One page of the labels a label read is about; a full page carries the token of the next. */
    public LabelPage labels(String dataset, String jobId, OptionalInt complexity, String pageToken, int pageSize) {
        LabelledJob job = labelledJob(dataset, jobId);
        int size = pageSize == 0 ? DEFAULT_PAGE : pageSize;
        if (size < 1 || size > MAX_PAGE) {
            throw RequestRefused.invalidArgument("page_size", size + " is out of range [1, " + MAX_PAGE + "]");
        }
        List<LabelView> page = labels(job, complexity, pageToken(pageToken), size);
        Optional<String> next = page.size() == size ? Optional.of(Long.toString(page.get(page.size() - 1).taskId())) : Optional.empty();
        return new LabelPage(page, next);
    }

    /** The labels of a job after task {@code afterTaskId}, in task order, at most one default page. */
    public List<LabelView> labelsAfter(LabelledJob job, long afterTaskId) {
        return labels(job, OptionalInt.empty(), afterTaskId, DEFAULT_PAGE);
    }

    private List<LabelView> labels(LabelledJob job, OptionalInt complexity, long afterTaskId, int limit) {
        return queries.labels(job.jobId(), complexity, afterTaskId, limit).stream()
                .map(row -> new LabelView(job.jobId(), job.dataset(), row.taskId(), row.taskSourceId(), row.prompt(),
                        row.ruleVersion(), row.complexity() == null ? OptionalInt.empty() : OptionalInt.of(row.complexity()),
                        labels.passCounts(row.taskId(), row.passCounts())))
                .toList();
    }

    private LabelingJobEntity entity(String jobId) {
        if (jobId.isBlank()) {
            throw RequestRefused.invalidArgument("job_id", "is empty");
        }
        return jobs.job(jobId).orElseThrow(() -> RequestRefused.notFound("no labelling job " + jobId));
    }

    private JobView view(LabelingJobEntity job) {
        LabelQueries.JobTotals totals = queries.totals(job.id);
        Optional<Duration> eta = job.state == LabelingJobState.RUNNING
                ? new JobProgress(job.tasksTotal, (int) totals.labels(), (int) totals.parked(), job.createdAt.toInstant()).eta(Instant.now())
                : Optional.empty();
        return new JobView(job.id, queries.datasetName(job.datasetId), job.ladder(), job.samplesPerModel, job.temperature,
                job.ruleVersion, job.state, job.tasksTotal, totals, queries.tallies(job.id), queries.parked(job.id), job.startedBy,
                job.createdAt, Optional.ofNullable(job.finishedAt), eta);
    }

    private static long pageToken(String token) {
        if (token.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(token);
        } catch (NumberFormatException e) {
            throw RequestRefused.invalidArgument("page_token", "is not a token this service gave out");
        }
    }
}
