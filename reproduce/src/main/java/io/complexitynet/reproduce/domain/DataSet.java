package io.complexitynet.reproduce.domain;

import io.complexitynet.core.task.DatasetReader;
import io.complexitynet.core.task.DatasetTask;
import io.complexitynet.core.task.MalformedDatasetException;
import io.complexitynet.core.task.TaskFormat;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The data set an evaluation runs on: its name in the labeler, the file as the labeler reads it, the format the file
 * was read in and its tasks as read here (the prompts and tests sent to the router), in the file's order.
 */
public record DataSet(String name, String labelerPath, TaskFormat format, List<DatasetTask> tasks) {

    public DataSet {
        tasks = List.copyOf(tasks);
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("a data set needs at least one task");
        }
    }

    /**
     * Reads {@code file} in {@code format} (empty: recognised from its first line) as it will be imported.
     *
     * @throws ReproductionFailed naming the file and its first bad line
     */
    public static DataSet read(Path file, String name, Optional<TaskFormat> format) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            DatasetReader.Read read = DatasetReader.read(in, format);
            return new DataSet(name, file.toString(), read.format(), read.tasks());
        } catch (MalformedDatasetException e) {
            throw new ReproductionFailed(file + " is not a valid " + format.map(DataSet::formatName).orElse("data set") + " file: "
                    + e.getMessage());
        } catch (IOException e) {
            throw new ReproductionFailed("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** The name a file gives a data set by default: its file name without the extension ({@code HumanEval.jsonl}: HumanEval). */
    public static String nameOf(Path file) {
        String fileName = file.getFileName().toString();
        int dot = fileName.indexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private static String formatName(TaskFormat format) {
        return switch (format) {
            case MBPP -> "MBPP";
            case HUMANEVAL -> "HumanEval";
            case GENERIC -> "generic";
        };
    }

    /** The name reports give it: MBPP's own name for MBPP imported as "mbpp", otherwise the labeler's name. */
    public String displayName() {
        return format == TaskFormat.MBPP && name.toLowerCase(Locale.ROOT).equals("mbpp") ? "MBPP" : name;
    }
}
