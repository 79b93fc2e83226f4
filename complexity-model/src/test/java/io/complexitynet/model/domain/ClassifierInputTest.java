package io.complexitynet.model.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassifierInputTest {

    @Test
    void isTheInstructionThenTheFirstTestLine() {
        assertEquals("Write a function to add two numbers.\nassert add(1, 2) == 3",
                ClassifierInput.of("  Write a function to add two numbers. ", List.of(" assert add(1, 2) == 3 ", "assert add(2, 2) == 4")));
    }

    @Test
    void isTheInstructionAloneWithoutTests() {
        assertEquals("Reverse a string.", ClassifierInput.of("Reverse a string.", List.of()));
    }

    @Test
    void refusesAnEmptyInstruction() {
        assertThrows(IllegalArgumentException.class, () -> ClassifierInput.of(" ", List.of("assert f() == 1")));
    }
}
