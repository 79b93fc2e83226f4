package io.complexitynet.core.task;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads MBPP's JSONL format ({@code task_id}, {@code text}, {@code code}, {@code test_setup_code},
 * {@code test_list}) as MBPP's tasks, numbered as MBPP numbers them: {@link DatasetReader} with
 * {@link TaskFormat#MBPP}, all or nothing.
 */
public final class MbppReader {

    private MbppReader() {
    }

    public static List<MbppTask> read(Path file) {
        try (Reader in = Files.newBufferedReader(file)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static List<MbppTask> read(Reader in) {
        return DatasetReader.read(in, Optional.of(TaskFormat.MBPP)).tasks().stream()
                .map(task -> new MbppTask(Integer.parseInt(task.sourceId()), task.prompt(), task.referenceCode(), task.setupCode(), task.tests()))
                .toList();
    }
}
