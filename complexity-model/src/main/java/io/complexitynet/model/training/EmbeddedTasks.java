package io.complexitynet.model.training;

import io.complexitynet.core.routing.Prediction;
import io.complexitynet.core.routing.SimulatedTask;
import io.complexitynet.model.domain.LabelledTask;
import java.util.ArrayList;
import java.util.List;

/** Tasks of one part of the split with their prompt embeddings, index for index. */
record EmbeddedTasks(List<LabelledTask> tasks, List<float[]> vectors) {

    EmbeddedTasks {
        if (tasks.size() != vectors.size()) {
            throw new IllegalArgumentException(tasks.size() + " tasks but " + vectors.size() + " embeddings");
        }
    }

    /** Only the tasks some model solved, the ones with a complexity class. */
    EmbeddedTasks solved() {
        List<LabelledTask> kept = new ArrayList<>();
        List<float[]> keptVectors = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            if (tasks.get(i).solved()) {
                kept.add(tasks.get(i));
                keptVectors.add(vectors.get(i));
            }
        }
        return new EmbeddedTasks(kept, keptVectors);
    }

    int[] complexities() {
        return tasks.stream().mapToInt(LabelledTask::complexity).toArray();
    }

    double[] passRates(int model) {
        return tasks.stream().mapToDouble(task -> task.passRate(model)).toArray();
    }

    List<String> prompts() {
        return tasks.stream().map(LabelledTask::prompt).toList();
    }

    /** The tasks as a routing simulation replays them: the predictions beside the real pass rates. */
    List<SimulatedTask> simulated(List<Prediction> predictions) {
        List<SimulatedTask> simulated = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            simulated.add(SimulatedTask.fromPasses(predictions.get(i), tasks.get(i).passes()));
        }
        return simulated;
    }
}
