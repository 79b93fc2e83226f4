package io.complexitynet.model.training;

import io.complexitynet.core.routing.PricedModel;
import io.complexitynet.model.domain.ComplexityScale;
import io.complexitynet.model.domain.DataSplit;
import io.complexitynet.model.domain.LabelledTask;
import io.complexitynet.model.domain.RecordedAnswer;
import io.complexitynet.model.domain.TrainingParameters;
import io.complexitynet.model.domain.TrainingRefused;
import io.complexitynet.model.embedding.PromptEncoder;
import io.complexitynet.model.learning.ComplexityClassifier;
import io.complexitynet.model.learning.ComplexityModel;
import io.complexitynet.model.learning.ComplexitySource;
import io.complexitynet.model.learning.ModelMetadata;
import io.complexitynet.model.learning.PassHead;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Trains a complexity model from labelled tasks and reports on it. The classifier learns the solved
 * training tasks (a class with fewer than {@code minLabelsPerClass} of them is left out); each ladder
 * model's pass head learns all training tasks, unsolved included, and is Platt-scaled on validation;
 * validation also chooses where the predicted complexity comes from and the routing thresholds; the
 * test split is only reported. Same inputs and seed, same model and report (timings aside).
 */
public final class Trainer {

    private final PromptEncoder encoder;
    private final CascadeTarget cascadeTarget;

    /** A trainer whose no-tests cascade is calibrated for a cost cut of {@link NoTestsCascade#DEFAULT_MIN_COST_CUT}. */
    public Trainer(PromptEncoder encoder) {
        this(encoder, new CascadeTarget.CostCut(NoTestsCascade.DEFAULT_MIN_COST_CUT));
    }

    /** @param cascadeTarget what the no-tests cascade's thresholds must reach on validation */
    public Trainer(PromptEncoder encoder, CascadeTarget cascadeTarget) {
        this.encoder = encoder;
        this.cascadeTarget = cascadeTarget;
    }

    /**
     * k-fold cross-validation: a model trained on each fold's split exactly as {@link #train} trains one, and measured
     * on the fold's held-out tasks. The models are dropped; their figures are kept.
     *
     * @param folds one split per fold, in fold order (see {@code CrossValidationSpec})
     * @throws TrainingRefused when a fold's labels cannot make a model; the message names the fold
     */
    public CrossValidationReport crossValidate(List<LabelledTask> tasks, List<PricedModel> ladder, List<DataSplit> folds,
            TrainingParameters parameters, TrainingProgress progress) {
        List<FoldFigures> figures = new ArrayList<>();
        for (int fold = 0; fold < folds.size(); fold++) {
            String name = "fold " + (fold + 1) + " of " + folds.size();
            TrainingProgress foldProgress = progress.stretch("cross-validation " + name + ": ", (double) fold / folds.size(),
                    (double) (fold + 1) / folds.size());
            try {
                figures.add(FoldFigures.of(fold + 1, train(tasks, ladder, folds.get(fold), parameters, foldProgress).report()));
            } catch (TrainingRefused e) {
                throw new TrainingRefused("cross-validation " + name + ": " + e.getMessage());
            }
        }
        return new CrossValidationReport(figures);
    }

    public TrainingResult train(List<LabelledTask> tasks, List<PricedModel> ladder, DataSplit split,
            TrainingParameters parameters) {
        return train(tasks, ladder, split, parameters, TrainingProgress.ignored());
    }

    /** A model without an answer scorer: no answer's test-free run is known. */
    public TrainingResult train(List<LabelledTask> tasks, List<PricedModel> ladder, DataSplit split,
            TrainingParameters parameters, TrainingProgress progress) {
        return train(tasks, List.of(), ladder, split, parameters, progress);
    }

