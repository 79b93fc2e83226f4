package io.complexitynet.reproduce.domain;

import io.complexitynet.core.task.DatasetTask;
import io.complexitynet.core.task.ProvidedNames;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Made-up model outputs for the replay backend, for a data set no model's answers were recorded for: no model wrote
 * them. Each task draws a difficulty in [0, 1); ladder model {@code i} of {@code n} has strength {@code (i + 1) / (n + 1)},
 * and a sample passes with chance {@value #ABOVE} where the strength reaches the difficulty, {@value #BELOW} where it
 * does not: the chance of passing rises along the ladder, with flaky answers on both sides, and a task harder than the
 * largest model is mostly left unsolved. A passing sample is the
 * task's reference solution (for HumanEval, prompt + canonical solution); a failing one defines the same names with a
 * body that returns {@code None}. Seeded: the same tasks, ladder, k and seed give the same recordings, and a task's
 * draws depend on its id alone, not on the tasks around it.
 */
public final class SyntheticRecordings {

    static final double ABOVE = 0.9;
    static final double BELOW = 0.05;

    /** One recorded answer, a line of the replay file ({@code recorded_pass}: whether it was meant to pass). */
    public record Recording(String taskId, String model, int sample, String completion, boolean recordedPass) {
    }

    private SyntheticRecordings() {
    }

    /** @throws IllegalArgumentException for a task without a reference solution, an empty ladder or k below 1 */
    public static List<Recording> of(List<DatasetTask> tasks, List<String> models, int samplesPerModel, long seed) {
        if (models.isEmpty() || samplesPerModel < 1) {
            throw new IllegalArgumentException("synthetic recordings need at least one model and one sample per model");
        }
        List<Recording> recordings = new ArrayList<>();
        for (DatasetTask task : tasks) {
            if (task.referenceCode().isBlank()) {
                throw new IllegalArgumentException("task " + task.sourceId() + " has no reference solution to record as a passing answer");
            }
            // String.hashCode is specified by the language, and SplittableRandom mixes its seed (java.util.Random gives
            // nearly the same first draw for nearby seeds): the same spread of draws on every JVM.
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + task.sourceId().hashCode());
            double difficulty = random.nextDouble();
            String wrong = wrongAnswer(task);
            for (int model = 0; model < models.size(); model++) {
                double strength = (model + 1.0) / (models.size() + 1);
                double chance = strength >= difficulty ? ABOVE : BELOW;
                for (int sample = 0; sample < samplesPerModel; sample++) {
                    boolean passes = random.nextDouble() < chance;
                    recordings.add(new Recording(task.sourceId(), models.get(model), sample, passes ? task.referenceCode() : wrong, passes));
                }
            }
        }
        return recordings;
    }

    /** Every name the reference defines, as a function whose body returns None. */
    static String wrongAnswer(DatasetTask task) {
        List<String> names = ProvidedNames.definedBy(task.referenceCode());
        if (names.isEmpty()) {
            return "pass\n";
        }
        return names.stream().map(name -> "def " + name + "(*args, **kwargs):\n    return None\n").collect(Collectors.joining("\n"));
    }
}
