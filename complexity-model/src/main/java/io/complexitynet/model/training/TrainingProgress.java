package io.complexitynet.model.training;

/** Told where a training run is: the stage it entered and the fraction of the whole run done. */
@FunctionalInterface
public interface TrainingProgress {

    /**
     * @param stage e.g. {@code embedding}, {@code fitting}, {@code evaluating}
     * @param fraction 0 at the start of the run, 1 when it is done
     */
    void report(String stage, double fraction);

    /** This progress told of a run that is one stretch of a longer job: stages prefixed, fractions mapped into [from, to]. */
    default TrainingProgress stretch(String stagePrefix, double from, double to) {
        return (stage, fraction) -> report(stagePrefix + stage, from + (to - from) * fraction);
    }

    static TrainingProgress ignored() {
        return (stage, fraction) -> {
        };
    }
}
