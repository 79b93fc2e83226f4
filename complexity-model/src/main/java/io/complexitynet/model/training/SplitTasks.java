package io.complexitynet.model.training;

import io.complexitynet.core.labelling.ModelPasses;
import io.complexitynet.core.routing.PricedModel;
import io.complexitynet.model.domain.DataSplit;
import io.complexitynet.model.domain.LabelledTask;
import io.complexitynet.core.task.Partition;
import io.complexitynet.model.domain.TrainingRefused;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The labelled tasks sorted into training, validation and test, checked against the ladder. */
record SplitTasks(List<LabelledTask> train, List<LabelledTask> validation, List<LabelledTask> test, int excluded) {

    static SplitTasks of(List<LabelledTask> tasks, List<PricedModel> ladder, DataSplit split) {
        if (tasks.isEmpty()) {
            throw new TrainingRefused("there are no labelled tasks to train on");
        }
        List<String> models = ladder.stream().map(PricedModel::name).toList();
        List<LabelledTask> train = new ArrayList<>();
        List<LabelledTask> validation = new ArrayList<>();
        List<LabelledTask> test = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int excluded = 0;
        for (LabelledTask task : tasks) {
            List<String> taskModels = task.passes().stream().map(ModelPasses::model).toList();
            if (!taskModels.equals(models)) {
                throw new TrainingRefused("task " + task.sourceId() + " has pass counts for " + taskModels
                        + ", but the ladder is " + models);
            }
            if (!seen.add(task.sourceId())) {
                throw new TrainingRefused("task " + task.sourceId() + " is labelled twice");
            }
            switch (split.partitionOf(task.sourceId())) {
                case TRAIN -> train.add(task);
                case VALIDATION -> validation.add(task);
                case TEST -> test.add(task);
                case EXCLUDED -> excluded++;
            }
        }
        requireSolved(train, Partition.TRAIN, split, "nothing to learn from");
        requireSolved(validation, Partition.VALIDATION, split, "calibration and model selection need held-out labels");
        requireSolved(test, Partition.TEST, split, "there is nothing to report on");
        return new SplitTasks(List.copyOf(train), List.copyOf(validation), List.copyOf(test), excluded);
    }

    private static void requireSolved(List<LabelledTask> part, Partition partition, DataSplit split, String why) {
        String name = partition.name().toLowerCase(Locale.ROOT);
        if (part.isEmpty()) {
            throw new TrainingRefused("the " + name + " part of split '" + split.name() + "' has no tasks: " + why);
        }
        if (part.stream().noneMatch(LabelledTask::solved)) {
            throw new TrainingRefused("the " + name + " part of split '" + split.name() + "' has " + part.size()
                    + " tasks but none solved by any model: " + why);
        }
    }

    PartitionSizes sizes() {
        return new PartitionSizes(train.size(), solved(train), validation.size(), solved(validation), test.size(),
                solved(test), excluded);
    }

    private static int solved(List<LabelledTask> part) {
        return (int) part.stream().filter(LabelledTask::solved).count();
    }
}
