package io.complexitynet.verifier.domain;

import io.complexitynet.core.refusal.RequestRefused;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Judges batches: validates them, has the sandbox run each candidate's code and, in a process of its
 * own that never loads that code, its setup and tests, and applies the verdict rule to the judge's
 * report. Admission is bounded: a batch that does not fit in the queue is refused at once rather
 * than left waiting.
 */
public final class Verifier {

    /**
     * Ends as it loads. The judge parses the setup and the tests before it asks the candidate for anything, and
     * stops at the first that does not parse; when all do, it finds the candidate gone and runs none of them.
     */
    private static final String PARSE_ONLY_PROBE = "raise SystemExit\n";

    private final Sandbox sandbox;
    private final BatchPolicy policy;
    private final VerdictRule rule = new VerdictRule();
    private final Semaphore queue;
    private final int queueCapacity;
    private final AtomicBoolean accepting = new AtomicBoolean(true);

    public Verifier(Sandbox sandbox, BatchPolicy policy, int queueCapacity) {
        this.sandbox = sandbox;
        this.policy = policy;
        this.queueCapacity = queueCapacity;
        this.queue = new Semaphore(queueCapacity);
    }

    public List<CandidateResult> verify(List<Candidate> candidates) {
        policy.validate(candidates);
        return admitted(candidates, this::judgeAll);
    }

    /**
     * Refuses, as {@link #verify} would, setup code or tests that are too large, too many or not valid Python,
     * without running them: one sandboxed run of a candidate that ends as it loads. Fields are named as in a
     * candidate ({@code tests[1]}).
     */
    public void checkTests(String setupCode, List<String> tests, Limits limits) {
        Candidate probe = new Candidate("parse-only", PARSE_ONLY_PROBE, setupCode, tests, limits);
        policy.validate(probe);
        admitted(List.of(probe), batch -> {
            RunOutcome outcome = sandbox.run(List.of(SandboxRun.of(probe))).get(0);
            JudgeReport.parse(outcome.report()).invalid().ifPresent(invalid -> {
                throw new InvalidRequestException(invalid.field(), invalid.problem());
            });
            return List.of();
        });
    }

    private List<CandidateResult> admitted(List<Candidate> candidates, Function<List<Candidate>, List<CandidateResult>> judge) {
        if (!accepting.get()) {
            throw RequestRefused.unavailable("the verifier is shutting down; retry on another replica");
        }
        if (!queue.tryAcquire(candidates.size())) {
            throw RequestRefused.exhausted("verification queue is full: batch needs " + candidates.size() + " slots, "
                    + queue.availablePermits() + " of " + queueCapacity + " are free; retry later");
        }
        try {
            return judge.apply(candidates);
        } finally {
            queue.release(candidates.size());
        }
    }

    private List<CandidateResult> judgeAll(List<Candidate> candidates) {
        List<RunOutcome> outcomes = sandbox.run(candidates.stream().map(SandboxRun::of).toList());
        List<JudgeReport> reports = outcomes.stream().map(outcome -> JudgeReport.parse(outcome.report())).toList();
        for (int i = 0; i < candidates.size(); i++) {
            // The judge checks the setup and the tests before anything runs; a request at fault is refused whole.
            JudgeReport.InvalidInput invalid = reports.get(i).invalid().orElse(null);
            if (invalid != null) {
                throw new InvalidRequestException(invalid.field(), invalid.problem()).within("candidates[" + i + "]");
            }
        }
        List<CandidateResult> results = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            Candidate candidate = candidates.get(i);
            RunOutcome outcome = outcomes.get(i);
            VerdictRule.Decision decision = rule.decide(candidate, reports.get(i), outcome);
            results.add(new CandidateResult(candidate.id(), decision.verdict(), decision.testsPassed(), outcome.wallTime()));
        }
        return results;
    }

    /** Candidates admitted and not yet judged. */
    public int queueDepth() {
        return queueCapacity - queue.availablePermits();
    }

    /** The most candidates admitted at once; a batch that would go beyond it is refused. */
    public int queueCapacity() {
        return queueCapacity;
    }

    /** Refuses new batches from now on; batches already admitted run to the end. */
    public void stopAccepting() {
        accepting.set(false);
    }

    public String sandboxName() {
        return sandbox.name();
    }
}
