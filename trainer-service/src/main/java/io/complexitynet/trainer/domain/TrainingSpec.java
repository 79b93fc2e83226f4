package io.complexitynet.trainer.domain;

import io.complexitynet.model.domain.DataSplit;
import io.complexitynet.model.domain.HeadType;
import io.complexitynet.model.domain.LabelledTask;
import io.complexitynet.model.domain.SplitParts;
import io.complexitynet.model.domain.SplitSpec;
import io.complexitynet.model.domain.TrainingParameters;
import java.util.List;
import java.util.Optional;

/**
 * The parameters of one training job as stored with it (JSON) and with its model.
 *
 * @param splitParts           the task ids of each part for the split {@code explicit}; null for the others
 * @param includeRoutedSamples the routers' feedback trains beside the labelling job's labels (see {@link RoutedLabels})
 */
public record TrainingSpec(String split, SplitParts splitParts, String headType, int epochs, double learningRate, long seed,
                           int minLabelsPerClass, String encoder, boolean includeRoutedSamples) {

    public TrainingParameters parameters() {
        return new TrainingParameters(HeadType.named(headType), epochs, learningRate, TrainingParameters.defaults().l2(), seed,
                minLabelsPerClass);
    }

    /** @throws IllegalArgumentException for a split this trainer does not know ({@link SplitSpec#FORMS}) */
    public SplitSpec splitSpec() {
        return SplitSpec.parse(split, Optional.ofNullable(splitParts));
    }

    /** The split over the job's tasks: made from the labelled ones; routed rows, if any, all train and move none of them. */
    public DataSplit dataSplit(List<LabelledTask> tasks) {
        List<LabelledTask> labelled = tasks.stream().filter(task -> !task.sourceId().startsWith(RoutedLabels.SOURCE_PREFIX)).toList();
        DataSplit made = splitSpec().split(labelled, seed);
        return includeRoutedSamples ? RoutedLabels.withRoutedRowsInTraining(made) : made;
    }
}
