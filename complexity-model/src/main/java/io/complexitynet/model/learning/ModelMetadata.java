package io.complexitynet.model.learning;

import io.complexitynet.model.domain.TrainingParameters;

/**
 * What a model was trained from and with, stored inside it.
 *
 * @param encoderId the prompt encoder it needs at prediction time
 * @param dimension the encoder's vector length
 * @param split the data split's name
 * @param parameters the training parameters, seed included
 * @param dataFingerprint SHA-256 (hex) over the training rows: same fingerprint, same labels
 * @param classifierRows solved training tasks the classifier learnt from
 * @param passHeadRows training tasks the pass heads learnt from (unsolved ones included)
 * @param calibrationRows validation tasks the calibration and the complexity source were chosen on
 */
public record ModelMetadata(String encoderId, int dimension, String split, TrainingParameters parameters,
        String dataFingerprint, int classifierRows, int passHeadRows, int calibrationRows) {
}
