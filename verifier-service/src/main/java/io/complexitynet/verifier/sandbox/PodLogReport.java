package io.complexitynet.verifier.sandbox;

import io.complexitynet.verifier.domain.RunOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the pod driver wrote on the pod's log: one length-framed record per candidate it ran
 * (see {@code sandbox/pod_driver.py}), and the reason it stopped early, if it did. Candidates
 * never write to this log, and the framing keeps a report from passing for a record.
 */
final class PodLogReport {

    private static final byte[] RESULT = "CN-RESULT ".getBytes(StandardCharsets.UTF_8);
    private static final byte[] FAILED = "CN-FAILED ".getBytes(StandardCharsets.UTF_8);

    private final Map<Integer, RunOutcome> outcomes;
    private final String driverFailure;

    private PodLogReport(Map<Integer, RunOutcome> outcomes, String driverFailure) {
        this.outcomes = outcomes;
        this.driverFailure = driverFailure;
    }

    static PodLogReport parse(String log) {
        byte[] bytes = log.getBytes(StandardCharsets.UTF_8);
        Map<Integer, RunOutcome> outcomes = new HashMap<>();
        String failure = null;
        int pos = 0;
        while (pos < bytes.length) {
            int end = lineEnd(bytes, pos);
            if (startsWith(bytes, pos, RESULT)) {
                int next = record(bytes, pos + RESULT.length, end, outcomes);
                if (next < 0) {
                    // A cut record (log truncated or pod killed mid-write) ends what can be trusted.
                    break;
                }
                pos = next;
                continue;
            }
            if (startsWith(bytes, pos, FAILED)) {
                failure = new String(bytes, pos + FAILED.length, end - pos - FAILED.length, StandardCharsets.UTF_8);
            }
            pos = end + 1;
        }
        return new PodLogReport(outcomes, failure);
    }

    /** The outcome the driver recorded for a candidate, if it got that far. */
    Optional<RunOutcome> outcome(int index) {
        return Optional.ofNullable(outcomes.get(index));
    }

    /** One outcome per run; runs without a record are sandbox failures for {@code reason} (and the driver's own). */
    List<RunOutcome> outcomes(int runs, String reason, Duration elapsed) {
        String detail = driverFailure == null ? reason : reason + "; the pod driver stopped: " + driverFailure;
        List<RunOutcome> all = new ArrayList<>(runs);
        for (int i = 0; i < runs; i++) {
            all.add(outcome(i).orElseGet(() -> RunOutcome.sandboxFailure(detail, elapsed)));
        }
        return all;
    }

    /** Parses one record whose header fields run from {@code start} to {@code end}; returns where the next line starts, or -1. */
    private static int record(byte[] bytes, int start, int end, Map<Integer, RunOutcome> outcomes) {
        String[] fields = new String(bytes, start, end - start, StandardCharsets.UTF_8).split(" ");
        if (fields.length != 6) {
            return -1;
        }
        int index;
        RunOutcome.Termination termination;
        int exitCode;
        long wallMillis;
        int reportLength;
        int detailLength;
        try {
            index = Integer.parseInt(fields[0]);
            termination = RunOutcome.Termination.valueOf(fields[1]);
            exitCode = Integer.parseInt(fields[2]);
            wallMillis = Long.parseLong(fields[3]);
            reportLength = Integer.parseInt(fields[4]);
            detailLength = Integer.parseInt(fields[5]);
        } catch (IllegalArgumentException e) {
            return -1;
        }
        int body = end + 1;
        if (reportLength < 0 || detailLength < 0 || (long) body + reportLength + detailLength > bytes.length) {
            return -1;
        }
        String report = new String(bytes, body, reportLength, StandardCharsets.UTF_8);
        String detail = new String(bytes, body + reportLength, detailLength, StandardCharsets.UTF_8);
        outcomes.putIfAbsent(index, new RunOutcome(termination, exitCode, report, Duration.ofMillis(wallMillis), detail));
        int next = body + reportLength + detailLength;
        return next < bytes.length && bytes[next] == '\n' ? next + 1 : next;
    }

    private static int lineEnd(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return bytes.length;
    }

    private static boolean startsWith(byte[] bytes, int pos, byte[] prefix) {
        if (pos + prefix.length > bytes.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[pos + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
