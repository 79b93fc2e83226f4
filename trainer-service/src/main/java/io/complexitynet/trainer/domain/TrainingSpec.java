package io.complexitynet.trainer.domain;

import io.complexitynet.model.domain.CrossValidationSpec;
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
 * @param crossValidationFolds the folds of a k-fold cross-validation run beside the model, 0 for none
 * @param labelingJobIds       every label source's labelling job, in the order asked
 */
public record TrainingSpec(String split, SplitParts splitParts, String headType, int epochs, double learningRate, long seed,
                           int minLabelsPerClass, String encoder, boolean includeRoutedSamples, int crossValidationFolds,
                           List<String> labelingJobIds) {

    public TrainingSpec {
        // Jobs stored before sources could be combined have no list: their own labelling job is their one source.
        labelingJobIds = labelingJobIds == null ? List.of() : List.copyOf(labelingJobIds);
    }

    public TrainingParameters parameters() {
        return new TrainingParameters(HeadType.named(headType), epochs, learningRate, TrainingParameters.defaults().l2(), seed,
                minLabelsPerClass);
    }

    /** @throws IllegalArgumentException for a split this trainer does not know ({@link SplitSpec#FORMS}) */
    public SplitSpec splitSpec() {
        return SplitSpec.parse(split, Optional.ofNullable(splitParts));
    }

    /** @throws IllegalArgumentException for folds out of range (0 is none) */
    public Optional<CrossValidationSpec> crossValidation() {
        return crossValidationFolds == 0 ? Optional.empty() : Optional.of(new CrossValidationSpec(crossValidationFolds));
    }

    /** The labelling jobs the job learns from; {@code ownLabelingJobId} is the one stored with the job. */
    public List<String> sources(String ownLabelingJobId) {
        return labelingJobIds.isEmpty() ? List.of(ownLabelingJobId) : labelingJobIds;
    }

    /** The split over the job's tasks: made from the labelled ones; routed rows, if any, all train and move none of them. */
    public DataSplit dataSplit(List<LabelledTask> tasks) {
        return withRoutedRows(splitSpec().split(labelled(tasks), seed));
    }

    /** The cross-validation's folds over the job's tasks, made as {@link #dataSplit} makes the split; none without one. */
    public List<DataSplit> foldSplits(List<LabelledTask> tasks) {
        return crossValidation().map(folds -> folds.splits(labelled(tasks), seed).stream().map(this::withRoutedRows).toList())
                .orElse(List.of());
    }

    private static List<LabelledTask> labelled(List<LabelledTask> tasks) {
        return tasks.stream().filter(task -> !task.sourceId().startsWith(RoutedLabels.SOURCE_PREFIX)).toList();
    }

    private DataSplit withRoutedRows(DataSplit made) {
        return includeRoutedSamples ? RoutedLabels.withRoutedRowsInTraining(made) : made;
    }
}
