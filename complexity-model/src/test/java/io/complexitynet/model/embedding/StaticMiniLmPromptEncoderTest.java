package io.complexitynet.model.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class StaticMiniLmPromptEncoderTest extends PromptEncoderContract {

    private static final PromptEncoder ENCODER = new StaticMiniLmPromptEncoder();

    @Override
    PromptEncoder encoder() {
        return ENCODER;
    }

    /** Averaged token vectors sit closer together than contextual ones. */
    @Override
    double paraphraseMargin() {
        return 0.05;
    }

    @Test
    void aPromptGetsTheSameVectorWhateverWasEncodedBefore() {
        String prompt = "Write a function to count the vowels in a sentence.";
        float[] fresh = new StaticMiniLmPromptEncoder().encode(prompt);
        ENCODER.encodeAll(List.of("Sort a list of tuples by the second item.", "Count the words of a sentence by vowel."));
        assertArrayEquals(fresh, ENCODER.encode(prompt));
    }

    @Test
    void onlyTheTokenizersWindowOfALongPromptCounts() {
        String window = "Write a function that returns the sum of the numbers in a list. ".repeat(12);
        assertArrayEquals(ENCODER.encode(window + "Then sort it."), ENCODER.encode(window + "Then reverse every string in it."));
    }

    @Test
    void threadsMeetingNewTokensTogetherGetTheVectorsOfOneThread() throws Exception {
        StaticMiniLmPromptEncoder shared = new StaticMiniLmPromptEncoder();
        String prompt = "Merge overlapping intervals, then return the gaps between them as tuples.";
        float[] alone = new StaticMiniLmPromptEncoder().encode(prompt);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[]>> together = threads.invokeAll(Collections.nCopies(8, () -> shared.encode(prompt)));
            for (Future<float[]> vector : together) {
                assertArrayEquals(alone, vector.get());
            }
        } finally {
            threads.shutdown();
        }
    }
}
