package io.complexitynet.trainer.report;

import static io.complexitynet.trainer.report.Figures.cost;
import static io.complexitynet.trainer.report.Figures.decimal;
import static io.complexitynet.trainer.report.Figures.percent;
import static io.complexitynet.trainer.report.Figures.seconds;
import static io.complexitynet.trainer.report.Figures.shares;

import io.complexitynet.core.evaluation.ClassificationReport;
import io.complexitynet.core.evaluation.MarkdownTable;
import io.complexitynet.core.evaluation.ProportionInterval;
import io.complexitynet.core.routing.ModelShare;
import io.complexitynet.core.routing.RoutingOutcome;
import io.complexitynet.model.domain.TrainingParameters;
import io.complexitynet.model.training.CalibratedRouting;
import io.complexitynet.model.training.ClassificationComparison;
import io.complexitynet.model.training.CrossValidationReport;
import io.complexitynet.model.training.FoldFigures;
import io.complexitynet.model.training.GapMetrics;
import io.complexitynet.model.training.PartitionSizes;
import io.complexitynet.model.training.PassHeadReport;
import io.complexitynet.model.training.RoutingReport;
import io.complexitynet.model.training.SourceSelection;
import io.complexitynet.model.training.Spread;
import io.complexitynet.model.training.TrainingReport;
import io.complexitynet.model.training.TriesPerModelOutcome;
import java.util.List;
import java.util.Locale;

