package io.complexitynet.reproduce.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.core.evaluation.ClassificationReport;
import io.complexitynet.core.routing.Prediction;
import io.complexitynet.core.routing.PricedModel;
import io.complexitynet.core.task.TaskFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ReproductionTableTest {

    private static final List<String> FOUR = List.of("tiny-coder", "small-coder", "mid-coder", "large-coder");
    private static final PaperSetAccuracy PAPER_SET = new PaperSetAccuracy(
            ClassificationReport.of(List.of(0, 1, 2), new int[] {0, 1, 2}, new int[] {0, 1, 1}), Optional.empty(), 0);

    private static Reproduction run(TaskFormat format, String dataset, List<String> models, List<Double> costUnits,
                                    Optional<PaperSetAccuracy> paperSet, String ruleVersion) {
        return run(format, dataset, models, costUnits, paperSet, ruleVersion, known -> Optional.empty());
    }

    /**
     * Tasks "1" to "2(n+1)": task i is solved first by model i mod (n + 1), unsolved where that is n; every run passes task 1
     * only; {@code scored} makes the scored cascade's run from the known outcomes, or none.
     */
    private static Reproduction run(TaskFormat format, String dataset, List<String> models, List<Double> costUnits,
                                    Optional<PaperSetAccuracy> paperSet, String ruleVersion,
                                    Function<KnownOutcomes, Optional<ScoredCascadeRun>> scored) {
        List<PricedModel> ladder = PaperFigures.pricedLadder(models, costUnits);
        List<String> ids = new ArrayList<>();
        Map<String, TaskOutcome> outcomes = new HashMap<>();
        Map<String, Prediction> predictions = new HashMap<>();
        for (int i = 1; i <= 2 * (models.size() + 1); i++) {
            String id = Integer.toString(i);
            ids.add(id);
            int first = i % (models.size() + 1);
            double[] passes = new double[models.size()];
            for (int model = first; model < models.size(); model++) {
                passes[model] = 1;
            }
            OptionalInt complexity = first < models.size() ? OptionalInt.of(ruleVersion.startsWith("cheapest") ? first : 2 * first + 1)
                    : OptionalInt.empty();
            outcomes.put(id, new TaskOutcome(id, complexity, passes));
            predictions.put(id, new Prediction(OptionalInt.of(1), passes.clone()));
        }
        KnownOutcomes known = new KnownOutcomes(ladder, ids, outcomes, predictions);
        RoutedRun plain = routed("paper policy", ids, List.of(models.get(0)));
        List<RoutedRun> capped = new ArrayList<>();
        for (String cap : models.subList(1, Math.max(1, models.size() - 1))) {
            capped.add(routed("cheapest first + cascade up to " + cap, ids, List.of(models.get(0), cap)));
        }
        TrainedModel model = new TrainedModel("m1", 1, new TrainingFigures(0.5, 0.4, 0.3, 0.35, 0.3, 0.62, 0.5, 0.4));
        return new Reproduction(new EvaluatedOn(dataset, format, "split", 1, ruleVersion), ladder, "job-1",
                LabelDistribution.of(outcomes.values()), 0, model, paperSet, known, plain, plain, plain, plain, capped, scored.apply(known),
                Duration.ofSeconds(3));
    }

    private static RoutedRun routed(String policy, List<String> ids, List<String> called) {
        return new RoutedRun(policy, ids.stream().map(id -> RoutedRequest.answered(id, id.equals("1"), 1, called)).toList());
    }

    private static List<String> measures(ReproductionTable table) {
        return table.rows().stream().map(ReproductionTable.Row::measure).toList();
    }

    @Test
    void mbppOnThePapersLadderHasThePapersColumnAndItsLabelSetRows() {
        Reproduction mbpp = run(TaskFormat.MBPP, "MBPP", PaperFigures.MODELS, PaperFigures.COST_UNITS, Optional.of(PAPER_SET), "paper5/v1");
        ReproductionTable table = ReproductionTable.of(mbpp);
        assertTrue(table.withPaper());
        assertTrue(table.toMarkdown().startsWith("| section | measure | paper | ours | how ours was measured |"), table::toMarkdown);
        assertTrue(measures(table).contains("un-tuned LLM"));
        assertTrue(measures(table).stream().anyMatch(measure -> measure.startsWith("paper's 150-task set")));
        assertTrue(table.toCsv().startsWith("section,measure,paper,ours,how ours was measured\n"));
        assertEquals("MBPP test split, ladder codellama-7b-python → gpt-3.5-turbo-1106 → gpt-4-1106-preview", mbpp.title());
    }

    @Test
    void anotherDataSetOrLadderHasNoPapersColumn() {
        Reproduction humanEval = run(TaskFormat.HUMANEVAL, "HumanEval", PaperFigures.MODELS, PaperFigures.COST_UNITS, Optional.empty(), "paper5/v1");
        Reproduction mbppOtherLadder = run(TaskFormat.MBPP, "MBPP", List.of("a", "b", "c"), PaperFigures.COST_UNITS, Optional.of(PAPER_SET),
                "paper5/v1");
        for (Reproduction other : List.of(humanEval, mbppOtherLadder)) {
            ReproductionTable table = ReproductionTable.of(other);
            assertFalse(table.withPaper(), other::title);
            assertTrue(table.toMarkdown().startsWith("| section | measure | ours | how ours was measured |"), table::toMarkdown);
            assertTrue(table.toCsv().startsWith("section,measure,ours,how ours was measured\n"));
            assertFalse(measures(table).contains("un-tuned LLM"));
            assertFalse(table.toMarkdown().contains("davinci"), table::toMarkdown);
            assertFalse(table.toMarkdown().contains("released data"), table::toMarkdown);
        }
        assertTrue(ReproductionTable.of(humanEval).rows().stream().anyMatch(row -> row.source().contains("HumanEval test split")));
    }

    @Test
    void aFourModelLadderHasARowPerModelAndACappedCascadeBelowEachModelButTheLargest() {
        Reproduction four = run(TaskFormat.HUMANEVAL, "HumanEval", FOUR, List.of(1.0, 3.0, 10.0, 30.0), Optional.empty(), "paper5/v1");
        ReproductionTable table = ReproductionTable.of(four);
        List<String> measures = measures(table);
        for (String model : FOUR) {
            assertTrue(measures.contains("always " + model), measures::toString);
        }
        assertTrue(measures.containsAll(List.of("complexity 1 (tiny-coder)", "complexity 3 (small-coder)", "complexity 5 (mid-coder)",
                "complexity 7 (large-coder)")), measures::toString);
        assertTrue(measures.containsAll(List.of("cheapest first + cascade up to small-coder (no classifier)",
                "cheapest first + cascade up to mid-coder (no classifier)")), measures::toString);
        assertFalse(measures.contains("cheapest first + cascade up to large-coder (no classifier)"));
        assertEquals("HumanEval test split, ladder tiny-coder → small-coder → mid-coder → large-coder", four.title());
        // Of tasks 1-10, 8 are solved (first solvers 1,2,3,-,0,1,2,3,-,0): the largest passes all 8, the cheapest 2.
        String largest = table.rows().stream().filter(row -> row.measure().equals("always large-coder")).findFirst().orElseThrow().ours();
        assertEquals("80.0%, cut 0.0%", largest);
        String cheapest = table.rows().stream().filter(row -> row.measure().equals("always tiny-coder")).findFirst().orElseThrow().ours();
        assertEquals("20.0%, cut " + ReproductionTable.percent(1 - 1 / 30.0), cheapest);
    }

    @Test
    void cheapestPassingLabelsNameTheModelByItsIndex() {
        Reproduction four = run(TaskFormat.GENERIC, "team-tasks", FOUR, List.of(1.0, 2.0, 4.0, 8.0), Optional.empty(), "cheapest-passing/v1");
        List<String> measures = measures(ReproductionTable.of(four));
        assertTrue(measures.containsAll(List.of("complexity 0 (tiny-coder)", "complexity 1 (small-coder)", "complexity 2 (mid-coder)",
                "complexity 3 (large-coder)")), measures::toString);
    }

    @Test
    void noCostUnitsButThePapersForMbppOnThreeModels() {
        assertEquals(PaperFigures.COST_UNITS, PaperFigures.pricedLadder(List.of("a", "b", "c"), Optional.empty(), true).stream()
                .map(PricedModel::costUnits).toList());
        IllegalArgumentException fourModels = assertThrows(IllegalArgumentException.class,
                () -> PaperFigures.pricedLadder(FOUR, Optional.empty(), true));
        assertTrue(fourModels.getMessage().contains("--cost-units"), fourModels::getMessage);
        assertThrows(IllegalArgumentException.class,
                () -> PaperFigures.pricedLadder(List.of("a", "b", "c"), Optional.empty(), false));
    }

    @Test
    void theScoredCascadeHasARowWithoutTestsJudgedByTheLabelsWithTheScorersPrecisionAndRecall() {
        List<String> models = PaperFigures.MODELS;
        String small = models.get(0);
        String middle = models.get(1);
        String large = models.get(2);
        // Of tasks 1-8 (first solvers 1, 2, -, 0, 1, 2, -, 0), routed without tests: task 4 taken from small (it passes); task 1
        // small rejected (right), middle taken (passes); task 2 small and middle rejected (right), large unprobed (passes);
        // task 5 small taken (wrong: small fails it); task 8 small rejected (wrong: it passes), middle taken; the rest refused
        // or answered by large unprobed (task 3, 7: nothing passes; task 6: large passes).
        Function<KnownOutcomes, Optional<ScoredCascadeRun>> scored = known -> Optional.of(ScoredCascadeRun.of("scored cascade (no tests)",
                List.of(ScoredRequest.answered("4", small, 0.1, List.of(small), List.of(new ScoredRequest.ProbedAnswer(small, true))),
                        ScoredRequest.answered("1", middle, 1, List.of(small, middle), List.of(new ScoredRequest.ProbedAnswer(small, false),
                                new ScoredRequest.ProbedAnswer(middle, true))),
                        ScoredRequest.answered("2", large, 10, List.of(small, middle, large), List.of(
                                new ScoredRequest.ProbedAnswer(small, false), new ScoredRequest.ProbedAnswer(middle, false))),
                        ScoredRequest.answered("5", small, 0.1, List.of(small), List.of(new ScoredRequest.ProbedAnswer(small, true))),
                        ScoredRequest.answered("8", middle, 1, List.of(small, middle), List.of(new ScoredRequest.ProbedAnswer(small, false),
                                new ScoredRequest.ProbedAnswer(middle, true))),
                        ScoredRequest.answered("3", large, 10, List.of(large), List.of()),
                        ScoredRequest.answered("6", large, 10, List.of(large), List.of()),
                        ScoredRequest.refused("7", "UNAVAILABLE: no model could answer")), known));
        Reproduction mbpp = run(TaskFormat.MBPP, "MBPP", models, PaperFigures.COST_UNITS, Optional.of(PAPER_SET), "paper5/v1", scored);
        ScoredCascadeRun run = mbpp.scoredCascade().orElseThrow();
        // Passing by the labels: tasks 4, 1, 2, 8, 6 (5 of 8; 5 of the 6 solved).
        assertEquals(5 / 8.0, run.run().passRate(), 1e-9);
        // Probed: 8 answers; taken 4 (4:small right, 1:middle right, 5:small wrong, 8:middle right); passing 4 (4:small, 1:middle,
        // 8:small, 8:middle).
        assertEquals(new ScoredCascadeRun.ScorerQuality(8, 4, 3, 4), run.scorer());

        ReproductionTable table = ReproductionTable.of(mbpp);
        ReproductionTable.Row row = table.rows().stream().filter(candidate -> candidate.measure().equals("scored cascade (no tests)"))
                .findFirst().orElseThrow(() -> new AssertionError(table.toMarkdown()));
        assertTrue(row.ours().startsWith("83.3% of the 6 solved; 62.5%, cut "), row.ours());
        assertTrue(row.ours().contains("; calls 62.5% / 37.5% / 37.5%; 3 escalated; 1 refused by the router;"), row.ours());
        assertTrue(row.ours().endsWith("; scorer precision 75.0%, recall 75.0% over 8 probed answers (4 taken)"), row.ours());
        assertTrue(row.source().contains("no tests"), row.source());
        assertTrue(mbpp.routed().contains(run.run()), "on the chart and in the refusals with the other routed runs");
        assertEquals(measures(ReproductionTable.of(run(TaskFormat.MBPP, "MBPP", models, PaperFigures.COST_UNITS, Optional.of(PAPER_SET),
                "paper5/v1"))), measures(table).stream().filter(measure -> !measure.equals("scored cascade (no tests)")).toList(),
                "the other rows are as they were");
    }

    @Test
    void withoutAScorerTheresNoScoredCascadeRow() {
        ReproductionTable table = ReproductionTable.of(run(TaskFormat.MBPP, "MBPP", PaperFigures.MODELS, PaperFigures.COST_UNITS,
                Optional.of(PAPER_SET), "paper5/v1"));
        assertFalse(measures(table).contains("scored cascade (no tests)"));
    }
}
