package io.complexitynet.router.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.complexitynet.database.JsonColumn;
import io.complexitynet.database.routing.RoutedSampleEntity;
import io.complexitynet.router.config.RouterConfig;
import io.complexitynet.service.resilience.TransientFailures;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * What one routed request leaves behind, written in one short transaction: its usage per model (added
 * to the tenant's row for the day and model), for tested requests of tenants that allow it its samples,
 * and the settlement of its budget hold. All or nothing, so a failed write never leaves usage without its
 * samples or charged spend without its usage; once per request, so a retry of a write that did commit (its
 * acknowledgement lost with the connection) charges nothing twice.
 * Statements only, no entity loaded: this runs on every request.
 */
@ApplicationScoped
public class RouteLedger {

    private static final Logger LOG = Logger.getLogger(RouteLedger.class);

    /** One model's use by one request. */
    public record Usage(String model, long promptTokens, long completionTokens, double costUnits) {
    }

    /** One verified answer to a routed request; {@code requestId} is the request's id and the attempt's index. */
    public record RoutedSample(String requestId, String tenant, String prompt, List<String> tests, String setupCode, String model,
                               String completion, String verdict, String classifierModelId) {
    }

    private static final String ADD_USAGE = "update TenantUsageEntity u set u.requests = u.requests + 1,"
            + " u.promptTokens = u.promptTokens + :promptTokens, u.completionTokens = u.completionTokens + :completionTokens,"
            + " u.costUnits = u.costUnits + :costUnits where u.tenant = :tenant and u.usageDay = :day and u.model = :model";
    private static final String FIRST_USAGE = "insert into TenantUsageEntity (tenant, usageDay, model, requests, promptTokens,"
            + " completionTokens, costUnits) values (:tenant, :day, :model, 1, :promptTokens, :completionTokens, :costUnits)"
            + " on conflict do nothing";
    private static final String SAMPLE = "insert into RoutedSampleEntity (requestId, tenant, prompt, tests, setupCode, model, completion,"
            + " verdict, classifierModelId, createdAt) values (:requestId, :tenant, :prompt, :tests, :setupCode, :model, :completion,"
            + " :verdict, :classifierModelId, :createdAt) on conflict do nothing";

    private static final String RECORDED = "insert into RoutedRequestEntity (requestId, tenant, recordedAt)"
            + " values (:requestId, :tenant, :recordedAt) on conflict do nothing";

    private static final int PING_ATTEMPTS = 3;

    @Inject EntityManager entities;
    @Inject ObjectMapper json;
    @Inject TenantBudgets budgets;
    @Inject RouterConfig config;

    /**
     * Records the request's usage and samples and, if it held part of a budget, moves its real cost from held to spent;
     * a request already recorded under {@code requestId} adds nothing. The id's row is written first: a retry that
     * races the first write waits on it and then finds it.
     *
     * @return whether this call recorded the request (false: it was already)
     */
    @Transactional
    public boolean record(String requestId, String tenant, LocalDate day, List<Usage> usage, List<RoutedSample> samples,
                          Optional<TenantBudgets.Hold> hold) {
        if (entities.createQuery(RECORDED).setParameter("requestId", requestId).setParameter("tenant", tenant)
                .setParameter("recordedAt", OffsetDateTime.now()).executeUpdate() == 0) {
            LOG.infof("request_id=%s tenant=%s already recorded; a retried write adds nothing", requestId, tenant);
            return false;
        }
        usage.forEach(use -> add(tenant, day, use));
        samples.forEach(this::store);
        budgets.charge(tenant, day, usage.stream().mapToDouble(Usage::costUnits).sum(), hold);
        return true;
    }

    /**
     * Forgets requests recorded longer ago than router.ledger.request-retention: a retry of their write comes within
     * complexitynet.retry.max-duration, so an older id only takes room. Every replica may run it; the deletes agree.
     */
    @Scheduled(every = "{router.ledger.request-retention}", delayed = "{router.ledger.request-retention}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void forgetOldRequests() {
        int forgotten = entities.createQuery("delete from RoutedRequestEntity r where r.recordedAt < :before")
                .setParameter("before", OffsetDateTime.now().minus(config.ledger().requestRetention())).executeUpdate();
        LOG.debugf("forgot %d recorded request ids", forgotten);
    }

    /**
     * Asks the database for nothing, to learn that it answers: a request checks this before any model runs, so a
     * database outage refuses requests (UNAVAILABLE) instead of running models whose cost could not be recorded.
     * A few tries, without waiting: a restarted database leaves dead connections in the pool, each failing once.
     */
    public void ensureReachable() {
        for (int attempt = 1; ; attempt++) {
            try {
                ping();
                return;
            } catch (RuntimeException e) {
                if (attempt == PING_ATTEMPTS || !TransientFailures.isTransient(e)) {
                    throw e;
                }
            }
        }
    }

    @Transactional
    void ping() {
        entities.createNativeQuery("select 1").getSingleResult();
    }

    /** How many samples the tenant's requests left. */
    @Transactional
    public long samples(String tenant) {
        return RoutedSampleEntity.count("tenant", tenant);
    }

    /**
     * Adds to the day's row, creating it on the tenant's first use of the model that day. Two requests
     * may both find no row: the insert that loses finds the winner's row on its second update.
     */
    private void add(String tenant, LocalDate day, Usage use) {
        if (change(ADD_USAGE, tenant, day, use) == 1 || change(FIRST_USAGE, tenant, day, use) == 1) {
            return;
        }
        if (change(ADD_USAGE, tenant, day, use) != 1) {
            throw new IllegalStateException("tenant_usage row for " + tenant + ", " + day + ", " + use.model() + " is neither there nor insertable");
        }
    }

    private int change(String statement, String tenant, LocalDate day, Usage use) {
        return entities.createQuery(statement).setParameter("tenant", tenant).setParameter("day", day).setParameter("model", use.model())
                .setParameter("promptTokens", use.promptTokens()).setParameter("completionTokens", use.completionTokens())
                .setParameter("costUnits", use.costUnits()).executeUpdate();
    }

    /** A retried request with the same id adds nothing. */
    private void store(RoutedSample sample) {
        entities.createQuery(SAMPLE).setParameter("requestId", sample.requestId()).setParameter("tenant", sample.tenant())
                .setParameter("prompt", sample.prompt()).setParameter("tests", JsonColumn.write(json, sample.tests()))
                .setParameter("setupCode", sample.setupCode()).setParameter("model", sample.model())
                .setParameter("completion", sample.completion()).setParameter("verdict", sample.verdict())
                .setParameter("classifierModelId", sample.classifierModelId()).setParameter("createdAt", OffsetDateTime.now())
                .executeUpdate();
    }
}
