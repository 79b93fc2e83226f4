package io.complexitynet.core.probe;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The calls a task's examples make, without what they expect: the call side of each example statement in a text
 * ({@code assert f(x) == y} and {@code assert f(x)} give {@code f(x)}, {@code >>> f(x)} gives {@code f(x)}), so an answer
 * can be run on inputs the task itself shows while nothing is judged against an expected value. The text is the caller's,
 * so it is read, never run here: a call is a balanced stretch of it that the sandbox's parser still has to accept.
 */
public final class ExampleCalls {

    /** At most this many calls are taken from one text, each at most {@link #MAX_CALL_CHARS} long. */
    public static final int MAX_CALLS = 10;
    public static final int MAX_CALL_CHARS = 2_000;

    // Calls around the task's own call in MBPP's and HumanEval's examples (set(f(x)), math.isclose(f(x), y)): the call
    // inside is the one to take. Taken when nothing else is called (MBPP 126 asks for a function named sum).
    private static final Set<String> WRAPPERS = Set.of("abs", "all", "any", "bool", "dict", "float", "frozenset", "int",
            "isinstance", "len", "list", "max", "min", "repr", "reversed", "round", "set", "sorted", "str", "sum", "tuple", "type");
    private static final Set<String> KEYWORDS = Set.of("and", "assert", "await", "del", "elif", "if", "in", "is", "lambda", "not",
            "or", "return", "while", "yield");

    private ExampleCalls() {
    }

    /** The example calls in {@code text}, first seen first, without repeats. */
    public static List<String> in(String text) {
        Set<String> calls = new LinkedHashSet<>();
        for (String line : text.lines().map(String::strip).toList()) {
            if (calls.size() == MAX_CALLS) {
                break;
            }
            Optional<String> expression = line.startsWith("assert ") ? Optional.of(line.substring("assert ".length()))
                    : line.startsWith(">>> ") ? Optional.of(line.substring(">>> ".length())) : Optional.empty();
            expression.flatMap(ExampleCalls::callIn).filter(call -> call.length() <= MAX_CALL_CHARS).ifPresent(calls::add);
        }
        return List.copyOf(calls);
    }

    /** The call an example statement makes: looked for left of its first top-level {@code ==}, then in the whole of it. */
    static Optional<String> callIn(String expression) {
        int equals = topLevelEquals(expression);
        if (equals >= 0) {
            Optional<String> left = chosen(calls(expression.substring(0, equals)));
            if (left.isPresent()) {
                return left;
            }
        }
        return chosen(calls(expression));
    }

    private static Optional<String> chosen(List<Call> calls) {
        return calls.stream().filter(call -> !WRAPPERS.contains(call.callee())).findFirst()
                .or(() -> calls.stream().findFirst()).map(Call::text);
    }

    private record Call(String callee, String text) {
    }

    /** Every balanced call of a plain name in {@code expression}, outermost first; methods and dotted callees are looked into. */
    private static List<Call> calls(String expression) {
        List<Call> calls = new ArrayList<>();
        int i = 0;
        while (i < expression.length()) {
            char c = expression.charAt(i);
            if (isQuote(c)) {
                i = afterString(expression, i);
            } else if (Character.isJavaIdentifierStart(c) && c != '$') {
                int start = i;
                while (i < expression.length() && Character.isJavaIdentifierPart(expression.charAt(i)) && expression.charAt(i) != '$') {
                    i++;
                }
                String name = expression.substring(start, i);
                boolean dotted = start > 0 && expression.charAt(start - 1) == '.';
                int open = i;
                while (open < expression.length() && expression.charAt(open) == ' ') {
                    open++;
                }
                if (!dotted && !KEYWORDS.contains(name) && open < expression.length() && expression.charAt(open) == '(') {
                    int close = matching(expression, open);
                    if (close > 0) {
                        calls.add(new Call(name, expression.substring(start, close + 1)));
                    }
                }
            } else {
                i++;
            }
        }
        return calls;
    }

    /** The index of the parenthesis closing the one at {@code open}, or -1 when the text ends first. */
    private static int matching(String text, int open) {
        int depth = 0;
        int i = open;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (isQuote(c)) {
                i = afterString(text, i);
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
                if (depth == 0) {
                    return c == ')' ? i : -1;
                }
            }
            i++;
        }
        return -1;
    }

    /** The first {@code ==} outside brackets and strings, or -1. */
    static int topLevelEquals(String text) {
        int depth = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (isQuote(c)) {
                i = afterString(text, i);
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (depth == 0 && c == '=' && i + 1 < text.length() && text.charAt(i + 1) == '='
                    && (i == 0 || "=!<>".indexOf(text.charAt(i - 1)) < 0)) {
                return i;
            }
            i++;
        }
        return -1;
    }

    private static boolean isQuote(char c) {
        return c == '\'' || c == '"';
    }

    /** The index after the string literal opening at {@code start} (single or triple quoted, backslash escapes). */
    private static int afterString(String text, int start) {
        char quote = text.charAt(start);
        boolean triple = text.startsWith(String.valueOf(quote).repeat(3), start);
        int i = start + (triple ? 3 : 1);
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote && (!triple || text.startsWith(String.valueOf(quote).repeat(3), i))) {
                return i + (triple ? 3 : 1);
            }
            i++;
        }
        return text.length();
    }
}
