package io.complexitynet.trainer.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PromotionPolicyTest {

    private static final PromotionPolicy ONE_POINT = new PromotionPolicy(1.0);

    /** Only the figures the policy reads; the others are beside the point. */
    private static HeadlineMetrics validation(double passRate, double cost) {
        return new HeadlineMetrics(0, 0, 0, 0, 0, 0, 0, 0, passRate, cost, 0, 0, List.of(), NoTestsCascadeMetrics.notTrained("not in this test"));
    }

    @Test
    void anyModelQualifiesWhenNothingIsPromoted() {
        assertEquals(Optional.empty(), ONE_POINT.refusal(validation(0.10, 100), Optional.empty()));
    }

    @Test
    void aGainOfExactlyTheThresholdQualifies() {
        // 29 and 28 tasks of 100: one point, though 0.29 - 0.28 is a hair under 0.01 in doubles.
        assertEquals(Optional.empty(), ONE_POINT.refusal(validation(0.29, 5), Optional.of(validation(0.28, 5))));
        assertEquals(Optional.empty(), new PromotionPolicy(6.25).refusal(validation(0.5625, 5), Optional.of(validation(0.5, 5))));
    }

    @Test
    void aGainJustUnderTheThresholdIsRefused() {
        assertTrue(ONE_POINT.refusal(validation(0.2899, 5), Optional.of(validation(0.28, 5))).isPresent());
    }

    @Test
    void aRefusalNamesBothPassRatesTheGainAndTheThreshold() {
        assertEquals(Optional.of("validation pass rate 29.0% is +1.0 points from the promoted model's 28.0%; the policy asks for at"
                + " least +2.0"), new PromotionPolicy(2.0).refusal(validation(0.29, 5), Optional.of(validation(0.28, 5))));
    }

    @Test
    void theSameFiguresAreRefusedUnderAPositiveThreshold() {
        Optional<String> refusal = ONE_POINT.refusal(validation(0.6, 5), Optional.of(validation(0.6, 5)));
        assertTrue(refusal.orElseThrow().contains("is +0.0 points from the promoted model's 60.0%"), refusal.orElseThrow());
    }

    @Test
    void aHigherCostIsRefusedEvenWithAGain() {
        assertEquals(Optional.of("validation cost 5.01 units per request is above the promoted model's 5.00"),
                ONE_POINT.refusal(validation(0.7, 5.01), Optional.of(validation(0.6, 5))));
    }

    @Test
    void theSameCostWithAGainQualifies() {
        assertEquals(Optional.empty(), ONE_POINT.refusal(validation(0.7, 5), Optional.of(validation(0.6, 5))));
    }

    @Test
    void aZeroThresholdLetsAnEqualModelReplaceThePromotedOne() {
        assertEquals(Optional.empty(), new PromotionPolicy(0).refusal(validation(0.6, 5), Optional.of(validation(0.6, 5))));
    }
}
