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
 * What a supervisor wrote on its container's log: one length-framed record per candidate it ran
 * (see {@code sandbox/supervisor.py}), and the reason it stopped early, if it did. Neither the
 * candidates nor the judges write to these logs, and the framing keeps a report from passing for a record.
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

    /**
     * One outcome per run, this being the judge container's log and {@code candidates} the candidate
     * container's. The judge's record carries the report, so a run without one is a sandbox failure for
     * {@code reason} (and the supervisors' own); the candidate's record says how its process ended,
     * which only explains a test the judge did not see finish, and cannot make one hold.
     */
    List<RunOutcome> outcomes(PodLogReport candidates, int runs, String reason, Duration elapsed) {
        String stopped = supervisorFailure != null ? supervisorFailure : candidates.supervisorFailure;
        String detail = stopped == null ? reason : reason + "; the supervisor stopped: " + stopped;
        List<RunOutcome> all = new ArrayList<>(runs);
        for (int i = 0; i < runs; i++) {
            Optional<RunOutcome> candidate = candidates.outcome(i);
            all.add(outcome(i).map(judged -> merged(judged, candidate))
                    .orElseGet(() -> RunOutcome.sandboxFailure(detail, elapsed)));
        }
        return all;
    }

    private static RunOutcome merged(RunOutcome judged, Optional<RunOutcome> candidate) {
        if (candidate.isEmpty()) {
            return judged;
        }
        RunOutcome ran = candidate.get();
        RunOutcome.Termination termination = judged.termination() == RunOutcome.Termination.EXITED
                && ran.termination() != RunOutcome.Termination.EXITED ? ran.termination() : judged.termination();
        return new RunOutcome(termination, ran.exitCode(), judged.report(), judged.wallTime(), ran.detail());
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
