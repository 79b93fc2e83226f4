package io.complexitynet.model.embedding;

/** The encoders built on all-MiniLM-L6-v2's weights: each names itself, and all give its 384 dimensions. */
public abstract sealed class MiniLmBasedEncoder implements PromptEncoder permits MiniLmPromptEncoder, StaticMiniLmPromptEncoder {

    private final String id;

    MiniLmBasedEncoder(String id) {
        this.id = id;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final int dimension() {
        return MiniLmWeights.DIMENSION;
    }
}
