package io.complexitynet.labeler.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.complexitynet.core.refusal.RequestRefused;
import io.complexitynet.core.task.DatasetTask;
import io.complexitynet.database.JsonColumn;
import io.complexitynet.database.labeling.DatasetEntity;
import io.complexitynet.database.labeling.TaskEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;

/** Data sets and their tasks. An import is one transaction: all of its tasks or none. */
@ApplicationScoped
public class DatasetStore {

    @Inject ObjectMapper json;

    /** @param source where the tasks came from, for the record (a file's path, or how they were sent) */
    @Transactional
    public DatasetEntity store(String name, String source, List<DatasetTask> tasks) {
        if (name.isBlank()) {
            throw RequestRefused.invalidArgument("name", "is empty");
        }
        if (DatasetEntity.byName(name).isPresent()) {
            throw RequestRefused.alreadyExists("a data set named '" + name + "' already exists");
        }
        DatasetEntity dataset = new DatasetEntity();
        dataset.name = name;
        dataset.source = source;
        dataset.importedAt = OffsetDateTime.now();
        dataset.persist();
        for (DatasetTask task : tasks) {
            TaskEntity row = new TaskEntity();
            row.datasetId = dataset.id;
            row.sourceId = task.sourceId();
            row.prompt = task.prompt();
            row.setupCode = task.setupCode();
            row.tests = JsonColumn.write(json, task.tests());
            row.referenceCode = task.referenceCode();
            row.persist();
        }
        return dataset;
    }

    public List<String> tests(TaskEntity task) {
        return List.of(JsonColumn.read(json, task.tests, String[].class, "the tests of task " + task.id));
    }

    public long taskCount(long datasetId) {
        return TaskEntity.count("datasetId", datasetId);
    }
}
