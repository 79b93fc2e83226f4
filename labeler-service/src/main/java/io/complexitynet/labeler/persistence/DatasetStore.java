package io.complexitynet.labeler.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.complexitynet.core.refusal.RequestRefused;
import io.complexitynet.core.task.MalformedDatasetException;
import io.complexitynet.core.task.MbppReader;
import io.complexitynet.core.task.MbppTask;
import io.complexitynet.database.JsonColumn;
import io.complexitynet.database.labeling.DatasetEntity;
import io.complexitynet.database.labeling.TaskEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;

/** Data sets and their tasks. An import is one transaction: all of a file's tasks or none. */
@ApplicationScoped
public class DatasetStore {

    @Inject ObjectMapper json;

    @Transactional
    public DatasetEntity importMbpp(String name, Path file) {
        if (name.isBlank()) {
            throw RequestRefused.invalidArgument("name", "is empty");
        }
        if (DatasetEntity.byName(name).isPresent()) {
            throw RequestRefused.alreadyExists("a data set named '" + name + "' already exists");
        }
        List<MbppTask> tasks;
        try {
            tasks = MbppReader.read(file);
        } catch (MalformedDatasetException e) {
            throw RequestRefused.invalidArgument("path", file.getFileName() + " " + e.getMessage() + "; nothing was imported");
        } catch (UncheckedIOException e) {
            throw RequestRefused.invalidArgument("path", "cannot read " + file.getFileName());
        }
        DatasetEntity dataset = new DatasetEntity();
        dataset.name = name;
        dataset.source = file.toString();
        dataset.importedAt = OffsetDateTime.now();
        dataset.persist();
        for (MbppTask source : tasks) {
            TaskEntity task = new TaskEntity();
            task.datasetId = dataset.id;
            task.sourceId = Integer.toString(source.taskId());
            task.prompt = source.text();
            task.setupCode = source.setupCode();
            task.tests = JsonColumn.write(json, source.tests());
            task.referenceCode = source.referenceCode();
            task.persist();
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
