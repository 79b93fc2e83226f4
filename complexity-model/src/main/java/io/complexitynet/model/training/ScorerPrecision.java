package io.complexitynet.model.training;

/**
 * How well the answer scorer told passing answers from failing ones at its threshold, "this answer passes" being the
 * positive class: precision is the share of accepted answers that passed, recall the share of passing answers accepted.
 *
 * @param answers          answers judged
 * @param passing          of them, how many passed their tests
 * @param accepted         how many the scorer accepted
 * @param acceptedPassing  how many it accepted that passed
 */
public record ScorerPrecision(int answers, int passing, int accepted, int acceptedPassing) {

    public ScorerPrecision {
        if (answers < 0 || passing > answers || accepted > answers || acceptedPassing > Math.min(passing, accepted) || acceptedPassing < 0) {
            throw new IllegalArgumentException(answers + " answers, " + passing + " passing, " + accepted + " accepted, " + acceptedPassing
                    + " accepted and passing");
        }
    }

    /** NaN when the scorer accepted nothing. */
    public double precision() {
        return accepted == 0 ? Double.NaN : (double) acceptedPassing / accepted;
    }

    /** NaN when no answer passed. */
    public double recall() {
        return passing == 0 ? Double.NaN : (double) acceptedPassing / passing;
    }

    /** The share of answers that passed: the precision of accepting everything. */
    public double passRate() {
        return answers == 0 ? Double.NaN : (double) passing / answers;
    }
}
