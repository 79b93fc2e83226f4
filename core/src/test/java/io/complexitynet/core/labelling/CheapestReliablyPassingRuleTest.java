package io.complexitynet.core.labelling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheapestReliablyPassingRuleTest {

    private static List<ModelPasses> passesOutOf(int tries, String passes) {
        int[] counts = Arrays.stream(passes.split(" ")).mapToInt(Integer::parseInt).toArray();
        return IntStream.range(0, counts.length).mapToObj(i -> new ModelPasses("m" + i, counts[i], tries)).toList();
    }

    @ParameterizedTest(name = "{0} of 5 -> {1}")
    @CsvSource({
            "'5 0 0 0', 0", "'4 5 5 5', 0",
            "'3 4 0 0', 1", "'1 0 5 0', 2", "'3 1 2 1', 3",
            "'3 1 2 0', 0", "'1 3 3 0', 1", "'0 0 0 1', 3"})
    void theCheapestReliableModelElseTheLastThatPassesElseTheOneThatPassedMostOften(String passes, int expected) {
        CheapestReliablyPassingRule rule = new CheapestReliablyPassingRule(4, 0.8);
        assertEquals(expected, rule.label(passesOutOf(5, passes)).complexity().getAsInt());
    }

    @Test
    void withOneAnswerPerModelItLabelsAsCheapestPassingOnEveryLadderLength() {
        for (int n = 2; n <= 6; n++) {
            CheapestReliablyPassingRule reliably = new CheapestReliablyPassingRule(n, 0.8);
            CheapestPassingRule cheapest = new CheapestPassingRule(n);
            for (int mask = 0; mask < 1 << n; mask++) {
                int bits = mask;
                String passes = String.join(" ", IntStream.range(0, n).mapToObj(i -> String.valueOf(bits >> i & 1)).toList());
                assertEquals(cheapest.label(passesOutOf(1, passes)).complexity(), reliably.label(passesOutOf(1, passes)).complexity(),
                        passes);
            }
            assertEquals(IntStream.range(0, n).boxed().toList(), reliably.classes());
        }
    }

    @Test
    void noPassAnywhereIsUnsolvedAndTheThresholdIsInTheVersion() {
        CheapestReliablyPassingRule rule = new CheapestReliablyPassingRule(2, 0.6);
        ComplexityLabel label = rule.label(passesOutOf(5, "0 0"));
        assertFalse(label.solved());
        assertEquals("cheapest-reliably-passing/v1(reliable>=0.60)", label.ruleVersion());
        assertEquals(0, rule.label(passesOutOf(5, "3 0")).complexity().getAsInt());
        assertThrows(IllegalArgumentException.class, () -> rule.label(passesOutOf(5, "3 0 0")));
        assertThrows(IllegalArgumentException.class, () -> new CheapestReliablyPassingRule(3, 0));
    }

    @Test
    void everyRuleIsNamedByItsIdentifier() {
        assertEquals(List.of("paper5", "cheapest-passing", "cheapest-reliably-passing"), LabellingRules.IDS);
        assertEquals("cheapest-reliably-passing/v1(reliable>=0.80)", LabellingRules.named("cheapest-reliably-passing", 3, 0.8).version());
    }
}
