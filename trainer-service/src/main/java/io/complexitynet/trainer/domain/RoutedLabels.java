package io.complexitynet.trainer.domain;

import io.complexitynet.core.labelling.ComplexityLabel;
import io.complexitynet.core.labelling.LabellingRule;
import io.complexitynet.core.labelling.ModelPasses;
import io.complexitynet.model.domain.ClassifierInput;
import io.complexitynet.model.domain.DataSplit;
import io.complexitynet.model.domain.LabelledTask;
import io.complexitynet.core.task.DatasetReader;
import io.complexitynet.core.task.Partition;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The routers' production feedback as training rows, labelled the way a labelling job labels its tasks:
 * every verdict a routed request got for a prompt (and its tests) is one try of that model, so a prompt
 * routed many times is one row whose pass counts add up, and the job's labelling rule turns the counts
 * into a complexity. A prompt becomes a row only once every ladder model has a verdict for it: the pass
 * heads learn each model's outcome, and an outcome nobody observed is not guessed. A prompt (with the
 * same tests) the labelling job labelled keeps the job's label, so no task is counted twice. Routed
 * rows only ever train.
 */
public final class RoutedLabels {

    /** Source ids of routed rows start with this; the rest is a digest of the prompt and its tests. */
    public static final String SOURCE_PREFIX = DatasetReader.RESERVED_ID_PREFIX;
    private static final String PASSED = "PASSED";

    /** One verified answer a router stored: the request's prompt and tests, the model that answered, the verifier's verdict. */
    public record Attempt(String prompt, List<String> tests, String model, String verdict) {
    }

    /** A task as the classifier sees it: MBPP repeats some instructions with other tests, and those are other tasks. */
    public record Prompt(String text, List<String> tests) {

        public Prompt {
            text = text.strip();
            tests = List.copyOf(tests);
        }
    }

    private RoutedLabels() {
    }

    /**
     * The rows the attempts make for this ladder under this rule, ordered by source id;
     * {@code labelled} are the labelling job's tasks.
     */
    public static List<LabelledTask> rows(List<Attempt> attempts, List<String> ladder, LabellingRule rule, Set<Prompt> labelled) {
        Map<Prompt, int[][]> counts = new LinkedHashMap<>();
        for (Attempt attempt : attempts) {
            int model = ladder.indexOf(attempt.model());
            Prompt prompt = new Prompt(attempt.prompt(), attempt.tests());
            if (model < 0 || labelled.contains(prompt)) {
                continue;
            }
            int[][] passesAndTries = counts.computeIfAbsent(prompt, key -> new int[ladder.size()][2]);
            passesAndTries[model][0] += PASSED.equals(attempt.verdict()) ? 1 : 0;
            passesAndTries[model][1]++;
        }
        List<LabelledTask> rows = new ArrayList<>();
        counts.forEach((prompt, passesAndTries) -> {
            List<ModelPasses> passes = new ArrayList<>(ladder.size());
            for (int model = 0; model < ladder.size(); model++) {
                if (passesAndTries[model][1] == 0) {
                    return;
                }
                passes.add(new ModelPasses(ladder.get(model), passesAndTries[model][0], passesAndTries[model][1]));
            }
            ComplexityLabel label = rule.label(passes);
            rows.add(new LabelledTask(SOURCE_PREFIX + digest(prompt), ClassifierInput.of(prompt.text(), prompt.tests()),
                    label.solved() ? label.complexity().getAsInt() : null, passes));
        });
        rows.sort(Comparator.comparing(LabelledTask::sourceId));
        return rows;
    }

    /** {@code split} with every routed row in training: the validation and test partitions stay those of the labelling job's tasks. */
    public static DataSplit withRoutedRowsInTraining(DataSplit split) {
        return new DataSplit() {
            @Override
            public String name() {
                return split.name() + "+routed";
            }

            @Override
            public Partition partitionOf(String sourceId) {
                return sourceId.startsWith(SOURCE_PREFIX) ? Partition.TRAIN : split.partitionOf(sourceId);
            }
        };
    }

    private static String digest(Prompt prompt) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(prompt.text().getBytes(StandardCharsets.UTF_8));
            for (String test : prompt.tests()) {
                sha.update((byte) '\n');
                sha.update(test.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
