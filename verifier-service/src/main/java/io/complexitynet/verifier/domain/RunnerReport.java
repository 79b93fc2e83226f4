package io.complexitynet.verifier.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The runner's report read line by line: which stages loaded, each probe's value as tagged text,
 * and the exception that stopped the run. The candidate can write to this channel too, so a value
 * here is only ever handed to the judge, never taken as a pass; the first value per probe counts.
 */
public final class RunnerReport {

    /** An exception raised in the candidate ("code"), the setup ("setup") or a probe (its index). */
    public record RaisedException(String where, String type, int errno, String message) {
        public boolean inProbe() {
            return where.chars().allMatch(Character::isDigit);
        }
    }

    private final Map<Integer, String> values = new HashMap<>();
    private boolean codeLoaded;
    private boolean setupLoaded;
    private RaisedException raised;

    private RunnerReport() {
    }

    public static RunnerReport parse(String text) {
        RunnerReport report = new RunnerReport();
        for (String line : text.split("\n")) {
            report.read(line);
        }
        return report;
    }

    private void read(String line) {
        if (line.equals("S code")) {
            codeLoaded = true;
        } else if (line.equals("S setup")) {
            setupLoaded = true;
        } else if (line.startsWith("R ")) {
            String[] parts = line.split(" ", 3);
            if (parts.length == 3 && parts[1].matches("\\d{1,6}")) {
                values.putIfAbsent(Integer.parseInt(parts[1]), parts[2]);
            }
        } else if (line.startsWith("E ") && raised == null) {
            String[] parts = line.split(" ", 5);
            if (parts.length == 5) {
                int errno = parts[3].matches("-?\\d{1,9}") ? Integer.parseInt(parts[3]) : 0;
                raised = new RaisedException(parts[1], parts[2], errno, unquote(parts[4]));
            }
        }
    }

    /** The runner writes messages as Python string literals; the common escapes are enough for a message. */
    private static String unquote(String literal) {
        if (literal.length() < 2) {
            return literal;
        }
        return literal.substring(1, literal.length() - 1)
                .replace("\\n", "\n").replace("\\'", "'").replace("\\\"", "\"").replace("\\\\", "\\");
    }

    public Map<Integer, String> values() {
        return Map.copyOf(values);
    }

    public boolean codeLoaded() {
        return codeLoaded;
    }

    public boolean setupLoaded() {
        return setupLoaded;
    }

    public Optional<RaisedException> raised() {
        return Optional.ofNullable(raised);
    }
}
