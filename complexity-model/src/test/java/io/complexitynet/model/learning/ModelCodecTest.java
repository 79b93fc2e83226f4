package io.complexitynet.model.learning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.core.probe.ProbeOutcome;
import io.complexitynet.model.domain.ComplexityScale;
import io.complexitynet.model.domain.LabelledTask;
import io.complexitynet.model.domain.SyntheticTasks;
import io.complexitynet.model.domain.TrainingParameters;
import io.complexitynet.model.embedding.CharacterTrigramEncoder;
import io.complexitynet.model.embedding.PromptEncoder;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ModelCodecTest {

    private static final PromptEncoder ENCODER = new CharacterTrigramEncoder();
    private static final List<String> PROMPTS = List.of("Write a function to add two numbers",
            "Write a function to parse the date string", "find the optimal schedule", "something else entirely");

    @Test
    void aLoadedModelPredictsExactlyAsTheStoredOne() {
        ComplexityModel model = model(new ComplexitySource.Classifier());
        ComplexityModel loaded = ModelCodec.decode(ModelCodec.encode(model), ENCODER);
        assertEquals(model.predictAll(PROMPTS), loaded.predictAll(PROMPTS));
        assertEquals(model.metadata(), loaded.metadata());
        assertEquals(model.ladder(), loaded.ladder());
        assertEquals(model.scale(), loaded.scale());
    }

    @Test
    void aPassHeadSourceAndAConstantHeadSurviveTheRoundTrip() {
        ComplexityModel model = model(new ComplexitySource.PassHeads(0.35));
        ComplexityModel loaded = ModelCodec.decode(ModelCodec.encode(model), ENCODER);
        assertEquals(new ComplexitySource.PassHeads(0.35), loaded.complexitySource());
        assertTrue(loaded.heads().get(2).isConstant());
        assertEquals(model.predictAll(PROMPTS), loaded.predictAll(PROMPTS));
    }

    @Test
    void bytesThatAreNoModelAreRefused() {
        ModelFormatException refused = assertThrows(ModelFormatException.class,
                () -> ModelCodec.decode("hello world".getBytes(), ENCODER));
        assertEquals("not a complexity model: the bytes do not start with CXNM", refused.getMessage());
    }

    @Test
    void aNewerFormatIsRefusedWithTheVersionsReadHere() {
        byte[] stored = ModelCodec.encode(model(new ComplexitySource.Classifier()));
        ByteBuffer.wrap(stored).putInt(4, 4);
        ModelFormatException refused = assertThrows(ModelFormatException.class, () -> ModelCodec.decode(stored, ENCODER));
        assertEquals("complexity model format 4 is not readable here; this code reads formats 1 to 3", refused.getMessage());
    }

    @Test
    void anAnswerScorerSurvivesTheRoundTrip() {
        AnswerScorer scorer = new AnswerScorer(3, IntStream.range(0, 14).mapToDouble(i -> i / 7.0 - 0.9).toArray(),
                new double[] {0.637, 0.041});
        ComplexityModel model = model(new ComplexitySource.Classifier()).withAnswerScorer(scorer);
        ComplexityModel loaded = ModelCodec.decode(ModelCodec.encode(model), ENCODER);
        assertEquals(Optional.of(scorer), loaded.answerScorer());
        assertEquals(model.predictAll(PROMPTS), loaded.predictAll(PROMPTS));
    }

    @Test
    void aFormatTwoScorerKeepsItsOneThresholdForEveryModelAndWeighsNothingOnAnOutcomeItNeverSaw() {
        double[] formatTwoWeights = IntStream.range(0, 13).mapToDouble(i -> i / 5.0 - 1).toArray();
        byte[] withoutScorer = ModelCodec.encode(model(new ComplexitySource.Classifier()));
        // Format 2: the same model, then the scorer present, its ladder size, 13 weights (five probe outcomes) and one threshold.
        ByteBuffer formatTwo = ByteBuffer.allocate(withoutScorer.length - 1 + 1 + 2 * Integer.BYTES + 14 * Double.BYTES);
        formatTwo.put(withoutScorer, 0, withoutScorer.length - 1).put((byte) 1).putInt(3).putInt(formatTwoWeights.length);
        for (double weight : formatTwoWeights) {
            formatTwo.putDouble(weight);
        }
        formatTwo.putDouble(0.42).putInt(4, 2);
        AnswerScorer loaded = ModelCodec.decode(formatTwo.array(), ENCODER).answerScorer().orElseThrow();
        assertArrayEquals(new double[] {0.42, 0.42}, loaded.thresholds());
        double[] weights = loaded.weights();
        assertEquals(14, weights.length);
        assertEquals(0, weights[1 + ProbeOutcome.Kind.RETURNED_SAME.ordinal()]);
        assertArrayEquals(Arrays.copyOf(formatTwoWeights, 6), Arrays.copyOf(weights, 6));
        assertArrayEquals(Arrays.copyOfRange(formatTwoWeights, 6, 13), Arrays.copyOfRange(weights, 7, 14));
    }

    @Test
    void aModelWithoutAnAnswerScorerLoadsWithoutOne() {
        ComplexityModel loaded = ModelCodec.decode(ModelCodec.encode(model(new ComplexitySource.Classifier())), ENCODER);
        assertEquals(Optional.empty(), loaded.answerScorer());
    }

    @Test
    void aFormatOneModelStillLoadsWithoutAnAnswerScorer() {
        ComplexityModel model = model(new ComplexitySource.PassHeads(0.35));
        byte[] current = ModelCodec.encode(model);
        // Format 1 is format 2 without the scorer's trailing "absent" flag, a single byte.
        byte[] formatOne = Arrays.copyOf(current, current.length - 1);
        ByteBuffer.wrap(formatOne).putInt(4, 1);
        ComplexityModel loaded = ModelCodec.decode(formatOne, ENCODER);
        assertEquals(Optional.empty(), loaded.answerScorer());
        assertEquals(model.predictAll(PROMPTS), loaded.predictAll(PROMPTS));
        assertEquals(new ComplexitySource.PassHeads(0.35), loaded.complexitySource());
    }

    @Test
    void aTruncatedAnswerScorerIsRefused() {
        AnswerScorer scorer = new AnswerScorer(3, new double[14], 0.5);
        byte[] stored = ModelCodec.encode(model(new ComplexitySource.Classifier()).withAnswerScorer(scorer));
        assertThrows(ModelFormatException.class, () -> ModelCodec.decode(Arrays.copyOf(stored, stored.length - 12), ENCODER));
    }

    @Test
    void aModelNeedsTheEncoderItWasTrainedWith() {
        byte[] stored = ModelCodec.encode(model(new ComplexitySource.Classifier()));
        PromptEncoder other = new PromptEncoder() {
            @Override
            public String id() {
                return "other";
            }

            @Override
            public int dimension() {
                return 64;
            }

            @Override
            public List<float[]> encodeAll(List<String> prompts) {
                return ENCODER.encodeAll(prompts);
            }
        };
        ModelFormatException refused = assertThrows(ModelFormatException.class, () -> ModelCodec.decode(stored, other));
        assertEquals("the model needs encoder char-trigram-test, which is not here (known: other)", refused.getMessage());
    }

    @Test
    void truncatedBytesAreRefused() {
        byte[] stored = ModelCodec.encode(model(new ComplexitySource.Classifier()));
        assertThrows(ModelFormatException.class, () -> ModelCodec.decode(Arrays.copyOf(stored, stored.length / 2), ENCODER));
    }

    /** A small model over synthetic tasks; the large model passed every task, so its head is constant. */
    private static ComplexityModel model(ComplexitySource source) {
        List<LabelledTask> tasks = SyntheticTasks.everyStep(5).stream()
                .map(task -> SyntheticTasks.withPasses(task, task.passes().get(0).passes(), task.passes().get(1).passes(), 1))
                .toList();
        List<float[]> vectors = ENCODER.encodeAll(tasks.stream().map(LabelledTask::prompt).toList());
        TrainingParameters parameters = TrainingParameters.defaults();
        ComplexityClassifier classifier = ComplexityClassifier.fit(vectors,
                tasks.stream().map(LabelledTask::complexity).toList(), parameters);
        List<PassHead> heads = IntStream.range(0, 3)
                .mapToObj(model -> PassHead.fit(vectors, tasks.stream().mapToDouble(task -> task.passRate(model)).toArray(), parameters)
                        .calibrated(new PlattScaling(1.5, -0.2)))
                .toList();
        ModelMetadata metadata = new ModelMetadata(ENCODER.id(), ENCODER.dimension(), "mbpp", parameters, "abc", tasks.size(),
                tasks.size(), 0);
        return new ComplexityModel(ENCODER, classifier, heads, SyntheticTasks.LADDER, ComplexityScale.fromLabels(tasks), source,
                metadata);
    }
}
