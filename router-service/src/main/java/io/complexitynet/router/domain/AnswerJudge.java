package io.complexitynet.router.domain;

import io.complexitynet.core.probe.AnswerProbe;
import io.complexitynet.core.probe.ProbeOutcome;
import io.complexitynet.core.probe.SampleAgreement;
import io.complexitynet.core.routing.Prediction;
import io.complexitynet.model.learning.AnswerEvidence;
import io.complexitynet.model.learning.AnswerScorer;
import java.util.List;
import java.util.Optional;

/**
 * The scored cascade's judge: runs an answer's test-free probe in the sandbox, and takes the answer when the promoted
 * model's answer scorer accepts what the run showed together with the answer's length and the prompt's pass
 * probability for the model that wrote it. A second answer of the same model is judged the same way and, when the
 * scorer accepts it, also run beside the first on the example calls ({@link SampleAgreement}): taken only if they agree.
 */
public final class AnswerJudge implements Cascade.Judge {

    /** Runs code against statements in place of tests, as the verifier runs tests. */
    public interface Sandbox {
        Ran run(String code, List<String> statements);
    }

    /**
     * What the sandbox reported: its verdict's name (PASSED, FAILED, ERROR, TIMEOUT, RESOURCE_LIMIT), the index of the
     * statement it stopped at (-1: none), and how long the run took.
     */
    public record Ran(String verdict, int statementIndex, long millis) {
    }

    private final AnswerScorer scorer;
    private final Prediction prediction;
    private final AnswerProbe probe;
    private final Sandbox sandbox;

    /** @param prediction the promoted model's prediction for the request, whose pass probabilities the scorer reads */
    public AnswerJudge(AnswerScorer scorer, Prediction prediction, AnswerProbe probe, Sandbox sandbox) {
        if (prediction.passProbabilities().length != scorer.ladderSize()) {
            throw new IllegalArgumentException("a prediction for " + prediction.passProbabilities().length
                    + " models and an answer scorer for " + scorer.ladderSize());
        }
        this.scorer = scorer;
        this.prediction = prediction;
        this.probe = probe;
        this.sandbox = sandbox;
    }

    @Override
    public Cascade.Judged judge(int modelIndex, Cascade.Generated generated) {
        Ran ran = sandbox.run(generated.code(), probe.statements());
        ProbeOutcome outcome = ProbeOutcome.of(probe, ran.verdict(), ran.statementIndex());
        AnswerEvidence evidence = new AnswerEvidence(modelIndex, outcome, generated.code().length(),
                prediction.passProbabilities()[modelIndex]);
        return new Cascade.Judged(outcome, scorer.score(evidence), scorer.accepts(evidence), ran.millis());
    }

    /**
     * The second answer's own probe and score; when the scorer accepts it and the two can be compared (the task shows
     * an example call, and both fit in one candidate), their agreement decides. Not compared: the scorer alone decides.
     */
    @Override
    public Cascade.Judged judgeSecond(int modelIndex, Cascade.Generated first, Cascade.Generated second) {
        Cascade.Judged own = judge(modelIndex, second);
        if (!own.accepted()) {
            return own;
        }
        SampleAgreement agreement = SampleAgreement.of(probe);
        Optional<String> candidate = agreement.candidate(first.code(), second.code());
        if (candidate.isEmpty()) {
            return own;
        }
        Ran compared = sandbox.run(candidate.get(), agreement.statements());
        boolean agreed = SampleAgreement.agreed(compared.verdict());
        return new Cascade.Judged(own.probe(), own.score(), agreed, own.millis() + compared.millis(), Optional.of(agreed));
    }
}
