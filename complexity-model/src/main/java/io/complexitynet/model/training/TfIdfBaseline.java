package io.complexitynet.model.training;

import java.util.List;
import java.util.Locale;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.data.text.impl.TextFeatureExtractorImpl;
import org.tribuo.data.text.impl.TokenPipeline;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.IDFTransformation;
import org.tribuo.util.tokens.universal.UniversalTokenizer;

/**
 * Bag of words: Tribuo's text pipeline counts lower-cased unigrams and bigrams of the prompt, scales
 * them by inverse document frequency over the training prompts, and a logistic regression reads the
 * result. No embedding: what words alone can tell. Its own fixed hyper-parameters (AdaGrad, learning rate
 * 1, 10 epochs), the best macro-F1 of a grid in 5-fold cross-validation on MBPP's training split, so the
 * baseline is not handicapped by settings tuned for embeddings.
 */
final class TfIdfBaseline implements ComplexityBaseline {

    private static final LabelFactory LABELS = new LabelFactory();
    private static final int NGRAMS = 2;
    private static final double LEARNING_RATE = 1;
    private static final int EPOCHS = 10;

    private final Model<Label> model;
    private final TextFeatureExtractorImpl<Label> extractor;
    private final int majority;

    private TfIdfBaseline(Model<Label> model, TextFeatureExtractorImpl<Label> extractor, int majority) {
        this.model = model;
        this.extractor = extractor;
        this.majority = majority;
    }

    static TfIdfBaseline fit(List<String> prompts, List<Integer> complexities, long seed) {
        TextFeatureExtractorImpl<Label> extractor = new TextFeatureExtractorImpl<>(
                new TokenPipeline(new UniversalTokenizer(), NGRAMS, true));
        MutableDataset<Label> rows = new MutableDataset<>(new SimpleDataSourceProvenance("tf-idf training rows", LABELS),
                LABELS);
        for (int i = 0; i < prompts.size(); i++) {
            rows.add(extractor.extract(new Label(complexities.get(i).toString()), normalise(prompts.get(i))));
        }
        LinearSGDTrainer logistic = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(LEARNING_RATE, 1e-6), EPOCHS,
                -1, 1, seed);
        // IDF needs the documents without a term counted too, hence the implicit zeros.
        Model<Label> model = new TransformTrainer<>(logistic, new TransformationMap(List.of(new IDFTransformation())),
                false, true).train(rows);
        return new TfIdfBaseline(model, extractor, MajorityBaseline.fit(complexities).majority());
    }

    @Override
    public String name() {
        return "TF-IDF logistic";
    }

    @Override
    public int[] predictAll(List<String> prompts) {
        return prompts.stream().mapToInt(this::predict).toArray();
    }

    /** A prompt without a single word seen in training gets the majority class (Tribuo cannot score it). */
    private int predict(String prompt) {
        Example<Label> example = extractor.extract(LabelFactory.UNKNOWN_LABEL, normalise(prompt));
        boolean known = false;
        for (Feature feature : example) {
            known |= model.getFeatureIDMap().get(feature.getName()) != null;
        }
        return known ? Integer.parseInt(model.predict(example).getOutput().getLabel()) : majority;
    }

    private static String normalise(String prompt) {
        return prompt.toLowerCase(Locale.ROOT);
    }
}
