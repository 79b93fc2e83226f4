package io.complexitynet.model.embedding;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The encoders a stored model may name, by id, each loaded on first use and then shared: a model is
 * read with the encoder it was trained with, so a router can swap to a model of another encoder.
 */
public final class PromptEncoders {

    private final SortedMap<String, Supplier<PromptEncoder>> known;
    private final Map<String, PromptEncoder> loaded = new ConcurrentHashMap<>();

    public PromptEncoders(Map<String, Supplier<PromptEncoder>> known) {
        this.known = Collections.unmodifiableSortedMap(new TreeMap<>(known));
    }

    /** The MiniLM encoders: the static one (the default) and the contextual one. */
    public static PromptEncoders builtIn() {
        return new PromptEncoders(Map.of(StaticMiniLmPromptEncoder.ID, StaticMiniLmPromptEncoder::new,
                MiniLmPromptEncoder.ID, MiniLmPromptEncoder::new));
    }

    /** Exactly one encoder, already loaded. */
    public static PromptEncoders of(PromptEncoder encoder) {
        return new PromptEncoders(Map.of(encoder.id(), () -> encoder));
    }

    /** @throws IllegalArgumentException naming the known encoders when {@code id} is not one of them */
    public PromptEncoder named(String id) {
        Supplier<PromptEncoder> encoder = known.get(id);
        if (encoder == null) {
            throw new IllegalArgumentException("no prompt encoder named " + id + "; known: " + String.join(", ", ids()));
        }
        return loaded.computeIfAbsent(id, ignored -> encoder.get());
    }

    /** In name order. */
    public Set<String> ids() {
        return known.keySet();
    }
}
