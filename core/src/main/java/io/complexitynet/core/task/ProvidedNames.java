package io.complexitynet.core.task;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The names a task asks a solution to define, read from its reference solution: the functions and
 * classes it defines at top level. The verifier takes every other name a test reads from a clean
 * interpreter, so a task asking for a function named like a builtin (MBPP 126's {@code sum}) must say so.
 */
public final class ProvidedNames {

    private static final Pattern TOP_LEVEL_DEFINITION = Pattern.compile("(?m)^(?:async\\s+)?(?:def|class)\\s+([A-Za-z_][A-Za-z0-9_]*)");

    private ProvidedNames() {
    }

    /** The top-level definitions of a reference solution, in order; none for a task without one. */
    public static List<String> definedBy(String referenceCode) {
        if (referenceCode == null) {
            return List.of();
        }
        return TOP_LEVEL_DEFINITION.matcher(referenceCode).results().map(m -> m.group(1)).distinct().toList();
    }
}
