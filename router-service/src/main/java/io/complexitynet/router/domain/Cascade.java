package io.complexitynet.router.domain;

import io.complexitynet.core.probe.ProbeOutcome;
import io.complexitynet.core.routing.PricedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * Verify-and-escalate: asks the decision's first model; with tests, has the answer verified, asks the same
 * model again for a fresh answer up to the request's tries per model, then steps up the decision's ladder until
 * an answer passes or no model is left. A model whose backend fails is stepped over at once. Without tests the
 * first answer is the answer, unless a {@link Judge} is given (the scored cascade): then every answer but the last
 * model's is judged and taken only when the judge accepts it; with two tries per model or more, an accepted answer is
 * followed by a second from the same model, and the second is taken only when the judge accepts it too and finds that
 * the two agree, else the next model is asked.
 */
public final class Cascade {

    /** The most answers one model may give a request: each is charged, so a typo must not multiply a bill. */
    public static final int MAX_TRIES_PER_MODEL = 5;

    /** The most answers a judged model gives without tests: its first, and a second to compare with the first. */
    public static final int JUDGED_ANSWERS_PER_MODEL = 2;

    /** Asks one model for its {@code sample}-th answer (0 first); throws {@link GenerationFailed} when it cannot answer. */
    public interface Generator {
        Generated generate(PricedModel model, int sample);
    }

    /** The model's backend gave no answer (unreachable, out of retries, a sample never recorded). */
    public static final class GenerationFailed extends RuntimeException {
        public GenerationFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Runs the request's tests against code. */
    public interface Checker {
        Checked check(String code);
    }

    /** Without tests: judges a model's answer from what it shows, to take it or ask the next model. */
    public interface Judge {
        /** @param modelIndex the answering model's place in the whole ladder, 0 = cheapest */
        Judged judge(int modelIndex, Generated generated);

        /** A second answer of the model whose {@code first} was accepted: judged as that one was, and compared with it. */
        Judged judgeSecond(int modelIndex, Generated first, Generated second);
    }

    /**
     * What a test-free run of an answer showed, its score, whether it is taken, and the runs' time; for a second answer,
     * whether it agreed with the first (empty: not compared, for want of an example call or of room for both).
     */
    public record Judged(ProbeOutcome probe, double score, boolean accepted, long millis, Optional<Boolean> agreed) {

        public Judged(ProbeOutcome probe, double score, boolean accepted, long millis) {
            this(probe, score, accepted, millis, Optional.empty());
        }

        /** As callers are told: AGREED, DISAGREED, or empty when not compared. */
        public String agreementWord() {
            return agreed.map(agreedWithFirst -> agreedWithFirst ? "AGREED" : "DISAGREED").orElse("");
        }
    }

    /** A model's answer: the code in it (what is verified), the reply as the model wrote it, its tokens and time. */
    public record Generated(String code, String reply, int promptTokens, int completionTokens, long millis) {
    }

    public record Checked(String verdict, long millis) {
        /** An answer with no code: nothing to run, so it is not sent to the verifier, and it fails. */
        static final Checked EMPTY_ANSWER = new Checked("EMPTY_ANSWER", 0);

        public boolean passed() {
            return "PASSED".equals(verdict);
        }
    }

    /**
     * One answer asked of a model, its {@code sample}-th for this request. {@code failure} is set when the model could
     * not answer at all. Cost units: the model's price per 1K tokens times the tokens used.
     */
    public record Attempt(PricedModel model, int sample, Optional<Generated> generated, Optional<Checked> checked,
                          Optional<Judged> judged, Optional<String> failure) {

        public Attempt(PricedModel model, int sample, Optional<Generated> generated, Optional<Checked> checked, Optional<String> failure) {
            this(model, sample, generated, checked, Optional.empty(), failure);
        }

        public double costUnits() {
            return generated.map(g -> model.costUnits() * (g.promptTokens() + g.completionTokens()) / 1000.0).orElse(0.0);
        }

        /**
         * As callers are told: the verifier's verdict, {@code NO_ANSWER} when the model could not answer, empty when
         * no tests were sent.
         */
        public String verdict() {
            return checked.map(Checked::verdict).orElse(failure.map(reason -> "NO_ANSWER").orElse(""));
        }

        /** An answer to stop at: some code, no failed check and no judge's rejection. An empty reply is no answer, tests or not. */
        public boolean usable() {
            return generated.filter(g -> !g.code().isBlank()).isPresent() && checked.map(Checked::passed).orElse(true)
                    && judged.map(Judged::accepted).orElse(true);
        }
    }

    /**
     * Every attempt in order; the answer is the last one that produced code. {@code stoppedBy}: the check
     * refused the request after a model had answered (e.g. the verifier cannot run its tests); the attempts
     * so far are still charged, then the refusal reaches the caller.
     */
    public record Outcome(List<Attempt> attempts, Optional<RuntimeException> stoppedBy) {

