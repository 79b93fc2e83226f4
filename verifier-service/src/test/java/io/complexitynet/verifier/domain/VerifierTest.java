package io.complexitynet.verifier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.core.refusal.RequestRefused;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Admission and shutdown of the verifier, with a sandbox that holds its runs until released. */
class VerifierTest {

    private static final Limits LIMITS = new Limits(Duration.ofSeconds(5), 512L << 20, 16L << 20, 32, 64, 65536);
    private static final BatchPolicy POLICY = new BatchPolicy(4, 65536, 10, 1024, Duration.ofMillis(100),
            Duration.ofSeconds(60), 64L << 20, 4L << 30);
    private static final int CAPACITY = 4;

    /** Holds every batch until {@link #release} opens; reports every run's one test as held. */
    private static final class HeldSandbox implements Sandbox {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public List<RunOutcome> run(List<SandboxRun> runs) {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Collections.nCopies(runs.size(),
                    new RunOutcome(RunOutcome.Termination.EXITED, 0, "S code\nS setup\nH 0\nD", Duration.ofMillis(1), ""));
        }

        @Override
        public String name() {
            return "held";
        }
    }

    private final HeldSandbox sandbox = new HeldSandbox();
    private final Verifier verifier = new Verifier(sandbox, POLICY, CAPACITY);

    private static List<Candidate> batch(int size) {
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            candidates.add(new Candidate("c" + i, "def f():\n    return 1\n", "", List.of("assert f() == 1"), LIMITS));
        }
        return candidates;
    }

    /** Verifies a batch of {@code size} on another thread; returns once the sandbox holds it. */
    private CompletableFuture<List<CandidateResult>> heldInTheSandbox(int size) throws InterruptedException {
        CompletableFuture<List<CandidateResult>> verified = CompletableFuture.supplyAsync(() -> verifier.verify(batch(size)));
        assertTrue(sandbox.entered.await(5, TimeUnit.SECONDS));
        return verified;
    }

    @Test
    void aBatchThatDoesNotFitTheQueueIsRefusedAtOnce() throws Exception {
        CompletableFuture<List<CandidateResult>> first = heldInTheSandbox(3);
        assertEquals(3, verifier.queueDepth());

        RequestRefused refused = assertThrows(RequestRefused.class, () -> verifier.verify(batch(2)));
        assertEquals(RequestRefused.Kind.EXHAUSTED, refused.kind());
        assertTrue(refused.getMessage().contains("batch needs 2 slots, 1 of 4 are free"), refused.getMessage());

        sandbox.release.countDown();
        assertEquals(3, first.get(5, TimeUnit.SECONDS).size());
        assertEquals(0, verifier.queueDepth());
        assertInstanceOf(Verdict.Passed.class, verifier.verify(batch(4)).get(0).verdict());
    }

    @Test
    void afterStopAcceptingNewBatchesAreUnavailableWhileAdmittedOnesFinish() throws Exception {
        CompletableFuture<List<CandidateResult>> admitted = heldInTheSandbox(1);

        verifier.stopAccepting();
        assertEquals(RequestRefused.Kind.UNAVAILABLE, assertThrows(RequestRefused.class, () -> verifier.verify(batch(1))).kind());

        sandbox.release.countDown();
        assertInstanceOf(Verdict.Passed.class, admitted.get(5, TimeUnit.SECONDS).get(0).verdict());
    }

    @Test
    void anInvalidBatchIsRefusedBeforeTakingQueueSlots() {
        InvalidRequestException refused = assertThrows(InvalidRequestException.class, () -> verifier.verify(batch(5)));
        assertTrue(refused.getMessage().contains("candidates"), refused.getMessage());
        assertEquals(0, verifier.queueDepth());
    }
}
