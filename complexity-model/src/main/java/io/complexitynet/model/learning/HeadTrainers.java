package io.complexitynet.model.learning;

import io.complexitynet.model.domain.TrainingParameters;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.fm.FMClassificationTrainer;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;

/**
 * Builds the Tribuo trainer for a head from the training parameters. A new trainer per fit: Tribuo's
 * trainers advance their random state with every call, and a fresh one with the same seed shuffles the
 * same way every time.
 */
final class HeadTrainers {

    private static final int NO_LOGGING = -1;
    private static final int MINIBATCH = 1;
    private static final double EPSILON = 1e-6;
    // Small enough not to overfit a few hundred rows, large enough to model some pairwise interactions.
    private static final int FACTORS = 8;
    private static final double FACTOR_VARIANCE = 0.1;

    private HeadTrainers() {
    }

    /**
     * A trainer over the raw embedding features, optimised by AdaGrad. The encoder's vectors have unit
     * length; standardising each dimension made the heads overfit a few hundred rows in cross-validation
     * on the MBPP training split. The epochs are the regularisation (see {@link TrainingParameters} on L2).
     */
    static Trainer<Label> forParameters(TrainingParameters parameters) {
        AdaGrad optimiser = new AdaGrad(parameters.learningRate(), EPSILON);
        return switch (parameters.headType()) {
            case LOGISTIC -> new LinearSGDTrainer(new LogMulticlass(), optimiser, parameters.epochs(), NO_LOGGING,
                    MINIBATCH, parameters.seed());
            case FACTORIZATION_MACHINE -> new FMClassificationTrainer(new LogMulticlass(), optimiser,
                    parameters.epochs(), NO_LOGGING, MINIBATCH, parameters.seed(), FACTORS, FACTOR_VARIANCE);
        };
    }
}
