package io.complexitynet.trainer.config;

import io.complexitynet.model.embedding.PromptEncoder;
import io.complexitynet.model.embedding.PromptEncoders;
import io.complexitynet.model.training.CascadeTarget;
import io.complexitynet.model.training.Trainer;
import io.complexitynet.trainer.config.TrainerConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The prompt encoders, each loaded once per process, and the one new models are trained with, loaded at
 * start so the first job does not pay for it (and an unknown {@code trainer.encoder} stops the start); the trainer
 * of every job, made at start so that a {@code trainer.no-tests-cascade.min-cost-cut} above 1 or a
 * {@code min-solved-pass-rate} outside [0, 1] stops the start too.
 */
public class TrainerBeans {

    @Produces
    @Singleton
    PromptEncoders promptEncoders() {
        return PromptEncoders.builtIn();
    }

    @Produces
    @Singleton
    @Startup
    PromptEncoder trainingEncoder(PromptEncoders encoders, TrainerConfig config) {
        return encoders.named(config.encoder());
    }

    @Produces
    @Singleton
    @Startup
    Trainer trainer(PromptEncoder encoder, TrainerConfig config) {
        TrainerConfig.NoTestsCascade cascade = config.noTestsCascade();
        CascadeTarget target = cascade.minSolvedPassRate().isPresent()
                ? new CascadeTarget.SolvedPassRate(cascade.minSolvedPassRate().getAsDouble())
                : new CascadeTarget.CostCut(cascade.minCostCut());
        return new Trainer(encoder, target);
    }
}
