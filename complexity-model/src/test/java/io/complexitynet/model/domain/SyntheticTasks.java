package io.complexitynet.model.domain;

import io.complexitynet.core.labelling.ModelPasses;
import io.complexitynet.core.probe.ProbeOutcome;
import io.complexitynet.core.probe.ProbeOutcome.Kind;
import io.complexitynet.core.routing.PricedModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Labelled tasks whose prompts give their complexity away, for fast tests of the training pipeline:
 * "add"/"sum" prompts are solved by the small model (complexity 1), "parse"/"format" prompts first by
 * the middle one (3), "optimal"/"schedule" prompts only by the large one (5). Every seventh task is
 * unsolved. Task ids cover MBPP's train, validation and test ranges.
 */
public final class SyntheticTasks {

    public static final List<PricedModel> LADDER = List.of(new PricedModel("small", 1), new PricedModel("middle", 10),
            new PricedModel("large", 100));

    private static final String[][] WORDS = {
        {"add two numbers", "sum the list", "add one to each item", "sum of the squares"},
        {"parse the date string", "format the record as json", "parse nested brackets", "format a table of names"},
        {"find the optimal schedule", "schedule jobs with deadlines optimally", "optimal matching of pairs",
            "find the optimal path through the weighted grid"},
    };

    private SyntheticTasks() {
    }

    /** Tasks 11, 11 + step, 11 + 2 step, ... up to 974; a step that is a multiple of 3 gives one class only. */
    public static List<LabelledTask> everyStep(int step) {
        List<LabelledTask> tasks = new ArrayList<>();
        for (int id = 11; id <= 974; id += step) {
            tasks.add(task(id));
        }
        return tasks;
    }

    public static LabelledTask task(int id) {
        int level = id % 3;
        String prompt = "Write a function to " + WORDS[level][(id / 3) % WORDS[level].length] + " (task " + id + ")";
        boolean unsolved = id % 7 == 0;
        List<ModelPasses> passes = List.of(
                new ModelPasses("small", !unsolved && level == 0 ? 1 : 0, 1),
                new ModelPasses("middle", !unsolved && level <= 1 ? 1 : 0, 1),
                new ModelPasses("large", unsolved ? 0 : 1, 1));
        return new LabelledTask(Integer.toString(id), prompt, unsolved ? null : 2 * level + 1, passes);
    }

    /** The same task with other pass counts and the complexity they give under the paper rule. */
    public static LabelledTask withPasses(LabelledTask task, int small, int middle, int large) {
        List<ModelPasses> passes = List.of(new ModelPasses("small", small, 1), new ModelPasses("middle", middle, 1),
                new ModelPasses("large", large, 1));
        Integer complexity = null;
        if (large > 0) {
            complexity = 5;
        }
        if (middle > 0) {
            complexity = 3;
        }
        if (small > 0) {
            complexity = 1;
        }
        return new LabelledTask(task.sourceId(), task.prompt(), complexity, passes);
    }

    /**
     * One answer per task and model, passing as its pass count says, with a test-free run that mostly agrees: a passing
     * answer's probe returned (every fifth task's returned None), a failing one's raised (every fourth task's returned all
     * the same, as a wrong answer can).
     */
    public static List<RecordedAnswer> answers(List<LabelledTask> tasks) {
        List<RecordedAnswer> answers = new ArrayList<>();
        for (LabelledTask task : tasks) {
            int id = Integer.parseInt(task.sourceId());
            for (int model = 0; model < task.passes().size(); model++) {
                boolean passed = task.passRate(model) > 0;
                Kind kind = passed ? (id % 5 == 0 ? Kind.RETURNED_NONE : Kind.RETURNED) : (id % 4 == 0 ? Kind.RETURNED : Kind.RAISED);
                answers.add(new RecordedAnswer(task.sourceId(), model, 0, 150 + id % 40, passed,
                        new ProbeOutcome(kind, 2, kind == Kind.RAISED ? 1 : 2)));
            }
        }
        return answers;
    }
}
