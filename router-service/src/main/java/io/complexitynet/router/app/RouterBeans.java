package io.complexitynet.router.app;

import io.complexitynet.model.embedding.MiniLmPromptEncoder;
import io.complexitynet.model.embedding.PromptEncoder;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The prompt encoder the promoted model reads prompts with: one ONNX session per process, loaded at start. */
public class RouterBeans {

    @Produces
    @Singleton
    @Startup
    PromptEncoder promptEncoder() {
        return new MiniLmPromptEncoder();
    }
}