    /**
     * @param tasks the labels, pass counts in the ladder's order
     * @param answers the labelled answers whose test-free runs were recorded, from which the no-tests cascade's scorer
     *     learns (none: the model has no scorer, and the report says why)
     * @param ladder the models, cheapest first, with their cost units
     * @throws TrainingRefused when the labels cannot make a usable model; the message says why
     */
    public TrainingResult train(List<LabelledTask> tasks, List<RecordedAnswer> answers, List<PricedModel> ladder, DataSplit split,
            TrainingParameters parameters, TrainingProgress progress) {
        List<PricedModel> models = PricedModel.ladder(ladder);
        SplitTasks parts = SplitTasks.of(tasks, models, split);

        progress.report("embedding", 0);
        long start = System.nanoTime();
        List<float[]> vectors = encoder.encodeAll(Stream.of(parts.train(), parts.validation(), parts.test())
                .flatMap(List::stream).map(LabelledTask::prompt).toList());
        int trainEnd = parts.train().size();
        int validationEnd = trainEnd + parts.validation().size();
        EmbeddedTasks train = new EmbeddedTasks(parts.train(), vectors.subList(0, trainEnd));
        EmbeddedTasks validation = new EmbeddedTasks(parts.validation(), vectors.subList(trainEnd, validationEnd));
        EmbeddedTasks test = new EmbeddedTasks(parts.test(), vectors.subList(validationEnd, vectors.size()));
        long embedded = System.nanoTime();

        progress.report("fitting classifier", 0.25);
        List<String> notes = new ArrayList<>();
        EmbeddedTasks classifierRows = ModelFitting.classifierRows(train.solved(), parameters.minLabelsPerClass(), notes);
        List<Integer> rowClasses = IntStream.of(classifierRows.complexities()).boxed().toList();
        ComplexityClassifier classifier = ComplexityClassifier.fit(classifierRows.vectors(), rowClasses, parameters);
        List<PassHead> heads = new ArrayList<>();
        for (int model = 0; model < models.size(); model++) {
            progress.report("fitting pass heads", 0.35 + 0.3 * model / models.size());
            heads.add(ModelFitting.passHead(models.get(model).name(), model, train, validation, parameters, notes));
        }

        progress.report("choosing the complexity source", 0.65);
        List<LabelledTask> seen = Stream.concat(parts.train().stream(), parts.validation().stream()).toList();
        ModelMetadata metadata = new ModelMetadata(encoder.id(), encoder.dimension(), split.name(), parameters,
                DataFingerprint.of(seen), classifierRows.tasks().size(), train.tasks().size(), validation.tasks().size());
        ComplexityModel candidate = new ComplexityModel(encoder, classifier, heads, models,
                ComplexityScale.fromLabels(seen), new ComplexitySource.Classifier(), metadata);
        SourceSelection selection = ModelFitting.chooseSource(candidate, validation.solved());
        ComplexityModel classifying = candidate.withComplexitySource(selection.chosen().source());

        progress.report("fitting the answer scorer", 0.68);
        NoTestsCascadeReport noTestsCascade = NoTestsCascadeFitting.run(classifying, answers, train, validation, test, models, cascadeTarget);
        ComplexityModel model = NoTestsCascadeFitting.scorerOf(noTestsCascade).map(classifying::withAnswerScorer).orElse(classifying);

        progress.report("fitting baselines", 0.7);
        MajorityBaseline majority = MajorityBaseline.fit(rowClasses);
        TfIdfBaseline tfIdf = TfIdfBaseline.fit(classifierRows.prompts(), rowClasses, parameters.seed());
        long fitted = System.nanoTime();

        progress.report("evaluating", 0.8);
        ClassificationComparison classification = TestSplitEvaluation.classification(model, majority, tfIdf, test);
        if (classification.unsolvedLeftOut() > 0) {
            notes.add(classification.unsolvedLeftOut() + " test tasks no model solved are left out of classification;"
                    + " routing keeps them, and they fail under every policy");
        }
        RoutingReport routing = new RoutingEvaluation(models).evaluate(model.complexityPolicy(),
                validation.simulated(model.predictEncoded(validation.vectors())),
                test.simulated(model.predictEncoded(test.vectors())), classification.unsolvedLeftOut());
        List<PassHeadReport> passHeads = TestSplitEvaluation.passHeads(models, heads, test);
        long evaluated = System.nanoTime();
        progress.report("done", 1);

        Timings timings = new Timings(Duration.ofNanos(embedded - start), Duration.ofNanos(fitted - embedded),
                Duration.ofNanos(evaluated - fitted));
        TrainingReport report = new TrainingReport(split.name(), parts.sizes(), metadata.dataFingerprint(), parameters,
                encoder.id(), classifier.classes(), notes, selection, classification, passHeads, routing, noTestsCascade, timings);
        return new TrainingResult(model, report);
    }
}
