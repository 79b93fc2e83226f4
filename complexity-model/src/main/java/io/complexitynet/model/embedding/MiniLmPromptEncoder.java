package io.complexitynet.model.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;

/**
 * all-MiniLM-L6-v2, quantized, run in-process by ONNX Runtime (weights inside the langchain4j jar, no
 * network): 384 dimensions, mean pooling, unit length. Thread-safe; loading takes about a second, so
 * share one instance.
 */
public final class MiniLmPromptEncoder implements PromptEncoder {

    public static final String ID = "all-minilm-l6-v2-q";
    private static final int DIMENSION = 384;

    private final EmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();

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
}
