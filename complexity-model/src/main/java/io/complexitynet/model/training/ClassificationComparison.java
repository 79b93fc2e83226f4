package io.complexitynet.model.training;

import io.complexitynet.core.evaluation.ClassificationReport;

/**
 * Complexity classification on the solved test tasks: the model (its chosen complexity source) beside
 * the majority-class and TF-IDF baselines, and its classifier head alone, reported whichever source
 * validation chose, because the classifier is what the paper evaluated. Unsolved test tasks have no
 * class and are left out, as the paper did.
 */
public record ClassificationComparison(ClassificationReport model, ClassificationReport classifierHead,
        ClassificationReport majority, ClassificationReport tfIdf, int unsolvedLeftOut) {
}
