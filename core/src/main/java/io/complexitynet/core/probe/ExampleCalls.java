package io.complexitynet.core.probe;

import java.util.ArrayList;
import java.util.Arrays;
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
            expression.flatMap(ExampleCalls::callIn).ifPresent(calls::add);
        }
        return List.copyOf(calls);
    }

    /** The call an example statement makes: looked for left of its first top-level {@code ==}, then in the whole of it. */
    static Optional<String> callIn(String expression) {
        Scan scan = Scan.of(expression);
        Optional<int[]> left = scan.equals() >= 0 ? scan.chosen(scan.equals()) : Optional.empty();
        return left.or(() -> scan.chosen(expression.length())).flatMap(scan::text);
    }

    /** The first {@code ==} outside brackets and strings, or -1. */
    static int topLevelEquals(String text) {
        return Scan.of(text).equals();
    }

    /**
     * One read of an example statement, whatever its length or nesting: where each call of a plain name starts (in
     * order, so outermost first), where each parenthesis closes, and its first top-level {@code ==}.
     *
     * @param starts the calls' [name start, opening parenthesis] pairs
     * @param closes for an opening parenthesis, the index of the one closing it; -1 elsewhere or when none does
     */
    private record Scan(String text, List<int[]> starts, int[] closes, int equals) {

        static Scan of(String text) {
            List<int[]> starts = new ArrayList<>();
            int[] closes = new int[text.length()];
            Arrays.fill(closes, -1);
            int[] open = new int[text.length()];
            int depth = 0;
            int equals = -1;
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (isQuote(c)) {
                    i = afterString(text, i);
                    continue;
                }
                if (isNameStart(c)) {
                    int start = i;
                    while (i < text.length() && isNamePart(text.charAt(i))) {
                        i++;
                    }
                    int paren = i;
                    while (paren < text.length() && text.charAt(paren) == ' ') {
                        paren++;
                    }
                    boolean dotted = start > 0 && text.charAt(start - 1) == '.';
                    if (!dotted && paren < text.length() && text.charAt(paren) == '(' && !KEYWORDS.contains(text.substring(start, i))) {
                        starts.add(new int[] {start, paren});
                    }
                    continue;
                }
                if (c == '(' || c == '[' || c == '{') {
                    open[depth++] = i;
                } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                    int opener = open[--depth];
                    if (c == ')' && text.charAt(opener) == '(') {
                        closes[opener] = i;
                    }
                } else if (depth == 0 && equals < 0 && c == '=' && i + 1 < text.length() && text.charAt(i + 1) == '='
                        && (i == 0 || "=!<>".indexOf(text.charAt(i - 1)) < 0)) {
                    equals = i;
                }
                i++;
            }
            return new Scan(text, starts, closes, equals);
        }

        /** The call to run among those that close before {@code end}: the first whose callee is not a wrapper, else the first. */
        Optional<int[]> chosen(int end) {
            int[] first = null;
            for (int[] call : starts) {
                int close = closes[call[1]];
                if (close < 0 || close >= end) {
                    continue;
                }
                if (first == null) {
                    first = call;
                }
                if (!WRAPPERS.contains(text.substring(call[0], call[1]).strip())) {
                    return Optional.of(call);
                }
            }
            return Optional.ofNullable(first);
        }

        /** The call's text; nothing when it is longer than {@link #MAX_CALL_CHARS}. */
        Optional<String> text(int[] call) {
            int close = closes[call[1]];
            return close + 1 - call[0] > MAX_CALL_CHARS ? Optional.empty() : Optional.of(text.substring(call[0], close + 1));
        }
    }

    private static boolean isNameStart(char c) {
        return Character.isJavaIdentifierStart(c) && c != '$';
    }

    private static boolean isNamePart(char c) {
        return Character.isJavaIdentifierPart(c) && c != '$';
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
