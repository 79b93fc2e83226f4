package io.complexitynet.model.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PromptEncodersTest {

    @Test
    void anEncoderIsLoadedOnceOnFirstUse() {
        AtomicInteger loads = new AtomicInteger();
        PromptEncoders encoders = new PromptEncoders(Map.of(CharacterTrigramEncoder.ID, () -> {
            loads.incrementAndGet();
            return new CharacterTrigramEncoder();
        }));
        assertEquals(0, loads.get());
        PromptEncoder first = encoders.named(CharacterTrigramEncoder.ID);
        assertSame(first, encoders.named(CharacterTrigramEncoder.ID));
        assertEquals(1, loads.get());
    }

    @Test
    void anUnknownEncoderIsRefusedNamingTheKnownOnes() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> PromptEncoders.builtIn().named("bert-large"));
        assertEquals("no prompt encoder named bert-large; known: all-minilm-l6-v2-q, all-minilm-l6-v2-q-static", refused.getMessage());
    }

    @Test
    void theBuiltInEncodersAreBothMiniLms() {
        assertEquals(Set.of(MiniLmPromptEncoder.ID, StaticMiniLmPromptEncoder.ID), PromptEncoders.builtIn().ids());
    }
}
