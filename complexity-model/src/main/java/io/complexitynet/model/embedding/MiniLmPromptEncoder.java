package io.complexitynet.model.embedding;

import ai.onnxruntime.OrtEnvironment;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * all-MiniLM-L6-v2, quantized, run in-process by ONNX Runtime (weights inside the langchain4j jar, no
 * network): 384 dimensions, mean pooling, unit length. Thread-safe; loading takes about a second, so
 * share one instance.
 */
public final class MiniLmPromptEncoder extends MiniLmBasedEncoder {

    public static final String ID = "all-minilm-l6-v2-q";

    private final SingleThreadedMiniLm model = new SingleThreadedMiniLm();

    public MiniLmPromptEncoder() {
        super(ID);
    }

    @Override
    public List<float[]> encodeAll(List<String> prompts) {
        if (prompts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = prompts.stream().map(TextSegment::from).toList();
        return model.embedAll(segments).content().stream().map(Embedding::vector).toList();
    }

    /**
     * The same model and tokenizer as langchain4j's {@link AllMiniLmL6V2QuantizedEmbeddingModel}, in a
     * session that runs each prompt on the calling thread. Batches still spread over the model's executor.
     */
    private static final class SingleThreadedMiniLm extends AbstractInProcessEmbeddingModel {

        private final OnnxBertBiEncoder encoder;

        SingleThreadedMiniLm() {
            super(null);
            try (InputStream tokenizer = MiniLmWeights.tokenizer()) {
                encoder = new OnnxBertBiEncoder(OrtEnvironment.getEnvironment(), MiniLmWeights.singleThreadedSession(), tokenizer,
                        PoolingMode.MEAN);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the MiniLM tokenizer from its jar", e);
            }
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return MiniLmWeights.DIMENSION;
        }
    }
}
