package io.complexitynet.reproduce.domain;

import io.complexitynet.core.evaluation.ClassificationReport;
import io.complexitynet.core.evaluation.MarkdownTable;
import io.complexitynet.core.routing.PricedModel;
import io.complexitynet.core.routing.RoutingOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one table of an evaluation: our figures row by row with where they came from, and the paper's beside them when
 * they compare (MBPP with the paper's three models). Rendered as Markdown for people and as CSV for tools; both hold
 * the same cells.
 */
public final class ReproductionTable {

    private static final List<String> HEADER = List.of("section", "measure", "paper", "ours", "how ours was measured");
    private static final List<String> HEADER_WITHOUT_PAPER = List.of("section", "measure", "ours", "how ours was measured");
    private static final String NONE = "–";

    /** One row; the paper's cell is {@value #NONE} where the paper reports nothing comparable. */
    public record Row(String section, String measure, String paper, String ours, String source) {

        List<String> cells(boolean withPaper) {
            return withPaper ? List.of(section, measure, paper, ours, source) : List.of(section, measure, ours, source);
        }
    }

    private final List<Row> rows;
    private final boolean withPaper;

    private ReproductionTable(List<Row> rows, boolean withPaper) {
        this.rows = List.copyOf(rows);
        this.withPaper = withPaper;
    }

    public List<Row> rows() {
        return rows;
    }

    /** Whether the table has the paper's column. */
    public boolean withPaper() {
        return withPaper;
    }

    public List<String> header() {
        return withPaper ? HEADER : HEADER_WITHOUT_PAPER;
    }

    public static ReproductionTable of(Reproduction run) {
        List<Row> rows = new ArrayList<>();
        labels(run, rows);
        classification(run, rows);
        routing(run, rows);
        return new ReproductionTable(rows, run.comparesWithPaper());
    }

    private static void labels(Reproduction run, List<Row> rows) {
        LabelDistribution labels = run.labels();
        String section = "labels (k=" + run.evaluatedOn().samplesPerModel() + ")";
        String source = "labeler job " + run.labelingJobId() + ", every answer re-run by the verifier";
        rows.add(new Row(section, "tasks labelled (parked)", String.valueOf(PaperFigures.TASKS),
                labels.labelled() + " (" + run.parked() + ")", source));
        rows.add(new Row(section, "solved by some model", PaperFigures.SOLVED_BY_RECORDED_FLAGS + " (recorded pass flags)",
                share(labels.solved(), labels.labelled()), source));
        for (Map.Entry<Integer, Integer> complexity : labels.sorted().entrySet()) {
            rows.add(new Row(section, "complexity " + complexity.getKey() + " (" + firstModel(run, complexity.getKey()) + ")",
                    PaperFigures.PER_CLASS_IN_FINAL_SET + " in its balanced final set", share(complexity.getValue(), labels.solved())
                            + " of solved", "ExportLabels"));
        }
        rows.add(new Row(section, "unsolved (kept out of training)",
                String.valueOf(PaperFigures.TASKS - PaperFigures.SOLVED_BY_RECORDED_FLAGS) + " (dropped)",
                share(labels.unsolved(), labels.labelled()), "ExportLabels"));
    }

    private static String firstModel(Reproduction run, int complexity) {
        return run.ladder().get(run.evaluatedOn().modelOf(complexity, run.ladder().size())).name();
    }

    private static void classification(Reproduction run, List<Row> rows) {
        TrainingFigures figures = run.model().figures();
        String section = "classifier";
        String source = "trainer job metrics, model v" + run.model().version() + ", " + run.evaluatedOn().dataset()
                + " test split (solved tasks)";
        rows.add(new Row(section, "complexity model: accuracy (macro-F1)", percent(PaperFigures.FINE_TUNED_ACCURACY)
                + " (fine-tuned davinci-002)", percent(figures.accuracy()) + " (" + decimal(figures.macroF1()) + ")", source));
        rows.add(new Row(section, "majority class", NONE, percent(figures.majorityAccuracy()), source));
        rows.add(new Row(section, "TF-IDF logistic: accuracy (macro-F1)", NONE,
                percent(figures.tfidfAccuracy()) + " (" + decimal(figures.tfidfMacroF1()) + ")", source));
        if (!run.comparesWithPaper()) {
            return;
        }
        rows.add(new Row(section, "un-tuned LLM", percent(PaperFigures.ZERO_SHOT_ACCURACY), NONE, "not run"));
        PaperSetAccuracy paperSet = run.paperSet().orElseThrow();
        ClassificationReport heldOut = paperSet.heldOut();
        rows.add(new Row(section, "paper's 150-task set, " + heldOut.samples() + " tasks we did not train on",
                percent(PaperFigures.FINE_TUNED_ACCURACY) + " (its 30 validation tasks)",
                percent(heldOut.accuracy()) + " (" + decimal(heldOut.macroF1()) + ")",
                "Router.Classify, complexity mapped 1-2/3-4/5 to its 3 classes"));
        paperSet.heldOutValidation().ifPresent(validation -> rows.add(new Row(section,
                "paper's 30 validation tasks, " + validation.samples() + " we did not train on", percent(PaperFigures.FINE_TUNED_ACCURACY),
                percent(validation.accuracy()) + " (" + decimal(validation.macroF1()) + ")", "Router.Classify")));
    }

    private static void routing(Reproduction run, List<Row> rows) {
        KnownOutcomes known = run.known();
        List<PricedModel> ladder = run.ladder();
        RoutingOutcome largest = known.alwaysLargest();
        String section = "routing, test split (" + known.tasks() + " tasks)";
        String labels = "labels of the test tasks (verified outcomes)";
        List<String> released = List.of("51.5%, cut 99.0%", "79.2%, cut 90.0%", "86.4%, cut 0.0%");
        for (int model = ladder.size() - 1; model >= 0; model--) {
            String paper = ladder.size() == released.size() ? released.get(model) + " (released data, solved tasks)" : NONE;
            rows.add(new Row(section, "always " + ladder.get(model).name(), paper, point(known.always(model), largest), labels));
        }
        rows.add(new Row(section, "oracle (cheapest model that passes)", "100%, cut 83.5% (released data, solved tasks)",
                point(known.oracle(), largest), labels));
        rows.add(new Row(section, "cheapest first, escalating on failure (no classifier)",
                "100%, cut 81.7% (released data, solved tasks)", point(known.cascadeFromCheapest(), largest), labels));
        rows.add(new Row(section, "paper policy (complexity -> model)",
                percent(PaperFigures.PASS_RATE) + ", cut " + percent(PaperFigures.COST_CUT) + " (its formula, N=180)",
                routed(run.paper(), ladder, largest), "Router.Route, verified, no escalation"));
        rows.add(new Row(section, "paper policy + cascade", NONE, routed(run.paperCascade(), ladder, largest),
                "Router.Route, verify and escalate"));
        String threshold = String.format(Locale.ROOT, "%.2f", run.model().figures().threshold());
        rows.add(new Row(section, "expected-cost at " + threshold + " (calibrated on validation)", NONE,
                routed(run.expectedCost(), ladder, largest), "Router.Route, verified, no escalation"));
        rows.add(new Row(section, "expected-cost at " + threshold + " + cascade", NONE,
                routed(run.expectedCostCascade(), ladder, largest), "Router.Route, verify and escalate"));
        for (RoutedRun capped : run.cappedCascades()) {
            rows.add(new Row(section, capped.policy() + " (no classifier)", percent(PaperFigures.PASS_RATE) + " of solved tasks, cut "
                    + percent(PaperFigures.COST_CUT) + " (its formula, N=180)", ofSolved(capped, known) + "; " + routed(capped, ladder, largest),
                    "Router.Route, policy cheapest-first, max_model, verify and escalate"));
        }
        run.scoredCascade().ifPresent(scored -> rows.add(new Row(section, "scored cascade (no tests)",
                percent(PaperFigures.PASS_RATE) + " of solved tasks, cut " + percent(PaperFigures.COST_CUT) + " (its formula, N=180)",
                ofSolved(scored.run(), known) + "; " + routed(scored.run(), ladder, largest) + "; " + scorer(scored.scorer()),
                "Router.Route, policy scored-cascade, no tests (tests needed at request time: no); passed: the labels of the answering model")));
        rows.add(new Row(section, "expected-cost at " + threshold + ", trainer's estimate", NONE,
                percent(run.model().figures().passRate()) + ", cut " + percent(run.model().figures().costCutVsLargest()),
                "trainer job metrics (replayed outcomes)"));
    }

    /** The answer scorer's precision and recall for "this answer passes" over the answers the router probed. */
    private static String scorer(ScoredCascadeRun.ScorerQuality scorer) {
        return String.format(Locale.ROOT, "scorer precision %s, recall %s over %d probed answers (%d taken)",
                scorer.precision().stream().mapToObj(ReproductionTable::percent).findFirst().orElse(NONE),
                scorer.recall().stream().mapToObj(ReproductionTable::percent).findFirst().orElse(NONE), scorer.probed(), scorer.taken());
    }

    /** The run's pass rate as the paper counts it: over the test tasks some model solved. */
    private static String ofSolved(RoutedRun run, KnownOutcomes known) {
        return known.solved().isEmpty() ? "no test task solved"
                : String.format(Locale.ROOT, "%s of the %d solved", percent(run.passRateWithin(known.solved())), known.solved().size());
    }

    private static String point(RoutingOutcome outcome, RoutingOutcome largest) {
        return percent(outcome.passRate()) + ", cut " + percent(outcome.costCutVersus(largest));
    }

    private static String routed(RoutedRun run, List<PricedModel> ladder, RoutingOutcome largest) {
        RoutingOutcome outcome = run.outcome(ladder);
        String calls = outcome.shares().stream().map(share -> percent(share.share())).collect(Collectors.joining(" / "));
        String refused = run.refused().isEmpty() ? "" : "; " + run.refused().size() + " refused by the router";
        return point(outcome, largest) + String.format(Locale.ROOT, "; calls %s; %d escalated%s; router billed %.3f units/task",
                calls, run.escalated(), refused, run.billedCostPerTask());
    }

    private static String share(int count, int of) {
        return count + " (" + percent(of == 0 ? 0 : (double) count / of) + ")";
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    private static String decimal(double value) {
        return MarkdownTable.decimal(value);
    }

    public String toMarkdown() {
        MarkdownTable table = new MarkdownTable(header());
        rows.forEach(row -> table.row(row.cells(withPaper)));
        return table.toString();
    }

    public String toCsv() {
        StringBuilder csv = new StringBuilder(csvLine(header()));
        rows.forEach(row -> csv.append(csvLine(row.cells(withPaper))));
        return csv.toString();
    }

    private static String csvLine(List<String> cells) {
        return cells.stream().map(ReproductionTable::csvCell).collect(Collectors.joining(",")) + "\n";
    }

    private static String csvCell(String cell) {
        return cell.contains(",") || cell.contains("\"") || cell.contains("\n") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }
}
