package io.complexitynet.trainer.report;

import static io.complexitynet.trainer.report.Figures.cost;
import static io.complexitynet.trainer.report.Figures.percent;
import static io.complexitynet.trainer.report.Figures.shares;

import io.complexitynet.core.evaluation.MarkdownTable;
import io.complexitynet.core.routing.ModelShare;
import io.complexitynet.core.routing.RoutingOutcome;
import io.complexitynet.model.training.NoTestsCascade;
import io.complexitynet.model.training.NoTestsCascadeReport;
import io.complexitynet.model.training.ScorerPrecision;
import java.util.Locale;
import java.util.stream.Collectors;

/** The training report's section on the no-tests cascade: its answer scorer, the calibrated threshold and the test figures. */
final class NoTestsCascadeSection {

    private NoTestsCascadeSection() {
    }

    static String render(NoTestsCascadeReport report, RoutingOutcome alwaysLargest) {
        if (!(report instanceof NoTestsCascadeReport.Trained trained)) {
            return "No answer scorer: " + ((NoTestsCascadeReport.NotTrained) report).reason() + ".\n";
        }
        NoTestsCascade.Calibration calibration = trained.calibration();
        RoutingOutcome test = trained.test();
        String models = test.shares().stream().map(ModelShare::model).collect(Collectors.joining(" / "));
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "The cheapest model answers first; its answer is taken when"
                + " the answer scorer (logistic over the answer's test-free run, its length, the model and the prompt's pass"
                + " probability for it; fitted on the %d training answers with a recorded run) gives it at least that model's"
                + " threshold, else the next model is asked; the largest model's answer is always taken. No test runs at request"
                + " time. Each task is replayed with every model's first answer.%n%n", trained.trainingAnswers()));
        md.append(String.format(Locale.ROOT, "Thresholds %s (%s), calibrated on validation for %s: %s (pass %s, %s of the solved, at %s"
                        + " cost cut).%n%n", calibration.thresholds().stream().map(Figures::decimal).collect(Collectors.joining(" / ")),
                test.shares().stream().limit(calibration.thresholds().size()).map(ModelShare::model)
                        .collect(Collectors.joining(" / ")), calibration.target().describe(),
                calibration.reached() ? "reached" : "no thresholds reached it, so those of the highest pass rate at any cost",
                percent(calibration.validation().passRate()), percent(calibration.validationSolvedPassRate()),
                percent(calibration.validationCostCut())));
        MarkdownTable cascade = new MarkdownTable("tasks", "pass", "pass, solved tasks", "cost units/request", "cost cut vs largest",
                "calls " + models);
        cascade.row(String.valueOf(test.tasks()), percent(test.passRate()), percent(trained.solvedPassRate()) + " of "
                + trained.solvedTasks(), cost(test.meanCost()), percent(trained.costCutVsLargest()), shares(test));
        md.append(cascade);
        if (trained.tasksLeftOut() > 0) {
            md.append(String.format(Locale.ROOT, "%n%d test tasks are left out: some model's first answer has no recorded test-free run.%n",
                    trained.tasksLeftOut()));
        }
        md.append(String.format(Locale.ROOT, "%nAlways the largest model on the same split: pass %s at %s units/request.%n%n",
                percent(alwaysLargest.passRate()), cost(alwaysLargest.meanCost())));
        MarkdownTable scorer = new MarkdownTable("answers judged", "answers", "passing", "accepted", "precision", "recall");
        row(scorer, "the cheapest model's", trained.cheapest());
        row(scorer, "every model's", trained.all());
        md.append("The scorer on every recorded test answer (every sample), \"this answer passes\" being the positive class:\n\n")
                .append(scorer);
        return md.toString();
    }

    private static void row(MarkdownTable table, String name, ScorerPrecision precision) {
        table.row(name, String.valueOf(precision.answers()), String.valueOf(precision.passing()), String.valueOf(precision.accepted()),
                rate(precision.precision()), rate(precision.recall()));
    }

    /** A precision with nothing accepted, or a recall with nothing passing, is undefined. */
    private static String rate(double fraction) {
        return Double.isNaN(fraction) ? "–" : percent(fraction);
    }
}
