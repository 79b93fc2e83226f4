package io.complexitynet.model.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MiniLmPromptEncoderTest {

    private static PromptEncoder encoder;

    @BeforeAll
    static void loadOnce() {
        encoder = new MiniLmPromptEncoder();
    }

    @Test
    void gives384UnitLengthDimensions() {
        float[] vector = encoder.encode("Write a function to reverse a string.");
        assertEquals(384, encoder.dimension());
        assertEquals(384, vector.length);
        assertEquals(1.0, Math.sqrt(dot(vector, vector)), 1e-3);
    }

    @Test
    void similarPromptsAreCloserThanUnrelatedOnes() {
        List<float[]> vectors = encoder.encodeAll(List.of(
                "Write a function to reverse a string.",
                "Write a python function to reverse the characters of a given string.",
                "Write a function to find the shortest path in a weighted graph using Dijkstra's algorithm."));
        assertTrue(dot(vectors.get(0), vectors.get(1)) > dot(vectors.get(0), vectors.get(2)) + 0.2,
                "similar " + dot(vectors.get(0), vectors.get(1)) + ", unrelated " + dot(vectors.get(0), vectors.get(2)));
    }

    @Test
    void aBatchGivesTheSameVectorsAsOneAtATime() {
        List<String> prompts = List.of("Write a function to add two numbers.", "Sort a list of tuples by the second item.");
        List<float[]> batch = encoder.encodeAll(prompts);
        assertArrayEquals(encoder.encode(prompts.get(1)), batch.get(1));
    }

    @Test
    void anEmptyBatchEncodesToNothing() {
        assertEquals(List.of(), encoder.encodeAll(List.of()));
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
