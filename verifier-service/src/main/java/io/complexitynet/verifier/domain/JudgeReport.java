package io.complexitynet.verifier.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The judge's report read line by line (the format is in {@code sandbox/judge.py}): whether the
 * candidate's code loaded and the setup ran, how each test ended, and what stopped the run. The judge
 * never loads candidate code and only the judge writes here, so a held test in this report is one the
 * judge saw hold; the first line about each test counts.
 */
public final class JudgeReport {

    /** An exception raised in the candidate's code ("code"), the setup ("setup") or a test (its index). */
    public record RaisedException(String where, String type, int errno, String message) {
    }

    /** The setup code or a test is not valid Python: the request is at fault, not the candidate. */
    public record InvalidInput(String field, String problem) {
    }

    private static final String CODE = "code";
    private static final String SETUP = "setup";

    private final Map<Integer, TestOutcome> tests = new HashMap<>();
    private boolean codeLoaded;
    private boolean setupLoaded;
    private RaisedException raised;
    private String goneDuring;
    private InvalidInput invalid;
    private String judgeFailure;
    private Integer judgeExitCode;

    private JudgeReport() {
    }

    public static JudgeReport parse(String text) {
        JudgeReport report = new JudgeReport();
        for (String line : text.split("\n")) {
            report.read(line);
        }
        return report;
    }

    private void read(String line) {
        String[] parts = line.split(" ", 2);
        String rest = parts.length == 2 ? parts[1] : "";
        switch (parts[0]) {
            case "S" -> {
                codeLoaded |= rest.equals(CODE);
                setupLoaded |= rest.equals(SETUP);
            }
            case "H" -> index(rest).ifPresent(i -> tests.putIfAbsent(i, new TestOutcome.Held()));
            case "F" -> {
                String[] fields = rest.split(" ", 2);
                if (fields.length == 2) {
                    index(fields[0]).ifPresent(i -> tests.putIfAbsent(i, new TestOutcome.Failed(unquote(fields[1]))));
                }
            }
            case "E" -> raised(rest);
            case "G" -> {
                if (goneDuring == null) {
                    goneDuring = rest;
                }
            }
            case "I" -> {
                String[] fields = rest.split(" ", 2);
                if (invalid == null && fields.length == 2) {
                    invalid = new InvalidInput(fields[0], unquote(fields[1]));
                }
            }
            case "X" -> judgeFailure = judgeFailure == null ? unquote(rest) : judgeFailure;
            case "J" -> {
                if (rest.matches("-?\\d{1,4}")) {
                    judgeExitCode = Integer.parseInt(rest);
                }
            }
            default -> {
            }
        }
    }

    private void raised(String rest) {
        String[] fields = rest.split(" ", 4);
        if (raised != null || fields.length != 4) {
            return;
        }
        int errno = fields[2].matches("-?\\d{1,9}") ? Integer.parseInt(fields[2]) : 0;
        raised = new RaisedException(fields[0], fields[1], errno, unquote(fields[3]));
        index(fields[0]).ifPresent(i -> tests.putIfAbsent(i, new TestOutcome.Raised(fields[1], raised.message())));
    }

    private static Optional<Integer> index(String text) {
        return text.matches("\\d{1,6}") ? Optional.of(Integer.parseInt(text)) : Optional.empty();
    }

    /** The judge writes messages as Python string literals; the common escapes are enough for a message. */
    private static String unquote(String literal) {
        if (literal.length() < 2) {
            return literal;
        }
        return literal.substring(1, literal.length() - 1)
                .replace("\\n", "\n").replace("\\'", "'").replace("\\\"", "\"").replace("\\\\", "\\");
    }

    /** One outcome per test, in order; a test the report says nothing about is {@link TestOutcome.Missing}. */
    public List<TestOutcome> outcomes(int testCount) {
        List<TestOutcome> outcomes = new ArrayList<>(testCount);
        for (int i = 0; i < testCount; i++) {
            outcomes.add(tests.getOrDefault(i, new TestOutcome.Missing()));
        }
        return outcomes;
    }

    public boolean codeLoaded() {
        return codeLoaded;
    }

    public boolean setupLoaded() {
        return setupLoaded;
    }

    /** The exception that stopped the candidate's code or the setup from finishing, if one did. */
    public Optional<RaisedException> raisedOutsideTests() {
        return Optional.ofNullable(raised).filter(r -> r.where().equals(CODE) || r.where().equals(SETUP));
    }

    /** The exception a test raised, if it is the one at {@code index}. */
    public Optional<RaisedException> raisedIn(int index) {
        return Optional.ofNullable(raised).filter(r -> r.where().equals(Integer.toString(index)));
    }

    /** Whether the candidate's process ended while the judge waited on it. */
    public boolean candidateGone() {
        return goneDuring != null;
    }

    public Optional<InvalidInput> invalid() {
        return Optional.ofNullable(invalid);
    }

    /** The judge's own failure (a fault of the verifier's, not of the candidate's). */
    public Optional<String> judgeFailure() {
        return Optional.ofNullable(judgeFailure);
    }

    /** The judge's exit code when it ended on its own without finishing (the supervisor adds it). */
    public Optional<Integer> judgeExitCode() {
        return Optional.ofNullable(judgeExitCode);
    }
}
