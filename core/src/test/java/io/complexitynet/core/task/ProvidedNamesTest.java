package io.complexitynet.core.task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProvidedNamesTest {

    @Test
    void topLevelFunctionsAndClassesInOrderNotNestedOnesOrOtherLines() {
        String reference = "import math\r\nclass Pair(object):\r\n\tdef __init__(self, a):\r\n\t\tself.a = a\r\n"
                + "def sum(a, b):\r\n    def helper(x):\r\n        return x\r\n    return a + b\r\n"
                + "async def later():\n    pass\n# def commented(): pass\nx = 'def not_a_definition(): pass'\ndef sum(a):\n    pass\n";
        assertEquals(List.of("Pair", "sum", "later"), ProvidedNames.definedBy(reference));
    }

    @Test
    void aTaskWithoutAReferenceSolutionNamesNothing() {
        assertEquals(List.of(), ProvidedNames.definedBy(null));
        assertEquals(List.of(), ProvidedNames.definedBy(""));
    }
}
