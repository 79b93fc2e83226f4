package io.complexitynet.reproduce.domain;

/** The model the trainer made from our labels, as promoted (its id and version), with the figures its training job reported. */
public record TrainedModel(String modelId, long version, TrainingFigures figures) {
}
