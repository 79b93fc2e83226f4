package io.complexitynet.labeler.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SampleCandidateTest {

    @Test
    void aSamplesTestsAreNamedByItsIdAndItsProbeApart() {
        assertEquals("42", SampleCandidate.testsOf(42).candidateId());
        assertEquals("42:probe", SampleCandidate.probeOf(42).candidateId());
        assertNotEquals(SampleCandidate.testsOf(42).candidateId(), SampleCandidate.probeOf(42).candidateId());
    }

    @Test
    void anIdNamesBackTheCandidateItWasMadeFrom() {
        assertEquals(SampleCandidate.testsOf(7), SampleCandidate.parse(SampleCandidate.testsOf(7).candidateId()));
        assertEquals(SampleCandidate.probeOf(7), SampleCandidate.parse(SampleCandidate.probeOf(7).candidateId()));
    }

    @Test
    void anIdThisLabelerDidNotMakeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SampleCandidate.parse("not-a-sample"));
        assertThrows(IllegalArgumentException.class, () -> SampleCandidate.parse("not-a-sample:probe"));
        assertThrows(IllegalArgumentException.class, () -> SampleCandidate.parse(":probe"));
        assertThrows(IllegalArgumentException.class, () -> SampleCandidate.parse("7:probe:probe"));
    }
}
