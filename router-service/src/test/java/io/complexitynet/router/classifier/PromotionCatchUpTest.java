package io.complexitynet.router.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.router.grpc.PromotedModels;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A promotion whose model-promoted event never reaches the router (dropped after the consumer's retry window, or
 * sent while its queue did not exist) is caught up with by the periodic check.
 */
@QuarkusTest
@TestProfile(PromotionCatchUpTest.CheckEverySecond.class)
class PromotionCatchUpTest {

    public static class CheckEverySecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("router.promotion-check-interval", "1s");
        }
    }

    @Inject
    PromotedModels models;

    @Inject
    PromotedClassifier classifier;

    @Test
    void aPromotionWhoseEventWasLostIsLoadedAtTheNextCheck() throws Exception {
        byte[] artifact = models.train(1);
        models.promote("catch-up-first", artifact);
        classifier.reload();
        assertEquals("catch-up-first", classifier.inUse().orElseThrow().id());

        // Promoted in the database only, as the trainer does before its event goes out: no event follows.
        models.promote("catch-up-second", artifact);

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!classifier.inUse().orElseThrow().id().equals("catch-up-second")) {
            assertTrue(System.nanoTime() < deadline, "the promoted model was not loaded within 20 s of 1 s checks");
            Thread.sleep(100);
        }
    }
}
