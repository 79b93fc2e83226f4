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
 * What the supervisor wrote on the pod's log: one length-framed record per candidate it ran
 * (see {@code sandbox/supervisor.py}), and the reason it stopped early, if it did. Candidates
 * never write to this log, and the framing keeps a report from passing for a record.
 */
final class PodLogReport {

    private static final byte[] RESULT = SupervisorRecord.RESULT_TAG.getBytes(StandardCharsets.UTF_8);
    private static final byte[] FAILED = SupervisorRecord.FAILED_TAG.getBytes(StandardCharsets.UTF_8);

    private final Map<Integer, RunOutcome> outcomes;
    private final String supervisorFailure;

    private PodLogReport(Map<Integer, RunOutcome> outcomes, String supervisorFailure) {
        this.outcomes = outcomes;
        this.supervisorFailure = supervisorFailure;
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

    /** The outcome the supervisor recorded for a candidate, if it got that far. */
    Optional<RunOutcome> outcome(int index) {
        return Optional.ofNullable(outcomes.get(index));
    }

    /** One outcome per run; runs without a record are sandbox failures for {@code reason} (and the supervisor's own). */
    List<RunOutcome> outcomes(int runs, String reason, Duration elapsed) {
        String detail = supervisorFailure == null ? reason : reason + "; the supervisor stopped: " + supervisorFailure;
        List<RunOutcome> all = new ArrayList<>(runs);
        for (int i = 0; i < runs; i++) {
            all.add(outcome(i).orElseGet(() -> RunOutcome.sandboxFailure(detail, elapsed)));
        }
        return all;
    }

    /** Parses one record whose header fields run from {@code start} to {@code end}; returns where the next line starts, or -1. */
    private static int record(byte[] bytes, int start, int end, Map<Integer, RunOutcome> outcomes) {
        Optional<SupervisorRecord> parsed = SupervisorRecord.parseFields(new String(bytes, start, end - start, StandardCharsets.UTF_8));
        if (parsed.isEmpty()) {
            return -1;
        }
        SupervisorRecord header = parsed.get();
        int body = end + 1;
        if ((long) body + header.reportLength() + header.detailLength() > bytes.length) {
            return -1;
        }
        String report = new String(bytes, body, header.reportLength(), StandardCharsets.UTF_8);
        String detail = new String(bytes, body + header.reportLength(), header.detailLength(), StandardCharsets.UTF_8);
        outcomes.putIfAbsent(header.index(), header.outcome(report, detail));
        int next = body + header.reportLength() + header.detailLength();
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
