package io.complexitynet.core.backend;

import io.complexitynet.core.task.CodeTask;

/**
 * The chat messages a model gets for a task. As in MBPP's own prompts, the tests are shown: they
 * are the only place the function's name and parameters are given, and a solution under another
 * name fails however right it is.
 */
public final class ChatPrompt {

    private static final String SYSTEM = "You are an expert Python programmer. Reply with Python code only:"
            + " no explanation, no tests, no example usage."
            + " Define the function with exactly the name and parameters the tests call.";

    private ChatPrompt() {
    }

    /** The system message, the same for every task. */
    public static String system() {
        return SYSTEM;
    }

    /** The user message: the task's instruction, then its tests, one a line. */
    public static String user(CodeTask task) {
        return task.prompt() + "\nYour code should pass these tests:\n\n" + String.join("\n", task.tests()) + "\n";
    }
}
