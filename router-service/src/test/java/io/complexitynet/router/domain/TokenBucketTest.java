package io.complexitynet.router.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aBurstPassesThenTheRateHolds() {
        TokenBucket bucket = new TokenBucket(2, 3, 0);
        assertTrue(bucket.tryTake(0));
        assertTrue(bucket.tryTake(0));
        assertTrue(bucket.tryTake(0));
        assertFalse(bucket.tryTake(0), "the burst is spent");
        assertFalse(bucket.tryTake(SECOND / 4), "half a token after a quarter second");
        assertTrue(bucket.tryTake(SECOND / 2), "one token after half a second at 2/s");
        assertFalse(bucket.tryTake(SECOND / 2));
    }

    @Test
    void aQuietSpellRefillsNoMoreThanTheBurst() {
        TokenBucket bucket = new TokenBucket(100, 2, 0);
        assertTrue(bucket.tryTake(0));
        assertTrue(bucket.tryTake(0));
        long later = 60 * SECOND;
        assertTrue(bucket.tryTake(later));
        assertTrue(bucket.tryTake(later));
        assertFalse(bucket.tryTake(later));
    }

    @Test
    void nonsenseLimitsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(0, 10, 0));
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(10, 0.5, 0));
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(Double.NaN, 10, 0));
    }
}
