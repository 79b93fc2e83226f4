package io.complexitynet.verifier.domain;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/** What a batch may ask for; anything else is refused before any sandbox starts. */
public record BatchPolicy(int maxCandidates, int maxCodeBytes, int maxTests, int maxTestBytes,
                          Duration minWallTime, Duration maxWallTime, long minMemoryBytes, long maxMemoryBytes) {

    /** A Python identifier as the judge binds it: ASCII, so that no look-alike letters name another thing. */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,99}");
    private static final int MAX_PROVIDES = 100;

    public void validate(List<Candidate> candidates) {
        if (candidates.isEmpty()) {
            throw new InvalidRequestException("candidates", "the batch is empty; send at least one candidate");
        }
        if (candidates.size() > maxCandidates) {
            throw new InvalidRequestException("candidates", candidates.size() + " candidates exceed the limit of "
                    + maxCandidates + " per batch");
        }
        for (int i = 0; i < candidates.size(); i++) {
            try {
                validate(candidates.get(i));
            } catch (InvalidRequestException e) {
                throw e.within("candidates[" + i + "]");
            }
        }
    }

    /** One candidate's fields, named as in the candidate ({@code tests[2]}). */
    public void validate(Candidate candidate) {
        checkSize(candidate.code(), maxCodeBytes, "code");
        checkSize(candidate.setupCode(), maxCodeBytes, "setup_code");
        if (candidate.code().isBlank()) {
            throw new InvalidRequestException("code", "is empty");
        }
        if (candidate.tests().isEmpty()) {
            throw new InvalidRequestException("tests", "is empty; send at least one test statement");
        }
        if (candidate.tests().size() > maxTests) {
            throw new InvalidRequestException("tests", candidate.tests().size()
                    + " tests exceed the limit of " + maxTests);
        }
        for (int t = 0; t < candidate.tests().size(); t++) {
            String test = candidate.tests().get(t);
            checkSize(test, maxTestBytes, "tests[" + t + "]");
            if (test.isBlank()) {
                throw new InvalidRequestException("tests[" + t + "]", "is empty");
            }
        }
        if (candidate.provides().size() > MAX_PROVIDES) {
            throw new InvalidRequestException("provides", candidate.provides().size()
                    + " names exceed the limit of " + MAX_PROVIDES);
        }
        for (int p = 0; p < candidate.provides().size(); p++) {
            if (!IDENTIFIER.matcher(candidate.provides().get(p)).matches()) {
                throw new InvalidRequestException("provides[" + p + "]",
                        "is not a Python name (ASCII letters, digits and underscores, at most 100, not starting with a digit)");
            }
        }
        Limits limits = candidate.limits();
        if (limits.wallTime().compareTo(minWallTime) < 0 || limits.wallTime().compareTo(maxWallTime) > 0) {
            throw new InvalidRequestException("limits.wall_time_millis", limits.wallTime().toMillis()
                    + " is out of range [" + minWallTime.toMillis() + ", " + maxWallTime.toMillis() + "]");
        }
        if (limits.memoryBytes() < minMemoryBytes || limits.memoryBytes() > maxMemoryBytes) {
            throw new InvalidRequestException("limits.memory_bytes", limits.memoryBytes()
                    + " is out of range [" + minMemoryBytes + ", " + maxMemoryBytes + "]");
        }
    }

    private static void checkSize(String text, int maxBytes, String field) {
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxBytes) {
            throw new InvalidRequestException(field, bytes + " bytes exceed the limit of " + maxBytes);
        }
    }
}
