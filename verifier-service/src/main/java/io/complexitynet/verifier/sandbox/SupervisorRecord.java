package io.complexitynet.verifier.sandbox;

import io.complexitynet.verifier.domain.RunOutcome;
import java.time.Duration;
import java.util.Optional;

/**
 * The header of the record the sandbox supervisor writes for each candidate it ran (see
 * {@code sandbox/supervisor.py}): {@code CN-RESULT <index> <termination> <exit code> <wall millis>
 * <report bytes> <detail bytes>}, followed by that many bytes of report and detail.
 */
record SupervisorRecord(int index, RunOutcome.Termination termination, int exitCode, long wallMillis,
                        int reportLength, int detailLength) {

    static final String RESULT_TAG = "CN-RESULT ";
    /** Written instead of further records when the supervisor itself fails, with the reason. */
    static final String FAILED_TAG = "CN-FAILED ";

    /** Parses the fields after {@link #RESULT_TAG}; empty when they are not a well-formed header. */
    static Optional<SupervisorRecord> parseFields(String fields) {
        String[] parts = fields.split(" ");
        if (parts.length != 6) {
            return Optional.empty();
        }
        try {
            SupervisorRecord header = new SupervisorRecord(Integer.parseInt(parts[0]),
                    RunOutcome.Termination.valueOf(parts[1]), Integer.parseInt(parts[2]), Long.parseLong(parts[3]),
                    Integer.parseInt(parts[4]), Integer.parseInt(parts[5]));
            return header.reportLength < 0 || header.detailLength < 0 ? Optional.empty() : Optional.of(header);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    RunOutcome outcome(String report, String detail) {
        return new RunOutcome(termination, exitCode, report, Duration.ofMillis(wallMillis), detail);
    }
}