        public Outcome {
            attempts = List.copyOf(attempts);
        }

        public Optional<Attempt> answer() {
            for (int i = attempts.size() - 1; i >= 0; i--) {
                if (attempts.get(i).generated().isPresent()) {
                    return Optional.of(attempts.get(i));
                }
            }
            return Optional.empty();
        }
    }

    private final List<PricedModel> ladder;
    private final boolean escalate;

    public static boolean allowedTries(int triesPerModel) {
        return triesPerModel >= 1 && triesPerModel <= MAX_TRIES_PER_MODEL;
    }

    /** @param escalate false: only the decision's first model is ever asked. */
    public Cascade(List<PricedModel> ladder, boolean escalate) {
        this.ladder = List.copyOf(ladder);
        this.escalate = escalate;
    }

    /** The models a run of this decision may ask, in order. */
    public List<PricedModel> mayAsk(Decision decision) {
        return indexesToAsk(decision).stream().map(ladder::get).toList();
    }

    private List<Integer> indexesToAsk(Decision decision) {
        return escalate ? decision.ladder() : List.of(decision.first());
    }

    /**
     * The most a run of this decision can cost: every model it may ask, each up to {@code triesPerModel} times with
     * at most {@code promptTokens} in and its {@code maxTokens} out.
     */
    public double costCeiling(Decision decision, int triesPerModel, long promptTokens, ToIntFunction<String> maxTokens) {
        return triesPerModel * mayAsk(decision).stream()
                .mapToDouble(model -> model.costUnits() * (promptTokens + maxTokens.applyAsInt(model.name())) / 1000.0).sum();
    }

    /** @param triesPerModel answers each model may give when they fail the tests; without tests only one is asked */
    public Outcome run(Decision decision, Optional<Checker> tests, int triesPerModel, Generator generator) {
        return run(decision, tests, Optional.empty(), triesPerModel, generator);
    }

    /**
     * @param judge without tests, judges each answer but the last model's (that one is the answer whatever it shows);
     *     ignored with tests, which are better evidence
     * @param triesPerModel with tests, the answers each model may give when they fail them; without, 2 or more asks a
     *     judged model for a second answer to compare with its accepted first, else one answer per model
     */
    public Outcome run(Decision decision, Optional<Checker> tests, Optional<Judge> judge, int triesPerModel, Generator generator) {
        if (!allowedTries(triesPerModel)) {
            throw new IllegalArgumentException("tries per model must be 1 to " + MAX_TRIES_PER_MODEL + ", was " + triesPerModel);
        }
        Optional<Judge> judging = tests.isPresent() ? Optional.empty() : judge;
        boolean secondAnswers = judging.isPresent() && triesPerModel >= JUDGED_ANSWERS_PER_MODEL;
        List<Attempt> attempts = new ArrayList<>();
        List<Integer> indexes = indexesToAsk(decision);
        for (int asked = 0; asked < indexes.size(); asked++) {
            int index = indexes.get(asked);
            PricedModel model = ladder.get(index);
            boolean lastModel = asked == indexes.size() - 1;
            int tries = tests.isPresent() ? triesPerModel : secondAnswers && !lastModel ? JUDGED_ANSWERS_PER_MODEL : 1;
            for (int sample = 0; sample < tries; sample++) {
                Generated generated;
                try {
                    generated = generator.generate(model, sample);
                } catch (GenerationFailed e) {
                    attempts.add(new Attempt(model, sample, Optional.empty(), Optional.empty(), Optional.of(e.getMessage())));
                    break;
                }
                Attempt attempt;
                try {
                    Optional<Checked> checked = tests.map(checker -> generated.code().isBlank()
                            ? Checked.EMPTY_ANSWER : checker.check(generated.code()));
                    // A second answer follows only this model's accepted first, the attempt just before it.
                    Optional<Generated> first = sample == 0 ? Optional.empty() : attempts.get(attempts.size() - 1).generated();
                    Optional<Judged> judged = lastModel || generated.code().isBlank() ? Optional.empty()
                            : judging.map(j -> first.map(f -> j.judgeSecond(index, f, generated))
                                    .orElseGet(() -> j.judge(index, generated)));
                    attempt = new Attempt(model, sample, Optional.of(generated), checked, judged, Optional.empty());
                } catch (RuntimeException e) {
                    attempts.add(new Attempt(model, sample, Optional.of(generated), Optional.empty(),
                            Optional.of("not checked: " + e.getMessage())));
                    return new Outcome(attempts, Optional.of(e));
                }
                attempts.add(attempt);
                boolean wasJudged = attempt.judged().isPresent();
                if (attempt.usable() && !(wasJudged && sample + 1 < tries)) {
                    return new Outcome(attempts, Optional.empty());
                }
                if (!attempt.usable() && (wasJudged || tests.isEmpty())) {
                    break;
                }
            }
        }
        return new Outcome(attempts, Optional.empty());
    }
}
