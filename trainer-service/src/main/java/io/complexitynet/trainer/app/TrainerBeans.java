package io.complexitynet.trainer.app;

import io.complexitynet.model.embedding.MiniLmPromptEncoder;
import io.complexitynet.model.embedding.PromptEncoder;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The prompt encoder: one ONNX session per process, loaded at start so the first job does not pay for it. */
public class TrainerBeans {

    @Produces
    @Singleton
    @Startup
    PromptEncoder promptEncoder() {
        return new MiniLmPromptEncoder();
    }
}
