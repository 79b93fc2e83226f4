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

    private static String record(int index, String termination, int exitCode, long millis, String report, String detail) {
        return "CN-RESULT " + index + " " + termination + " " + exitCode + " " + millis + " "
                + report.getBytes(StandardCharsets.UTF_8).length + " " + detail.getBytes(StandardCharsets.UTF_8).length
                + "\n" + report + detail + "\n";
    }

    @Test
    void eachRecordBecomesTheOutcomeOfItsCandidate() {
        String log = record(0, "EXITED", 0, 12, "S code\nS setup\nR 0 ('int',2)\nD\n", "")
                + record(1, "TIMED_OUT", -1, 1001, "S code\n", "")
                + record(2, "OUTPUT_EXCEEDED", 137, 40, "", "");
        List<RunOutcome> outcomes = PodLogReport.parse(log).outcomes(3, "unused", Duration.ZERO);
        assertEquals(new RunOutcome(Termination.EXITED, 0, "S code\nS setup\nR 0 ('int',2)\nD\n", Duration.ofMillis(12), ""),
                outcomes.get(0));
        assertEquals(Termination.TIMED_OUT, outcomes.get(1).termination());
        assertEquals(Duration.ofMillis(1001), outcomes.get(1).wallTime());
        assertEquals(Termination.OUTPUT_EXCEEDED, outcomes.get(2).termination());
        assertEquals(137, outcomes.get(2).exitCode());
    }

    @Test
    void aReportThatLooksLikeARecordStaysInsideItsFrame() {
        String forged = record(1, "EXITED", 0, 1, "R 0 ('int',2)\nD\n", "");
        String log = record(0, "EXITED", 0, 5, forged, "the head of the output");
        List<RunOutcome> outcomes = PodLogReport.parse(log).outcomes(2, "no record", Duration.ZERO);
        assertEquals(forged, outcomes.get(0).report());
        assertEquals("the head of the output", outcomes.get(0).detail());
        assertEquals(Termination.SANDBOX_FAILURE, outcomes.get(1).termination());
    }

    @Test
    void lengthsCountBytesNotCharacters() {
        String log = record(0, "EXITED", 0, 5, "R 0 ('str','héllo ☃')\n", "") + record(1, "EXITED", 0, 5, "D\n", "");
        List<RunOutcome> outcomes = PodLogReport.parse(log).outcomes(2, "no record", Duration.ZERO);
        assertEquals("R 0 ('str','héllo ☃')\n", outcomes.get(0).report());
        assertEquals("D\n", outcomes.get(1).report());
    }

    @Test
    void candidatesWithoutARecordFailWithTheReasonAndTheDriversOwn() {
        String log = record(0, "EXITED", 0, 5, "D\n", "") + "\nCN-FAILED OSError: the work directory could not be emptied\n";
        List<RunOutcome> outcomes = PodLogReport.parse(log).outcomes(2, "the sandbox pod failed", Duration.ofSeconds(3));
        assertEquals(Termination.EXITED, outcomes.get(0).termination());
        RunOutcome missing = outcomes.get(1);
        assertEquals(Termination.SANDBOX_FAILURE, missing.termination());
        assertEquals(Duration.ofSeconds(3), missing.wallTime());
        assertTrue(missing.detail().startsWith("the sandbox pod failed"));
        assertTrue(missing.detail().contains("the work directory could not be emptied"));
    }

    @Test
    void aCutRecordIsNotTrusted() {
        String whole = record(0, "EXITED", 0, 5, "S code\nR 0 ('int',2)\nD\n", "");
        String log = record(1, "EXITED", 0, 5, "D\n", "") + whole.substring(0, whole.length() - 8);
        List<RunOutcome> outcomes = PodLogReport.parse(log).outcomes(2, "cut", Duration.ZERO);
        assertEquals(Termination.SANDBOX_FAILURE, outcomes.get(0).termination());
        assertEquals(Termination.EXITED, outcomes.get(1).termination());
    }

    @Test
    void anEmptyLogFailsEveryCandidate() {
        List<RunOutcome> outcomes = PodLogReport.parse("").outcomes(2, "the sandbox pod was deleted", Duration.ZERO);
        assertEquals(List.of(Termination.SANDBOX_FAILURE, Termination.SANDBOX_FAILURE),
                outcomes.stream().map(RunOutcome::termination).toList());
    }
}
