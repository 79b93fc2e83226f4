package io.complexitynet.verifier.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.verifier.domain.RunOutcome;
import io.complexitynet.verifier.domain.RunOutcome.Termination;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodLogReportTest {

    private static final PodLogReport NO_CANDIDATE_RECORDS = PodLogReport.parse("");

    private static String record(int index, String termination, int exitCode, long millis, String report, String detail) {
        return "CN-RESULT " + index + " " + termination + " " + exitCode + " " + millis + " "
                + report.getBytes(StandardCharsets.UTF_8).length + " " + detail.getBytes(StandardCharsets.UTF_8).length
                + "\n" + report + detail + "\n";
    }

    /** The outcome of a pod's one candidate from both containers' logs, each holding its record: no failure reason is needed. */
    private static RunOutcome outcomeOfOne(String judges, String candidates) {
        return PodLogReport.parse(judges).outcomes(PodLogReport.parse(candidates), 1, "unused", Duration.ZERO).get(0);
    }

    @Test
    void eachJudgeRecordBecomesTheOutcomeOfItsCandidate() {
        String judges = record(0, "EXITED", -1, 12, "S code\nS setup\nH 0\nD\n", "")
                + record(1, "TIMED_OUT", -1, 1001, "S code\n", "")
                + record(2, "OUTPUT_EXCEEDED", -1, 40, "", "");
        List<RunOutcome> outcomes = PodLogReport.parse(judges).outcomes(NO_CANDIDATE_RECORDS, 3, "unused", Duration.ZERO);
        assertEquals(new RunOutcome(Termination.EXITED, -1, "S code\nS setup\nH 0\nD\n", Duration.ofMillis(12), ""),
                outcomes.get(0));
        assertEquals(Termination.TIMED_OUT, outcomes.get(1).termination());
        assertEquals(Duration.ofMillis(1001), outcomes.get(1).wallTime());
        assertEquals(Termination.OUTPUT_EXCEEDED, outcomes.get(2).termination());
    }

    @Test
    void theCandidateRecordGivesTheExitCodeAndDetailAndTheJudgeRecordTheRest() {
        String judges = record(0, "EXITED", -1, 30, "S code\nG setup\nD\n", "");
        String candidates = record(0, "EXITED", 3, 25, "H 0\nD\n", "the head of the output");
        RunOutcome outcome = outcomeOfOne(judges, candidates);
        assertEquals(new RunOutcome(Termination.EXITED, 3, "S code\nG setup\nD\n", Duration.ofMillis(30),
                "the head of the output"), outcome);
    }

    @Test
    void aCandidateKilledFromOutsideEndsAsItsContainerSaw() {
        String judges = record(0, "EXITED", -1, 30, "G code\nD\n", "");
        String candidates = record(0, "OUTPUT_EXCEEDED", 137, 25, "", "");
        RunOutcome outcome = outcomeOfOne(judges, candidates);
        assertEquals(Termination.OUTPUT_EXCEEDED, outcome.termination());
        assertEquals(137, outcome.exitCode());
        assertEquals("G code\nD\n", outcome.report());
    }

    @Test
    void theJudgesTimeoutStandsWhateverTheCandidateContainerSays() {
        String judges = record(0, "TIMED_OUT", -1, 1001, "S code\n", "");
        String candidates = record(0, "EXITED", 0, 3, "", "");
        RunOutcome outcome = outcomeOfOne(judges, candidates);
        assertEquals(Termination.TIMED_OUT, outcome.termination());
        assertEquals(Duration.ofMillis(1001), outcome.wallTime());
    }

    @Test
    void aCandidateRecordWithoutAJudgeRecordIsASandboxFailure() {
        // Even a report in the candidate container's record: only the judge's says whether tests held.
        String candidates = record(0, "EXITED", 0, 5, "S code\nS setup\nH 0\nD\n", "");
        RunOutcome outcome = PodLogReport.parse("").outcomes(PodLogReport.parse(candidates), 1, "no judge record",
                Duration.ofSeconds(2)).get(0);
        assertEquals(RunOutcome.sandboxFailure("no judge record", Duration.ofSeconds(2)), outcome);
    }

    @Test
    void aReportThatLooksLikeARecordStaysInsideItsFrame() {
        String forged = record(1, "EXITED", 0, 1, "S code\nS setup\nH 0\nD\n", "");
        String judges = record(0, "EXITED", -1, 5, forged, "");
        List<RunOutcome> outcomes = PodLogReport.parse(judges).outcomes(NO_CANDIDATE_RECORDS, 2, "no record", Duration.ZERO);
        assertEquals(forged, outcomes.get(0).report());
        assertEquals(Termination.SANDBOX_FAILURE, outcomes.get(1).termination());
    }

    @Test
    void lengthsCountBytesNotCharacters() {
        String judges = record(0, "EXITED", -1, 5, "F 0 'got héllo ☃'\n", "") + record(1, "EXITED", -1, 5, "D\n", "");
        List<RunOutcome> outcomes = PodLogReport.parse(judges).outcomes(NO_CANDIDATE_RECORDS, 2, "no record", Duration.ZERO);
        assertEquals("F 0 'got héllo ☃'\n", outcomes.get(0).report());
        assertEquals("D\n", outcomes.get(1).report());
    }

    @Test
    void candidatesWithoutARecordFailWithTheReasonAndEitherSupervisorsOwn() {
        String judges = record(0, "EXITED", -1, 5, "D\n", "") + "\nCN-FAILED OSError: the work directory could not be emptied\n";
        List<RunOutcome> outcomes = PodLogReport.parse(judges).outcomes(NO_CANDIDATE_RECORDS, 2, "the sandbox pod failed",
                Duration.ofSeconds(3));
        assertEquals(Termination.EXITED, outcomes.get(0).termination());
        RunOutcome missing = outcomes.get(1);
        assertEquals(Termination.SANDBOX_FAILURE, missing.termination());
        assertEquals(Duration.ofSeconds(3), missing.wallTime());
        assertTrue(missing.detail().startsWith("the sandbox pod failed"), missing.detail());
        assertTrue(missing.detail().contains("the work directory could not be emptied"), missing.detail());

        String candidates = "CN-FAILED TimeoutError: the judge container did not begin candidate 0\n";
        RunOutcome stopped = PodLogReport.parse("").outcomes(PodLogReport.parse(candidates), 1, "the sandbox pod failed",
                Duration.ZERO).get(0);
        assertTrue(stopped.detail().contains("the judge container did not begin candidate 0"), stopped.detail());
    }

    @Test
    void aCutRecordIsNotTrusted() {
        String whole = record(0, "EXITED", -1, 5, "S code\nS setup\nH 0\nD\n", "");
        String judges = record(1, "EXITED", -1, 5, "D\n", "") + whole.substring(0, whole.length() - 8);
        List<RunOutcome> outcomes = PodLogReport.parse(judges).outcomes(NO_CANDIDATE_RECORDS, 2, "cut", Duration.ZERO);
        assertEquals(Termination.SANDBOX_FAILURE, outcomes.get(0).termination());
        assertEquals(Termination.EXITED, outcomes.get(1).termination());
    }

    @Test
    void emptyLogsFailEveryCandidate() {
        List<RunOutcome> outcomes = PodLogReport.parse("").outcomes(NO_CANDIDATE_RECORDS, 2, "the sandbox pod was deleted",
                Duration.ZERO);
        assertEquals(List.of(Termination.SANDBOX_FAILURE, Termination.SANDBOX_FAILURE),
                outcomes.stream().map(RunOutcome::termination).toList());
    }
}
