package io.complexitynet.core.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ComplexityPolicyTest {

    @ParameterizedTest(name = "complexity {0} -> model {1}")
    @CsvSource({"1,0", "2,0", "3,1", "4,1", "5,2"})
    void thePaperSendsEachComplexityToItsModel(int complexity, int model) {
        assertEquals(model, ComplexityPolicy.paper().choose(Prediction.ofComplexity(complexity)));
    }

    @Test
    void parsingAcceptsSinglesRangesAndSpaces() {
        ComplexityPolicy policy = ComplexityPolicy.parse(" 0:0, 1-2 :1 ,3:2");
        assertEquals(Map.of(0, 0, 1, 1, 2, 1, 3, 2), policy.complexityToModel());
    }

    @Test
    void theSpecReadsBackAsTheSameMapping() {
        assertEquals("1-2:0,3-4:1,5:2", ComplexityPolicy.paper().spec());
        assertEquals("0:0,2:0,3:1", new ComplexityPolicy(Map.of(3, 1, 0, 0, 2, 0)).spec());
        assertEquals(ComplexityPolicy.paper(), ComplexityPolicy.parse(ComplexityPolicy.paper().spec()));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", " ", "1-2", "a:0", "1-2:0,", "1:-1", "1-2-3:0", "1:0;2:1", "99999999999:0"})
    void malformedTextIsRefusedWithTheExpectedForm(String spec) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> ComplexityPolicy.parse(spec));
        assertTrue(refused.getMessage().contains("complexity mapping"), refused.getMessage());
    }

    @Test
    void aRangeRunningBackwardsIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ComplexityPolicy.parse("2-1:0"));
        assertTrue(refused.getMessage().contains("runs backwards"), refused.getMessage());
    }

    @Test
    void aComplexityMappedTwiceIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ComplexityPolicy.parse("1-3:0,3:1"));
        assertTrue(refused.getMessage().contains("complexity 3 appears twice"), refused.getMessage());
    }

    @Test
    void aPredictionWithoutComplexityIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> ComplexityPolicy.paper().choose(Prediction.ofPassProbabilities(0.5, 0.5, 0.5)));
    }

    @Test
    void aComplexityOutsideTheMappingIsRefusedShowingTheMapping() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ComplexityPolicy.paper().choose(Prediction.ofComplexity(0)));
        assertEquals("complexity 0 is not in the mapping 1-2:0,3-4:1,5:2", refused.getMessage());
    }

    @Test
    void anEmptyMappingIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ComplexityPolicy(Map.of()));
    }

    @Test
    void theExplanationNamesTheComplexityAndTheMapping() {
        assertEquals("complexity 4 maps to model 1 (1-2:0,3-4:1,5:2)",
                ComplexityPolicy.paper().explain(Prediction.ofComplexity(4)));
        assertEquals("complexity mapping 1-2:0,3-4:1,5:2", ComplexityPolicy.paper().describe());
    }
}
