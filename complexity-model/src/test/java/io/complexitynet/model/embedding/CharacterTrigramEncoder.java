package io.complexitynet.model.embedding;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * A fast, deterministic stand-in encoder for tests: counts of the prompt's character trigrams hashed
 * into a few dimensions, scaled to unit length. Prompts that share words get close vectors.
 */
public final class CharacterTrigramEncoder implements PromptEncoder {

    public static final String ID = "char-trigram-test";
    private final int dimension;

    public CharacterTrigramEncoder(int dimension) {
        this.dimension = dimension;
    }

    public CharacterTrigramEncoder() {
        this(64);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public List<float[]> encodeAll(List<String> prompts) {
        return prompts.stream().map(this::vector).toList();
    }

    private float[] vector(String prompt) {
        byte[] text = (" " + prompt.toLowerCase(Locale.ROOT) + " ").getBytes(StandardCharsets.UTF_8);
        float[] vector = new float[dimension];
        for (int i = 0; i + 3 <= text.length; i++) {
            int hash = 17;
            for (int j = i; j < i + 3; j++) {
                hash = 31 * hash + text[j];
            }
            vector[Math.floorMod(hash, dimension)]++;
        }
        double norm = 0;
        for (float value : vector) {
            norm += value * value;
        }
        for (int i = 0; i < dimension; i++) {
            vector[i] /= (float) Math.sqrt(norm);
        }
        return vector;
    }
}
