package io.complexitynet.trainer.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.core.evaluation.ClassificationReport;
import io.complexitynet.core.routing.RoutingOutcome;
import io.complexitynet.model.domain.DataSplit;
import io.complexitynet.model.domain.PaperComplexitySet;
import io.complexitynet.model.domain.RecordedMbppLabels;
import io.complexitynet.model.domain.TrainingParameters;
import io.complexitynet.model.embedding.PromptEncoder;
import io.complexitynet.model.embedding.PromptEncoders;
import io.complexitynet.model.embedding.StaticMiniLmPromptEncoder;
import io.complexitynet.trainer.report.MarkdownReport;
import io.complexitynet.trainer.report.ReportFiles;
import io.complexitynet.model.training.CalibratedRouting;
import io.complexitynet.model.training.GapMetrics;
import io.complexitynet.model.training.Trainer;
import io.complexitynet.model.training.TrainingReport;
import io.complexitynet.model.training.TrainingResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Trains on every MBPP label from the recorded generations (paper rule, k=1, MBPP's split), prints
 * where the time went, classification against the baselines, routing with the real outcomes and the
 * router-quality figures, then trains on the paper's 150-task set (its 120 and the rest of MBPP's train
 * split, see {@link PaperComplexitySet}) and compares its accuracy on the paper's 30 with the paper's 79%. Writes both reports (Markdown, CSV, PNG) to {@code docs/trainer/}.
 *
 * <pre>
 * mvn -pl trainer-service test -Dtest=TrainingBenchmark -Dexcluded.groups= -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * With {@code -Dcomplexitynet.encoder=all-minilm-l6-v2-q} it trains with the contextual MiniLM instead of the
 * default static one (and overwrites the same files).
 */
@Tag("benchmark")
class TrainingBenchmark {

    private static final double PAPER_ACCURACY = 0.79;
    // Held so the level sticks: Tribuo logs every fit at INFO.
    private static final Logger TRIBUO = Logger.getLogger("org.tribuo");

    @Test
    void trainsOnAllRecordedMbppLabelsAndThePaperSet() throws Exception {
        TRIBUO.setLevel(Level.WARNING);
        long loadStart = System.nanoTime();
        PromptEncoder encoder = PromptEncoders.builtIn().named(System.getProperty("complexitynet.encoder", StaticMiniLmPromptEncoder.ID));
        encoder.encode("warm-up");
        System.out.printf(Locale.ROOT, "encoder %s loaded in %.1f s%n", encoder.id(), (System.nanoTime() - loadStart) / 1e9);
        Trainer trainer = new Trainer(encoder);
        Path reports = Path.of(System.getProperty("complexitynet.repo.dir", "..")).resolve("docs/trainer");

        TrainingResult mbpp = trainer.train(RecordedMbppLabels.all(), RecordedMbppLabels.LADDER, DataSplit.mbpp(),
                TrainingParameters.defaults(), (stage, fraction) -> System.out.printf(Locale.ROOT, "  %3.0f%% %s%n",
                        100 * fraction, stage));
        TrainingReport report = mbpp.report();
        print("MBPP, recorded labels", report);
        ReportFiles.write(report, reports, "mbpp-recorded");

        PaperComplexitySet paperSet = PaperComplexitySet.read();
        TrainingResult paper = trainer.train(paperSet.tasks(), RecordedMbppLabels.LADDER, paperSet.split(),
                PaperComplexitySet.parameters());
        print("paper's 150-task set", paper.report());
        ReportFiles.write(paper.report(), reports, "paper-150");
        ClassificationReport paperTest = paper.report().classification().model();
        ClassificationReport paperClassifier = paper.report().classification().classifierHead();
        System.out.printf(Locale.ROOT, "%nPaper set: accuracy %.1f%% on its %d held-out tasks, classifier head alone"
                + " %.1f%% (paper: %.0f%%, fine-tuned davinci-002)%n", 100 * paperTest.accuracy(), paperTest.samples(),
                100 * paperClassifier.accuracy(), 100 * PAPER_ACCURACY);

        assertTrue(Files.size(reports.resolve("mbpp-recorded-cost-vs-pass.png")) > 0);
        assertTrue(MarkdownReport.render(report).contains("Routing"));
    }

    private static void print(String title, TrainingReport report) {
        System.out.printf(Locale.ROOT, "%n== %s ==%n", title);
        System.out.printf(Locale.ROOT, "time: embed %.1f s, fit %.1f s, evaluate %.1f s, total %.1f s%n",
                seconds(report.timings().embedding().toNanos()), seconds(report.timings().fitting().toNanos()),
                seconds(report.timings().evaluation().toNanos()), seconds(report.timings().total().toNanos()));
        System.out.printf(Locale.ROOT, "complexity source: %s%n", report.sourceSelection().chosen().source().describe());
        classifier("model", report.classification().model());
        classifier("cls head", report.classification().classifierHead());
        classifier("majority", report.classification().majority());
        classifier("TF-IDF", report.classification().tfIdf());
        RoutingOutcome largest = report.routing().alwaysLargest();
        report.routing().alwaysModel().forEach(outcome -> routing(outcome, largest));
        routing(report.routing().oracle(), largest);
        routing(report.routing().byComplexity(), largest);
        routing(report.routing().byComplexityCascade(), largest);
        routing(report.routing().cascadeFromCheapest(), largest);
        for (CalibratedRouting calibrated : report.routing().calibrated()) {
            System.out.printf(Locale.ROOT, "  [%s]%n", calibrated.validation());
            routing(calibrated.test(), largest);
        }
        for (GapMetrics gap : report.routing().gaps()) {
            System.out.printf(Locale.ROOT, "APGR %s vs %s: %.3f, CPT(50%%) %.1f%%, CPT(80%%) %.1f%%%n", gap.weak(),
                    gap.strong(), gap.apgr(), 100 * gap.cpt50(), 100 * gap.cpt80());
        }
        System.out.printf(Locale.ROOT, "AIQ plain %.3f, escalating %.3f, fixed models without router %.3f%n",
                report.routing().aiqPlain(), report.routing().aiqCascade(), report.routing().aiqFixedModels());
    }

    private static void classifier(String name, ClassificationReport report) {
        System.out.printf(Locale.ROOT, "%-9s accuracy %.1f%%, macro-F1 %.3f (n=%d)%n", name, 100 * report.accuracy(),
                report.macroF1(), report.samples());
    }

    private static void routing(RoutingOutcome outcome, RoutingOutcome largest) {
        System.out.printf(Locale.ROOT, "  %-100s cost cut %.1f%%%n", outcome, 100 * outcome.costCutVersus(largest));
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
