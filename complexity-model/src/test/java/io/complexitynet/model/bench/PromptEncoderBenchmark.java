package io.complexitynet.model.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.complexitynet.model.domain.LabelledTask;
import io.complexitynet.model.domain.RecordedMbppLabels;
import io.complexitynet.model.embedding.PromptEncoder;
import io.complexitynet.model.embedding.PromptEncoders;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One prompt at a time on one thread, as a router encodes a request: every MBPP classifier input (instruction and
 * first assert) through each built-in encoder, first pass (the static encoder meets every token for the first time)
 * and a second pass (warm, which must give the same vectors), with the per-prompt median and p99 of the second. Run:
 * {@code mvn -pl complexity-model test -Dtest=PromptEncoderBenchmark -Dexcluded.groups= -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("benchmark")
class PromptEncoderBenchmark {

    @Test
    void encodesEveryMbppPromptOneAtATime() {
        List<String> prompts = RecordedMbppLabels.all().stream().map(LabelledTask::prompt).toList();
        PromptEncoders encoders = PromptEncoders.builtIn();
        for (String id : encoders.ids()) {
            PromptEncoder encoder = encoders.named(id);
            long start = System.nanoTime();
            List<float[]> first = prompts.stream().map(encoder::encode).toList();
            double firstPass = (System.nanoTime() - start) / 1e9;
            double[] millis = new double[prompts.size()];
            for (int i = 0; i < prompts.size(); i++) {
                long before = System.nanoTime();
                float[] again = encoder.encode(prompts.get(i));
                millis[i] = (System.nanoTime() - before) / 1e6;
                assertArrayEquals(first.get(i), again, prompts.get(i));
            }
            Arrays.sort(millis);
            System.out.printf(Locale.ROOT, "%s: %d prompts, first pass %.1f s; then per prompt p50 %.3f ms, p99 %.3f ms%n", id,
                    prompts.size(), firstPass, millis[millis.length / 2], millis[(int) Math.ceil(0.99 * millis.length) - 1]);
        }
    }
}
