package io.complexitynet.core.labelling;

/** How often one model's answers to a task passed: {@code passes} out of {@code tries}. */
public record ModelPasses(String model, int passes, int tries) {

    public ModelPasses {
        if (tries < 1 || passes < 0 || passes > tries) {
            throw new IllegalArgumentException(model + ": " + passes + " passes out of " + tries + " tries");
        }
    }

    public double passRate() {
        return (double) passes / tries;
    }

    /** Whether the pass rate reaches {@code reliable}; a small tolerance so that 4/5 counts as 0.8 despite floating point. */
    public boolean passesReliably(double reliable) {
        return passRate() + 1e-9 >= reliable;
    }
}
