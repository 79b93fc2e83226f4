package io.complexitynet.labeler.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.complexitynet.core.refusal.RequestRefused;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobSpecTest {

    private static final List<String> LADDER = List.of("small", "middle", "large");

    private static JobSpec spec(List<String> models, int k, double temperature, String rule, double reliable) {
        return JobSpec.of("mbpp", models, k, temperature, rule, reliable, LADDER, 20);
    }

    private static String refusal(List<String> models, int k, double temperature, String rule, double reliable) {
        return assertThrows(RequestRefused.class, () -> spec(models, k, temperature, rule, reliable)).getMessage();
    }

    @Test
    void defaultsAreTheWholeLadderOneSampleAndThePaperRule() {
        JobSpec spec = spec(List.of(), 0, 0, "", 0);
        assertEquals(LADDER, spec.models());
        assertEquals(1, spec.samplesPerModel());
        assertEquals("paper5/v1(reliable>=0.80)", spec.rule().version());
    }

    @Test
    void eachBadFieldIsNamed() {
        assertEquals("models: unknown model 'huge'; configured: [small, middle, large]", refusal(List.of("small", "huge"), 1, 0, "", 0));
        assertEquals("models: must be in ladder order (cheapest first): [small, middle, large]", refusal(List.of("large", "small"), 1, 0, "", 0));
        assertEquals("models: names a model twice: [small, small]", refusal(List.of("small", "small"), 1, 0, "", 0));
        assertEquals("samples_per_model: 21 is out of range [1, 20]", refusal(List.of(), 21, 0, "", 0));
        assertEquals("temperature: 3.0 is out of range [0, 2]", refusal(List.of(), 1, 3, "", 0));
        assertEquals("rule: unknown rule 'median'; known: [paper5, cheapest-passing, cheapest-reliably-passing]", refusal(List.of(), 1, 0, "median", 0));
        assertEquals("reliable_pass_rate: the reliable pass rate must be in (0, 1], was 1.5", refusal(List.of(), 1, 0, "paper5", 1.5));
        assertEquals("dataset: is empty; name an imported data set",
                assertThrows(RequestRefused.class, () -> JobSpec.of(" ", List.of(), 1, 0, "", 0, LADDER, 20)).getMessage());
    }

    @Test
    void aSubsetOfTheLadderKeepsItsOrderAndSizesTheRule() {
        JobSpec spec = spec(List.of("small", "large"), 5, 1.0, "cheapest-passing", 0);
        assertEquals(List.of(0, 1), spec.rule().classes());
    }

    @Test
    void theEtaExtrapolatesThePaceSoFar() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        JobProgress progress = new JobProgress(100, 20, 5, start);
        assertEquals(Duration.ofSeconds(30), progress.eta(start.plusSeconds(10)).orElseThrow());
        assertEquals(true, new JobProgress(100, 0, 0, start).eta(start.plusSeconds(10)).isEmpty());
        assertEquals(true, new JobProgress(10, 9, 1, start).eta(start.plusSeconds(10)).isEmpty());
    }

    @Test
    void passesAreCountedPerModelInLadderOrder() {
        PassTally tally = new PassTally(LADDER, 2);
        tally.add("large", true);
        tally.add("small", true);
        tally.add("small", false);
        assertEquals("[ModelPasses[model=small, passes=1, tries=2], ModelPasses[model=middle, passes=0, tries=2],"
                + " ModelPasses[model=large, passes=1, tries=2]]", tally.counts().toString());
        assertThrows(IllegalArgumentException.class, () -> tally.add("huge", true));
    }
}