/** A training report as Markdown: what was trained on, classification, calibration, routing, cross-validation if run, timings. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(TrainingReport report) {
        return render(report, null);
    }

    /** The report with the cost/pass chart embedded from {@code chartFile}, a path relative to the Markdown file. */
    public static String render(TrainingReport report, String chartFile) {
        return render(report, chartFile, "");
    }

    /** The report with a section on the k-fold cross-validation run beside the model. */
    public static String withCrossValidation(TrainingReport report, CrossValidationReport crossValidation) {
        return render(report, null, "\n" + crossValidation(crossValidation, report.parameters().seed()));
    }

    private static String render(TrainingReport report, String chartFile, String crossValidation) {
        StringBuilder md = new StringBuilder("# Complexity model: training report\n\n");
        md.append(setup(report)).append('\n');
        md.append("## Complexity classification (test split)\n\n").append(classification(report.classification()));
        md.append("\n## Pass heads (test split)\n\n").append(passHeads(report.passHeads()));
        md.append("\n## Routing (test split, real outcomes)\n\n").append(routing(report.routing()));
        if (chartFile != null) {
            md.append("\n![Cost against pass rate](").append(chartFile).append(")\n");
        }
        md.append("\n## No-tests cascade (test split, recorded answers)\n\n")
                .append(NoTestsCascadeSection.render(report.noTestsCascade(), report.routing().alwaysLargest()));
        md.append(crossValidation);
        md.append("\n## Timings\n\n").append(new MarkdownTable("embedding", "fitting", "evaluation", "total")
                .row(seconds(report.timings().embedding()), seconds(report.timings().fitting()),
                        seconds(report.timings().evaluation()), seconds(report.timings().total())));
        return md.toString();
    }

    private static String setup(TrainingReport report) {
        PartitionSizes sizes = report.sizes();
        TrainingParameters parameters = report.parameters();
        SourceSelection selection = report.sourceSelection();
        StringBuilder md = new StringBuilder();
        md.append(new MarkdownTable("split", "train (solved)", "validation (solved)", "test (solved)", "excluded")
                .row(report.split(), sizes.train() + " (" + sizes.trainSolved() + ")",
                        sizes.validation() + " (" + sizes.validationSolved() + ")",
                        sizes.test() + " (" + sizes.testSolved() + ")", String.valueOf(sizes.excluded())));
        md.append(String.format(Locale.ROOT, "%nEncoder `%s`; %s heads, %d epochs, learning rate %s, L2 %s, seed %d, at"
                        + " least %d labels per class, classifier classes %s. Classes %s. Data fingerprint `%s`.%n",
                report.encoderId(), parameters.headType().id(), parameters.epochs(), parameters.learningRate(),
                parameters.l2(), parameters.seed(), parameters.minLabelsPerClass(),
                parameters.balancedClasses() ? "balanced" : "weighed by their counts", report.classes(),
                report.dataFingerprint()));
        md.append(String.format(Locale.ROOT, "%nPredicted complexity from: **%s**, chosen on the solved validation"
                        + " tasks by macro-F1 (classifier %s, accuracy %s; best pass-head rule, %s: %s, accuracy %s).%n",
                selection.chosen().source().describe(), decimal(selection.classifier().macroF1()),
                percent(selection.classifier().accuracy()), selection.bestPassHeads().source().describe(),
                decimal(selection.bestPassHeads().macroF1()), percent(selection.bestPassHeads().accuracy())));
        if (!report.notes().isEmpty()) {
            md.append('\n');
            report.notes().forEach(note -> md.append("- ").append(note).append('\n'));
        }
        return md.toString();
    }

    private static String classification(ClassificationComparison comparison) {
        MarkdownTable table = new MarkdownTable("classifier", "accuracy", "95% interval", "macro-F1");
        row(table, "complexity model", comparison.model());
        row(table, "its classifier head alone", comparison.classifierHead());
        row(table, "majority class", comparison.majority());
        row(table, "TF-IDF logistic", comparison.tfIdf());
        return table + "\n" + comparison.unsolvedLeftOut() + " unsolved test tasks have no class and are left out.\n\n"
                + "The model in detail:\n\n" + comparison.model().toMarkdown();
    }

    private static void row(MarkdownTable table, String name, ClassificationReport report) {
        ProportionInterval interval = report.accuracyInterval();
        table.row(name, percent(report.accuracy()), percent(interval.low()) + "-" + percent(interval.high()), decimal(report.macroF1()));
    }

    private static String passHeads(List<PassHeadReport> heads) {
        MarkdownTable table = new MarkdownTable("model", "Platt slope", "Platt intercept", "Brier raw", "Brier calibrated",
                "ECE raw", "ECE calibrated");
        StringBuilder reliability = new StringBuilder();
        for (PassHeadReport head : heads) {
            table.row(head.model(), decimal(head.scaling().slope()), decimal(head.scaling().intercept()),
                    decimal(head.raw().brierScore()), decimal(head.calibrated().brierScore()),
                    decimal(head.raw().expectedCalibrationError()), decimal(head.calibrated().expectedCalibrationError()));
            reliability.append("\nReliability of `").append(head.model()).append("` after calibration: ")
                    .append(head.calibrated().toMarkdown());
        }
        return table + reliability.toString();
    }

    private static String routing(RoutingReport routing) {
        RoutingOutcome largest = routing.alwaysLargest();
        List<String> models = modelNames(routing);
        MarkdownTable table = new MarkdownTable("policy", "pass", "cost units/request", "cost cut vs largest",
                "calls " + String.join(" / ", models));
        List<RoutingOutcome> fixed = routing.alwaysModel();
        for (int model = 0; model < fixed.size(); model++) {
            outcome(table, "always " + models.get(model), fixed.get(model), largest);
        }
        outcome(table, "oracle (cheapest that passes)", routing.oracle(), largest);
        outcome(table, "paper allocation by predicted complexity", routing.byComplexity(), largest);
        outcome(table, "paper allocation, escalating on failure", routing.byComplexityCascade(), largest);
        outcome(table, "cheapest first, escalating on failure (no classifier)", routing.cascadeFromCheapest(), largest);
        for (CalibratedRouting calibrated : routing.calibrated()) {
            outcome(table, String.format(Locale.ROOT, "threshold %.2f%s (%s on validation)",
                    calibrated.validation().threshold(), calibrated.cascade() ? ", escalating" : "",
                    calibrated.validation().target() + (calibrated.validation().reached() ? "" : ", not reached")),
                    calibrated.test(), largest);
        }
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT,
                "%d test tasks, %d of which no model solved (they fail under every policy, the oracle included).%n%n",
                routing.tasks(), routing.unsolved()));
        md.append(table);
        md.append(String.format(Locale.ROOT, "%nAIQ over the threshold sweep: %s plain, %s escalating; the fixed"
                        + " models mixed at random, without a router: %s.%n",
                decimal(routing.aiqPlain()), decimal(routing.aiqCascade()), decimal(routing.aiqFixedModels())));
        md.append(triesPerModel(routing, largest));
        if (!routing.gaps().isEmpty()) {
            MarkdownTable gaps = new MarkdownTable("weak", "strong", "APGR", "CPT(50%)", "CPT(80%)");
            for (GapMetrics gap : routing.gaps()) {
                gaps.row(gap.weak(), gap.strong(), decimal(gap.apgr()), percent(gap.cpt50()), percent(gap.cpt80()));
            }
            md.append("\nRouting between two models by the weak one's predicted pass probability (RouteLLM):\n\n")
                    .append(gaps);
        }
        return md.toString();
    }

    /** What each number of answers per model would pass and cost, so a tenant's tries_per_model can be chosen from data. */
    private static String triesPerModel(RoutingReport routing, RoutingOutcome largest) {
        MarkdownTable table = new MarkdownTable("answers per model", "cheapest first: pass", "cost units/request", "cost cut vs largest",
                "calibrated threshold, escalating: pass", "cost units/request", "cost cut vs largest");
        for (TriesPerModelOutcome tries : routing.triesPerModel()) {
            table.row(String.valueOf(tries.triesPerModel()), percent(tries.cheapestFirst().passRate()), decimal(tries.cheapestFirst().meanCost()),
                    percent(tries.cheapestFirst().costCutVersus(largest)), percent(tries.calibratedCascade().passRate()),
                    decimal(tries.calibratedCascade().meanCost()), percent(tries.calibratedCascade().costCutVersus(largest)));
        }
        return "\nRetries before escalation (the router's `tries_per_model`), each answer an independent sample at the model's"
                + " labelled pass rate (passes of k): a model that passes a task sometimes gets more chances before the next"
                + " is paid; with k = 1 a rate is 0 or 1, so retries can only add cost.\n\n" + table;
    }

    private static String crossValidation(CrossValidationReport crossValidation, long seed) {
        List<FoldFigures> folds = crossValidation.folds();
        MarkdownTable table = new MarkdownTable("fold", "train", "validation", "test", "accuracy", "macro-F1", "majority class",
                "TF-IDF logistic", "pass (calibrated threshold)", "cost cut vs largest");
        for (FoldFigures fold : folds) {
            table.row(String.valueOf(fold.fold()), String.valueOf(fold.trainTasks()), String.valueOf(fold.validationTasks()),
                    String.valueOf(fold.testTasks()), percent(fold.accuracy()), decimal(fold.macroF1()), percent(fold.majorityAccuracy()),
                    percent(fold.tfidfAccuracy()), percent(fold.passRate()), percent(fold.costCutVsLargest()));
        }
        table.row("mean ± SD", "", "", "", percents(crossValidation.accuracy()), decimals(crossValidation.macroF1()),
                percents(crossValidation.majorityAccuracy()), percents(crossValidation.tfidfAccuracy()),
                percents(crossValidation.passRate()), percents(crossValidation.costCutVsLargest()));
        return String.format(Locale.ROOT, "## Cross-validation (%d folds, seed %d)%n%nWithin each label the tasks, ordered by a hash of"
                + " the seed and their id, are dealt to the folds in turn. Each fold's model is trained as the one above, on the"
                + " other folds (a fifth of them held out for validation), and measured on its fold: classification on the solved"
                + " tasks, routing on all of them. The model above is none of these. SD is the sample standard deviation over"
                + " the folds.%n%n", folds.size(), seed) + table;
    }

    private static String percents(Spread spread) {
        return percent(spread.mean()) + " ± " + percent(spread.standardDeviation());
    }

    private static String decimals(Spread spread) {
        return decimal(spread.mean()) + " ± " + decimal(spread.standardDeviation());
    }

    private static void outcome(MarkdownTable table, String name, RoutingOutcome outcome, RoutingOutcome largest) {
        table.row(name, percent(outcome.passRate()), cost(outcome.meanCost()), percent(outcome.costCutVersus(largest)),
                shares(outcome));
    }

    /** The ladder's model names, cheapest first. */
    static List<String> modelNames(RoutingReport routing) {
        return routing.alwaysLargest().shares().stream().map(ModelShare::model).toList();
    }
}
