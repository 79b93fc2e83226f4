package io.complexitynet.model.training;

import io.complexitynet.core.evaluation.CalibrationReport;
import io.complexitynet.model.learning.PlattScaling;

/**
 * One ladder model's pass head on the test split, before and after its Platt scaling (fitted on
 * validation); the outcomes are the test tasks' actual pass rates, unsolved tasks included.
 */
public record PassHeadReport(String model, PlattScaling scaling, CalibrationReport raw, CalibrationReport calibrated) {
}
