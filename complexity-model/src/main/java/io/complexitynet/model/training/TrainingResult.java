package io.complexitynet.model.training;

import io.complexitynet.model.learning.ComplexityModel;

/** A trained model and the report on it. */
public record TrainingResult(ComplexityModel model, TrainingReport report) {
}
