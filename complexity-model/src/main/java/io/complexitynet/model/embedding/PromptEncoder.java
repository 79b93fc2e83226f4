package io.complexitynet.model.embedding;

import java.util.List;

/**
 * Turns prompts into fixed-size vectors, the features the complexity classifier and the pass heads
 * read. An encoder is identified by {@link #id()}; a stored model names the encoder it was trained with.
 */
public interface PromptEncoder {

    /** Stable name of the encoder and its weights, e.g. {@code all-minilm-l6-v2-q}. */
    String id();

    /** Length of every vector this encoder returns. */
    int dimension();

    /** One vector per prompt, in the order given. */
    List<float[]> encodeAll(List<String> prompts);

    default float[] encode(String prompt) {
        return encodeAll(List.of(prompt)).get(0);
    }
}
