package io.complexitynet.router.application;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.complexitynet.core.refusal.RequestRefused;
import io.complexitynet.router.config.RouterConfig;
import io.complexitynet.router.domain.TokenBucket;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * Each tenant's request rate on this replica, Route and Classify alike: Classify costs no model call but a
 * classification, which is CPU every other tenant waits for. A tenant idle for a minute is forgotten.
 */
@ApplicationScoped
public class TenantRateLimits {

    private final double perSecond;
    private final double burst;
    private final Cache<String, TokenBucket> buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(1))
            .maximumSize(100_000).build();

    TenantRateLimits(RouterConfig config) {
        this.perSecond = config.rateLimit().requestsPerSecond();
        this.burst = config.rateLimit().burst();
        new TokenBucket(perSecond, burst, 0); // a rate or burst that makes no sense stops the router at start
    }

    private static String plain(double number) {
        return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    }

    /** Refuses the request (RESOURCE_EXHAUSTED) when its tenant is over its rate. */
    public void admit(String tenant) {
        long now = System.nanoTime();
        if (!buckets.get(tenant, name -> new TokenBucket(perSecond, burst, now)).tryTake(now)) {
            throw RequestRefused.exhausted("tenant " + tenant + " sends more than " + plain(perSecond) + " requests per second"
                    + " (bursts of " + plain(burst) + ") to this router; slow down and retry (router.rate-limit.*)");
        }
    }
}
