package io.complexitynet.trainer.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.core.labelling.ModelPasses;
import io.complexitynet.core.labelling.PaperRule;
import io.complexitynet.model.domain.DataSplit;
import io.complexitynet.model.domain.LabelledTask;
import io.complexitynet.core.task.Partition;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoutedLabelsTest {

    private static final List<String> LADDER = List.of("small", "middle", "large");
    private static final PaperRule RULE = PaperRule.withDefaults(LADDER.size());
    private static final List<String> TESTS = List.of("assert f(1) == 2");

    private static RoutedLabels.Attempt attempt(String prompt, String model, String verdict) {
        return new RoutedLabels.Attempt(prompt, TESTS, model, verdict);
    }

    private static List<LabelledTask> rows(RoutedLabels.Attempt... attempts) {
        return RoutedLabels.rows(List.of(attempts), LADDER, RULE, Set.of(new RoutedLabels.Prompt("Labelled by the job.", TESTS)));
    }

    @Test
    void verdictsOfEveryRequestForAPromptAddUpToOneRowLabelledByTheRule() {
        List<LabelledTask> rows = rows(attempt("Add one.", "small", "FAILED"), attempt("Add one.", "middle", "PASSED"),
                attempt("Add one. ", "small", "FAILED"), attempt("Add one.", "large", "PASSED"));
        assertEquals(1, rows.size());
        LabelledTask row = rows.get(0);
        assertEquals(List.of(new ModelPasses("small", 0, 2), new ModelPasses("middle", 1, 1), new ModelPasses("large", 1, 1)),
                row.passes());
        assertEquals(3, row.complexity(), "GPT-3.5's rung passes reliably: the paper's class 3");
        assertTrue(row.sourceId().startsWith(RoutedLabels.SOURCE_PREFIX), row.sourceId());
        assertTrue(row.prompt().contains("assert f(1) == 2"), "the classifier input carries the first test: " + row.prompt());
    }

    @Test
    void aPromptSomeModelWasNeverAskedIsNotARowYet() {
        assertEquals(List.of(), rows(attempt("Add one.", "small", "FAILED"), attempt("Add one.", "middle", "PASSED")));
    }

    @Test
    void aPromptNoModelSolvedIsAnUnsolvedRow() {
        List<LabelledTask> rows = rows(attempt("Hard.", "small", "FAILED"), attempt("Hard.", "middle", "TIMEOUT"),
                attempt("Hard.", "large", "FAILED"));
        assertNull(rows.get(0).complexity());
    }

    @Test
    void aPromptTheLabellingJobLabelledKeepsTheJobsLabel() {
        assertEquals(List.of(), rows(attempt("Labelled by the job.", "small", "PASSED"), attempt("Labelled by the job.", "middle", "PASSED"),
                attempt("Labelled by the job.", "large", "PASSED")));
    }

    @Test
    void theJobsInstructionWithOtherTestsIsANewTask() {
        List<String> otherTests = List.of("assert f(5) == 6");
        assertEquals(1, RoutedLabels.rows(LADDER.stream().map(model -> new RoutedLabels.Attempt("Labelled by the job.", otherTests, model,
                "PASSED")).toList(), LADDER, RULE, Set.of(new RoutedLabels.Prompt("Labelled by the job.", TESTS))).size());
    }

    @Test
    void theSamePromptWithOtherTestsIsAnotherRowAndModelsOffTheLadderAreIgnored() {
        List<RoutedLabels.Attempt> attempts = new ArrayList<>();
        for (String model : LADDER) {
            attempts.add(attempt("Add one.", model, "PASSED"));
            attempts.add(new RoutedLabels.Attempt("Add one.", List.of("assert f(2) == 3"), model, "PASSED"));
        }
        attempts.add(attempt("Add one.", "retired-model", "FAILED"));
        List<LabelledTask> rows = RoutedLabels.rows(attempts, LADDER, RULE, Set.of());
        assertEquals(2, rows.size());
        assertTrue(rows.stream().allMatch(row -> row.passes().get(0).tries() == 1 && row.complexity() == 1));
    }

    @Test
    void routedRowsOnlyEverTrain() {
        DataSplit split = RoutedLabels.withRoutedRowsInTraining(DataSplit.mbpp());
        assertEquals(Partition.TRAIN, split.partitionOf(RoutedLabels.SOURCE_PREFIX + "abc"));
        assertEquals(Partition.TEST, split.partitionOf("11"));
        assertEquals(Partition.VALIDATION, split.partitionOf("600"));
        assertEquals("mbpp+routed", split.name());
    }
}
