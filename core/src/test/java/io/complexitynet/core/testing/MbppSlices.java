package io.complexitynet.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import io.complexitynet.core.task.MbppReader;
import io.complexitynet.core.task.MbppTask;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test data sets cut from the shared MBPP file at test time (into target/, never into the repository). */
public final class MbppSlices {

    private static final Pattern TASK_ID = Pattern.compile("\"task_id\":\\s*(\\d+)");

    private MbppSlices() {
    }

    public static Path mbpp() {
        return Path.of(System.getProperty("complexitynet.data.dir", "../../shared/data"), "mbpp", "mbpp.jsonl").toAbsolutePath();
    }

    /** Every MBPP task by its id. */
    public static Map<Integer, MbppTask> byId() {
        return MbppReader.read(mbpp()).stream().collect(Collectors.toMap(MbppTask::taskId, Function.identity()));
    }

    /** A JSONL file with the MBPP tasks of the given ids, in file order. */
    public static Path of(String name, Set<Integer> taskIds) {
        try {
            List<String> lines = Files.readAllLines(mbpp()).stream().filter(line -> {
                Matcher id = TASK_ID.matcher(line);
                return id.find() && taskIds.contains(Integer.parseInt(id.group(1)));
            }).toList();
            Path file = Path.of("target", name + ".jsonl").toAbsolutePath();
            Files.write(file, lines);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
