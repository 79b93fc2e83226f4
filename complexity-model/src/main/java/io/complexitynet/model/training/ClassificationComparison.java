package io.complexitynet.model.training;

import io.complexitynet.core.evaluation.ClassificationReport;

/**
 * Complexity classification on the solved test tasks: the model beside the majority-class and TF-IDF
 * baselines. Unsolved test tasks have no class and are left out, as the paper did.
 */
public record ClassificationComparison(ClassificationReport model, ClassificationReport majority,
        ClassificationReport tfIdf, int unsolvedLeftOut) {
}
