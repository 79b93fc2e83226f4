package io.complexitynet.verifier.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Judges batches: validates them, plans each candidate's tests, runs the probes in the sandbox,
 * has the judge evaluate the assertions and applies the verdict rule. Admission is bounded: a
 * batch that does not fit in the queue is refused at once rather than left waiting.
 */
public final class Verifier {

    private final Sandbox sandbox;
    private final Judge judge;
    private final BatchPolicy policy;
    private final VerdictRule rule = new VerdictRule();
    private final Semaphore queue;
    private final int queueCapacity;
    private final AtomicBoolean accepting = new AtomicBoolean(true);

    public Verifier(Sandbox sandbox, Judge judge, BatchPolicy policy, int queueCapacity) {
        this.sandbox = sandbox;
        this.judge = judge;
        this.policy = policy;
        this.queueCapacity = queueCapacity;
        this.queue = new Semaphore(queueCapacity);
    }

    public List<CandidateResult> verify(List<Candidate> candidates) {
        policy.validate(candidates);
        if (!accepting.get()) {
            throw new VerifierUnavailableException("the verifier is shutting down; retry on another replica");
        }
        if (!queue.tryAcquire(candidates.size())) {
            throw new QueueFullException(candidates.size(), queue.availablePermits(), queueCapacity);
        }
        try {
            return judgeAll(candidates);
        } finally {
            queue.release(candidates.size());
        }
    }

    private List<CandidateResult> judgeAll(List<Candidate> candidates) {
        List<TestPlan> plans = new ArrayList<>(candidates.size());
        List<SandboxRun> runs = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            Candidate candidate = candidates.get(i);
            TestPlan plan;
            try {
                plan = judge.plan(candidate);
            } catch (InvalidRequestException e) {
                throw e.within("candidates[" + i + "]");
            }
            plans.add(plan);
            runs.add(new SandboxRun(candidate.id(), candidate.code(), candidate.setupCode(), plan.probes(), candidate.limits()));
        }
        List<RunOutcome> outcomes = sandbox.run(runs);
        List<CandidateResult> results = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            Candidate candidate = candidates.get(i);
            RunOutcome outcome = outcomes.get(i);
            RunnerReport report = RunnerReport.parse(outcome.report());
            List<TestOutcome> tests = judge.judge(plans.get(i), report.values());
            VerdictRule.Decision decision = rule.decide(candidate, report, outcome, tests);
            results.add(new CandidateResult(candidate.id(), decision.verdict(), decision.testsPassed(), outcome.wallTime()));
        }
        return results;
    }

    /** Candidates admitted and not yet judged. */
    public int queueDepth() {
        return queueCapacity - queue.availablePermits();
    }

    /** Refuses new batches from now on; batches already admitted run to the end. */
    public void stopAccepting() {
        accepting.set(false);
    }

    public String sandboxName() {
        return sandbox.name();
    }
}
