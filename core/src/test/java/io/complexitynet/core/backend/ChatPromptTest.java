package io.complexitynet.core.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ChatPromptTest {

    @Test
    void theSystemMessageAsksForCodeOnlyUnderTheTestedName() {
        assertEquals("You are an expert Python programmer. Reply with Python code only: no explanation, no tests,"
                + " no example usage. Define the function with exactly the name and parameters the tests call.",
                ChatPrompt.system());
    }

    @Test
    void theUserMessageGivesTheInstructionThenTheTests() {
        assertEquals("Write a function to add two numbers.\nYour code should pass these tests:\n\n"
                + "assert add(1, 2) == 3\nassert add(-1, 1) == 0\n", ChatPrompt.user(CompletionRequests.ADDITION));
    }
}
