package io.complexitynet.model.learning;

import io.complexitynet.core.routing.ComplexityPolicy;
import io.complexitynet.core.routing.Prediction;
import io.complexitynet.core.routing.PricedModel;
import io.complexitynet.core.routing.ThresholdPolicy;
import io.complexitynet.model.domain.ComplexityScale;
import io.complexitynet.model.embedding.PromptEncoder;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A trained complexity model: the prompt encoder, the complexity classifier, one calibrated pass head per
 * ladder model (cheapest first), the complexity scale, where the predicted complexity comes from and, when it was
 * trained on answers whose test-free runs were recorded, the no-tests cascade's {@link AnswerScorer}.
 * Immutable and thread-safe; {@link ModelCodec} stores and loads it.
 */
public final class ComplexityModel {

    private final PromptEncoder encoder;
    private final ComplexityClassifier classifier;
    private final List<PassHead> heads;
    private final List<PricedModel> ladder;
    private final ComplexityScale scale;
    private final ComplexitySource source;
    private final ModelMetadata metadata;
    private final Optional<AnswerScorer> answerScorer;

    public ComplexityModel(PromptEncoder encoder, ComplexityClassifier classifier, List<PassHead> heads,
            List<PricedModel> ladder, ComplexityScale scale, ComplexitySource source, ModelMetadata metadata) {
        this(encoder, classifier, heads, ladder, scale, source, metadata, Optional.empty());
    }

    private ComplexityModel(PromptEncoder encoder, ComplexityClassifier classifier, List<PassHead> heads,
            List<PricedModel> ladder, ComplexityScale scale, ComplexitySource source, ModelMetadata metadata,
            Optional<AnswerScorer> answerScorer) {
        if (heads.size() != ladder.size()) {
            throw new IllegalArgumentException("one pass head per ladder model: " + heads.size() + " heads, "
                    + ladder.size() + " models");
        }
        if (!encoder.id().equals(metadata.encoderId()) || encoder.dimension() != metadata.dimension()) {
            throw new IllegalArgumentException("the model was trained with encoder " + metadata.encoderId() + " ("
                    + metadata.dimension() + " dimensions), not " + encoder.id() + " (" + encoder.dimension() + ")");
        }
        this.encoder = encoder;
        this.classifier = classifier;
        this.heads = List.copyOf(heads);
        this.ladder = PricedModel.ladder(ladder);
        this.scale = scale;
        this.source = source;
        this.metadata = metadata;
        answerScorer.filter(scorer -> scorer.ladderSize() != ladder.size()).ifPresent(scorer -> {
            throw new IllegalArgumentException("an answer scorer for " + scorer.ladderSize() + " models on a ladder of " + ladder.size());
        });
        this.answerScorer = answerScorer;
    }

    /** The prediction for one prompt (the classifier input, see {@code ClassifierInput}). */
    public Prediction predict(String prompt) {
        return predictAll(List.of(prompt)).get(0);
    }

    /** Predictions for many prompts, encoded in one batch, in the order given. */
    public List<Prediction> predictAll(List<String> prompts) {
        for (String prompt : prompts) {
            if (prompt == null || prompt.isBlank()) {
                throw new IllegalArgumentException("cannot predict the complexity of an empty prompt");
            }
        }
        return predictEncoded(encoder.encodeAll(prompts));
    }

    /** Predictions for prompts already encoded by this model's encoder. */
    public List<Prediction> predictEncoded(List<float[]> embeddings) {
        return embeddings.stream().map(this::predictOne).toList();
    }

    private Prediction predictOne(float[] embedding) {
        double[] passProbabilities = heads.stream().mapToDouble(head -> head.probability(embedding)).toArray();
        int complexity = source instanceof ComplexitySource.PassHeads passHeads
                ? scale.complexityOf(new ThresholdPolicy(passHeads.threshold(), ladder.size())
                        .choose(Prediction.ofPassProbabilities(passProbabilities)))
                : classifier.predict(embedding);
        return new Prediction(OptionalInt.of(complexity), passProbabilities);
    }

    /** The same model with its complexity taken from {@code newSource}. */
    public ComplexityModel withComplexitySource(ComplexitySource newSource) {
        return new ComplexityModel(encoder, classifier, heads, ladder, scale, newSource, metadata, answerScorer);
    }

    /** The same model with the no-tests cascade's scorer. */
    public ComplexityModel withAnswerScorer(AnswerScorer scorer) {
        return new ComplexityModel(encoder, classifier, heads, ladder, scale, source, metadata, Optional.of(scorer));
    }

    /** The no-tests cascade's scorer; empty for a model trained on answers without recorded test-free runs. */
    public Optional<AnswerScorer> answerScorer() {
        return answerScorer;
    }

    /** The paper's allocation over this model's classes, for routing by predicted complexity. */
    public ComplexityPolicy complexityPolicy() {
        return scale.policy();
    }

    public List<PricedModel> ladder() {
        return ladder;
    }

    public ComplexityScale scale() {
        return scale;
    }

    public ComplexitySource complexitySource() {
        return source;
    }

    public ModelMetadata metadata() {
        return metadata;
    }

    /** The complexity classes the classifier knows, ascending. */
    public List<Integer> classes() {
        return classifier.classes();
    }

    ComplexityClassifier classifier() {
        return classifier;
    }

    List<PassHead> heads() {
        return heads;
    }
}
