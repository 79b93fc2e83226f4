package io.complexitynet.core.labelling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CheapestPassingRuleTest {

    private final CheapestPassingRule rule = new CheapestPassingRule(3);

    private static List<ModelPasses> counts(int small, int middle, int large) {
        return List.of(new ModelPasses("small", small, 1), new ModelPasses("middle", middle, 1),
                new ModelPasses("large", large, 1));
    }

    @ParameterizedTest(name = "{0}{1}{2} -> {3}")
    @CsvSource({"1,1,1,0", "1,0,0,0", "0,1,1,1", "0,1,0,1", "0,0,1,2"})
    void theCheapestModelThatPassedIsTheClass(int small, int middle, int large, int expected) {
        assertEquals(expected, rule.label(counts(small, middle, large)).complexity().getAsInt());
    }

    @Test
    void noPassIsUnsolved() {
        assertFalse(rule.label(counts(0, 0, 0)).solved());
        assertEquals(List.of(0, 1, 2), rule.classes());
    }

    @Test
    void rulesAreFoundByName() {
        assertEquals("cheapest-passing/v1", LabellingRules.named("cheapest-passing", 3, 0.8).version());
        assertEquals("paper5/v1(reliable>=0.80)", LabellingRules.named("paper5", 3, 0.8).version());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> LabellingRules.named("median", 3, 0.8));
        assertEquals("unknown labelling rule 'median'; known: [paper5, cheapest-passing, cheapest-reliably-passing]", unknown.getMessage());
    }
}
