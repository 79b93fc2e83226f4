package io.complexitynet.reproduce.cli;

import io.complexitynet.core.task.TaskFormat;
import io.complexitynet.reproduce.domain.DataSet;
import io.complexitynet.reproduce.domain.ReproductionFailed;
import io.complexitynet.reproduce.domain.SyntheticRecordings;
import io.complexitynet.reproduce.domain.SyntheticRecordings.Recording;
import io.complexitynet.reproduce.report.RecordingsFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code reproduce synthetic-recordings}: made-up answers of a made-up ladder to a data set's tasks, for the replay
 * backend, so the pipeline can be shown on data no model's outputs were recorded for. Written outside the repository
 * by default: the passing answers are the data set's reference solutions, which are not ours to copy.
 */
@Command(name = "synthetic-recordings", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Writes SYNTHETIC replay recordings (no model wrote them) for a data set's tasks: a sample meant to pass is"
                + " the task's reference solution, one meant to fail returns None; the chance of passing rises along the ladder"
                + " (--models, cheapest first), seeded. The lines have the shape of MBPP's generations.jsonl, each marked"
                + " \"synthetic\": true.%n")
public class SyntheticRecordingsCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "The data set's JSONL; every task needs a reference solution.")
    Path data;

    @Option(names = "--format", paramLabel = "FORMAT", description = "mbpp, humaneval or generic. Default: recognised from the first line.")
    String format;

    @Option(names = "--models", required = true, split = ",", paramLabel = "NAME", description = "The ladder, cheapest first.")
    List<String> models;

    @Option(names = "--k", defaultValue = "1", paramLabel = "N", description = "Samples per model and task. Default: ${DEFAULT-VALUE}.")
    int samplesPerModel;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the draws. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where the recordings go (keep them out of the repository's sources).")
    Path out;

    @Override
    public Integer call() {
        try {
            ReproduceCommand.requireFile(data, "--data");
            DataSet dataSet = DataSet.read(data.toAbsolutePath().normalize(), DataSet.nameOf(data),
                    Optional.ofNullable(format).map(TaskFormat::named));
            List<Recording> recordings = SyntheticRecordings.of(dataSet.tasks(), models, samplesPerModel, seed);
            RecordingsFile.write(recordings, out);
            long passing = recordings.stream().filter(Recording::recordedPass).count();
            System.out.printf("Wrote %d SYNTHETIC recordings (%d meant to pass) for %d tasks x %s x k=%d to %s%n", recordings.size(), passing,
                    dataSet.tasks().size(), models, samplesPerModel, out);
            return 0;
        } catch (ReproductionFailed | IllegalArgumentException | UncheckedIOException e) {
            System.err.println("synthetic-recordings: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            System.err.println("synthetic-recordings: cannot write " + out + ": " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            // A defect of this command, not bad input: still one line, naming the exception so it can be reported.
            System.err.println("synthetic-recordings: unexpected error: " + e);
            return 1;
        }
    }
}
