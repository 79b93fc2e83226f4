package io.complexitynet.core.labelling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaperRuleTest {

    private final PaperRule rule = PaperRule.withDefaults(3);

    private static List<ModelPasses> counts(int small, int middle, int large, int tries) {
        return List.of(new ModelPasses("small", small, tries), new ModelPasses("middle", middle, tries),
                new ModelPasses("large", large, tries));
    }

    @ParameterizedTest(name = "{0}/{1}/{2} of 5 -> {3}")
    @CsvSource({
            "5,0,0,1", "4,0,0,1", "4,5,5,1",
            "3,5,5,2", "1,0,0,2", "1,5,5,2",
            "0,5,5,3", "0,4,0,3",
            "0,3,5,4", "0,1,0,4",
            "0,0,5,5", "0,0,1,5"})
    void everyBoundaryOfTheFiveLevels(int small, int middle, int large, int expected) {
        assertEquals(expected, rule.label(counts(small, middle, large, 5)).complexity().getAsInt());
    }

    @Test
    void noPassAnywhereIsUnsolved() {
        ComplexityLabel label = rule.label(counts(0, 0, 0, 5));
        assertFalse(label.solved());
        assertEquals(rule.version(), label.ruleVersion());
    }

    @Test
    void withOneTryEachAPassIsReliable() {
        assertEquals(1, rule.label(counts(1, 0, 0, 1)).complexity().getAsInt());
        assertEquals(3, rule.label(counts(0, 1, 1, 1)).complexity().getAsInt());
        assertEquals(5, rule.label(counts(0, 0, 1, 1)).complexity().getAsInt());
    }

    @Test
    void theReliableThresholdIsConfigurableAndInTheVersion() {
        PaperRule strict = new PaperRule(3, 1.0);
        assertEquals(2, strict.label(counts(4, 0, 0, 5)).complexity().getAsInt());
        assertEquals("paper5/v1(reliable>=1.00)", strict.version());
        assertEquals(List.of(1, 2, 3, 4, 5), strict.classes());
    }

    @ParameterizedTest(name = "{0} models, {1} of 5 -> {2}")
    @CsvSource({
            "2, '4 0', 1", "2, '2 5', 2", "2, '0 1', 3",
            "4, '0 0 5 5', 5", "4, '0 0 3 5', 6", "4, '0 0 0 1', 7",
            "6, '0 0 0 0 4 0', 9", "6, '0 0 0 0 1 5', 10", "6, '0 0 0 0 0 2', 11"})
    void theLevelsFollowTheLadderOnEveryLength(int models, String passes, int expected) {
        String[] counts = passes.split(" ");
        List<ModelPasses> ladder = IntStream.range(0, models)
                .mapToObj(i -> new ModelPasses("m" + i, Integer.parseInt(counts[i]), 5)).toList();
        PaperRule ofThisLength = PaperRule.withDefaults(models);
        assertEquals(expected, ofThisLength.label(ladder).complexity().getAsInt());
        assertEquals(2 * models - 1, ofThisLength.classes().size());
    }

    @Test
    void aLadderOfAnotherSizeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> rule.label(List.of(new ModelPasses("only", 1, 5))));
        assertThrows(IllegalArgumentException.class, () -> new PaperRule(3, 0));
    }
}
