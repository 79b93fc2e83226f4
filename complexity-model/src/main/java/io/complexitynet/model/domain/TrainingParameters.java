package io.complexitynet.model.domain;

/**
 * The knobs of one training run. Same labels, same split and same parameters (seed included) give the
 * same model and the same metrics.
 *
 * @param headType learner for the classifier and the pass heads
 * @param epochs passes over the training rows
 * @param learningRate AdaGrad's initial learning rate
 * @param l2 L2 penalty on the weights; must be 0 for now. Tribuo 4.3.2 has no working L2 for its linear
 *     SGD heads: AdaGrad-RDA's penalty never reaches a weight matrix (its matrix form does not count
 *     steps) and Pegasos made the heads worse than chance in cross-validation on MBPP. Early stopping
 *     (the epochs) regularises instead.
 * @param seed seeds Tribuo's shuffling and initialisation
 * @param minLabelsPerClass a complexity class with fewer solved training tasks is left out of the
 *     classifier (and counts as missing); fewer than two classes left refuses the training
 * @param balancedClasses weigh the classifier's rows so that every class counts the same in total, for
 *     labels whose class shares differ from those the model will meet (the paper's class-balanced set
 *     trained with the rest of MBPP); off by default, because on MBPP's own split it trades accuracy for
 *     nothing in cross-validation
 */
public record TrainingParameters(HeadType headType, int epochs, double learningRate, double l2, long seed,
        int minLabelsPerClass, boolean balancedClasses) {

    public TrainingParameters {
        if (headType == null) {
            throw new IllegalArgumentException("a head type is required");
        }
        requireRange("epochs", epochs, 1, 1000);
        if (!(learningRate > 0 && learningRate <= 10)) {
            throw new IllegalArgumentException("learning rate must be in (0, 10], was " + learningRate);
        }
        if (l2 != 0) {
            throw new IllegalArgumentException("l2 must be 0: the Tribuo SGD heads cannot apply an L2 penalty"
                    + " (regularise with fewer epochs), was " + l2);
        }
        requireRange("min labels per class", minLabelsPerClass, 1, 10_000);
    }

    /** Rows weighed the same whatever their class. */
    public TrainingParameters(HeadType headType, int epochs, double learningRate, double l2, long seed,
            int minLabelsPerClass) {
        this(headType, epochs, learningRate, l2, seed, minLabelsPerClass, false);
    }

    public static TrainingParameters defaults() {
        return new TrainingParameters(HeadType.LOGISTIC, 30, 0.1, 0, 1L, 5);
    }

    /** The same parameters with the classifier's classes balanced or not. */
    public TrainingParameters withBalancedClasses(boolean balanced) {
        return new TrainingParameters(headType, epochs, learningRate, l2, seed, minLabelsPerClass, balanced);
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], was " + value);
        }
    }
}
