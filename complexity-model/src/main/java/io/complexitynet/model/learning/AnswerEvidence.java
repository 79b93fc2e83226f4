package io.complexitynet.model.learning;

import io.complexitynet.core.probe.ProbeOutcome;

/**
 * What is known of one model's answer when the no-tests cascade decides whether to take it: which model of the ladder
 * wrote it, what its test-free run showed, how long it is, and how likely the prompt alone says that model passes.
 *
 * @param modelIndex      the answering model's place in the ladder, 0 = cheapest
 * @param answerChars     the answer's length in characters
 * @param passProbability the promoted model's pass head for that model on the request's prompt
 */
public record AnswerEvidence(int modelIndex, ProbeOutcome probe, int answerChars, double passProbability) {

    public AnswerEvidence {
        if (modelIndex < 0 || answerChars < 0 || !(passProbability >= 0 && passProbability <= 1)) {
            throw new IllegalArgumentException("model " + modelIndex + ", " + answerChars + " characters, pass probability "
                    + passProbability);
        }
    }
}
