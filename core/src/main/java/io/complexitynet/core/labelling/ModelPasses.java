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
}
