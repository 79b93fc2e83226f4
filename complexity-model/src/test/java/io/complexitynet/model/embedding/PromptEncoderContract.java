package io.complexitynet.model.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What every MiniLM encoder promises, whatever its form. */
abstract class PromptEncoderContract {

    /** One instance per test class: loading an ONNX session takes a second. */
    abstract PromptEncoder encoder();

    /** How much closer a paraphrase must be than an unrelated prompt. */
    abstract double paraphraseMargin();

    @Test
    void gives384UnitLengthDimensions() {
        float[] vector = encoder().encode("Write a function to reverse a string.\nassert reverse_string(\"ab\") == \"ba\"");
        assertEquals(384, encoder().dimension());
        assertEquals(384, vector.length);
        assertEquals(1.0, Math.sqrt(dot(vector, vector)), 1e-3);
    }

    @Test
    void similarPromptsAreCloserThanUnrelatedOnes() {
        List<float[]> vectors = encoder().encodeAll(List.of(
                "Write a function to reverse a string.",
                "Write a python function to reverse the characters of a given string.",
                "Write a function to find the shortest path in a weighted graph using Dijkstra's algorithm."));
        assertTrue(dot(vectors.get(0), vectors.get(1)) > dot(vectors.get(0), vectors.get(2)) + paraphraseMargin(),
                "similar " + dot(vectors.get(0), vectors.get(1)) + ", unrelated " + dot(vectors.get(0), vectors.get(2)));
    }

    @Test
    void anEmptyBatchEncodesToNothing() {
        assertEquals(List.of(), encoder().encodeAll(List.of()));
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
