package io.complexitynet.router.domain;

/**
 * A token bucket: {@code burst} requests at once, refilled at {@code perSecond}. Time comes from the caller
 * (nanoseconds of a monotonic clock), so tests drive it without sleeping.
 */
public final class TokenBucket {

    private final double perSecond;
    private final double burst;
    private double tokens;
    private long refilledAt;

    public TokenBucket(double perSecond, double burst, long nowNanos) {
        if (!(perSecond > 0) || !(burst >= 1)) {
            throw new IllegalArgumentException("a rate limit needs a positive rate and a burst of at least 1, got " + perSecond + "/s, " + burst);
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.tokens = burst;
        this.refilledAt = nowNanos;
    }

    /** Takes one token if there is one. */
    public synchronized boolean tryTake(long nowNanos) {
        tokens = Math.min(burst, tokens + (nowNanos - refilledAt) / 1e9 * perSecond);
        refilledAt = nowNanos;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
