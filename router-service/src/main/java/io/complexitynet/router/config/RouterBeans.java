package io.complexitynet.router.config;

import io.complexitynet.model.embedding.PromptEncoders;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The prompt encoders a promoted model may name, each loaded once per process when a model first needs it. */
public class RouterBeans {

    @Produces
    @Singleton
    PromptEncoders promptEncoders() {
        return PromptEncoders.builtIn();
    }
}
