package io.complexitynet.model.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MiniLmPromptEncoderTest extends PromptEncoderContract {

    private static final PromptEncoder ENCODER = new MiniLmPromptEncoder();

    @Override
    PromptEncoder encoder() {
        return ENCODER;
    }

    @Override
    double paraphraseMargin() {
        return 0.2;
    }

    @Test
    void aBatchGivesTheSameVectorsAsOneAtATime() {
        List<String> prompts = List.of("Write a function to add two numbers.", "Sort a list of tuples by the second item.");
        List<float[]> batch = ENCODER.encodeAll(prompts);
        assertArrayEquals(ENCODER.encode(prompts.get(1)), batch.get(1));
    }
}
