package io.complexitynet.reproduce.cli;

import io.complexitynet.core.task.Partition;
import io.complexitynet.reproduce.domain.EvaluationSplit;
import io.complexitynet.reproduce.domain.ReproductionFailed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --split explicit:FILE}: one task per line, its id and its part ({@code train}, {@code validation} or {@code test})
 * separated by white space; blank lines and lines starting with {@code #} are skipped. All or nothing: the first bad line
 * ends the run, named by its number.
 */
final class ListedSplitFile {

    private ListedSplitFile() {
    }

    static EvaluationSplit read(String spec) {
        Path file = Path.of(spec.substring(EvaluationSplit.LISTED.length()));
        ReproduceCommand.requireFile(file, "--split explicit:");
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the split " + file + ": " + e.getMessage(), e);
        }
        Map<String, Partition> parts = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\s+");
            try {
                if (fields.length != 2) {
                    throw new IllegalArgumentException("expected a task id and its part, found " + fields.length + " fields");
                }
                if (parts.put(fields[0], EvaluationSplit.partNamed(fields[1])) != null) {
                    throw new IllegalArgumentException("task '" + fields[0] + "' is listed twice");
                }
            } catch (IllegalArgumentException e) {
                throw new ReproductionFailed(file + " line " + (i + 1) + ": " + e.getMessage());
            }
        }
        try {
            return EvaluationSplit.listed(EvaluationSplit.LISTED + file.getFileName(), parts);
        } catch (IllegalArgumentException e) {
            throw new ReproductionFailed(file + ": " + e.getMessage());
        }
    }
}
