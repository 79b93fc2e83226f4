package io.complexitynet.model.training;

/** How many tasks each part of the split holds, and how many of them some model solved. */
public record PartitionSizes(int train, int trainSolved, int validation, int validationSolved, int test, int testSolved,
        int excluded) {
}
