package io.complexitynet.model.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.core.labelling.ModelPasses;
import io.complexitynet.core.routing.PricedModel;
import io.complexitynet.model.domain.DataSplit;
import io.complexitynet.model.domain.HeadType;
import io.complexitynet.model.domain.LabelledTask;
import io.complexitynet.core.task.Partition;
import io.complexitynet.model.domain.SyntheticTasks;
import io.complexitynet.model.domain.TrainingParameters;
import io.complexitynet.model.domain.TrainingRefused;
import io.complexitynet.model.embedding.CharacterTrigramEncoder;
import io.complexitynet.model.learning.ComplexityModel;
import io.complexitynet.model.learning.ModelCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TrainerTest {

    private final Trainer trainer = new Trainer(new CharacterTrigramEncoder());
    private final List<LabelledTask> tasks = SyntheticTasks.everyStep(2);

    @Test
    void learnsSyntheticComplexitiesWellAboveTheMajorityClass() {
        TrainingReport report = train(tasks).report();
        assertTrue(report.classification().model().accuracy() > 0.9, report.classification().model().toMarkdown());
        assertTrue(report.classification().majority().accuracy() < 0.4);
        assertEquals(List.of(1, 3, 5), report.classes());
    }

    @Test
    void unsolvedTestTasksStayInRoutingButNotInClassification() {
        TrainingReport report = train(tasks).report();
        long unsolvedTest = tasks.stream()
                .filter(task -> DataSplit.mbpp().partitionOf(task.sourceId()) == Partition.TEST && !task.solved()).count();
        assertEquals(unsolvedTest, report.classification().unsolvedLeftOut());
        assertEquals(unsolvedTest, report.routing().unsolved());
        assertEquals(report.sizes().test(), report.routing().tasks());
        assertEquals(report.sizes().testSolved(), report.classification().model().samples());
        assertTrue(report.notes().stream().anyMatch(note -> note.contains("fail under every policy")));
    }

    @Test
    void retriesBeforeEscalationAreReportedForOneToThreeAnswersPerModel() {
        RoutingReport routing = train(tasks).report().routing();
        assertEquals(List.of(1, 2, 3), routing.triesPerModel().stream().map(TriesPerModelOutcome::triesPerModel).toList());
        assertEquals(routing.cascadeFromCheapest(), routing.triesPerModel().get(0).cheapestFirst());
        // One sample per model: a rate is 0 or 1, so a second answer never passes what the first failed, and costs.
        for (int i = 1; i < routing.triesPerModel().size(); i++) {
            TriesPerModelOutcome fewer = routing.triesPerModel().get(i - 1);
            TriesPerModelOutcome more = routing.triesPerModel().get(i);
            assertEquals(fewer.cheapestFirst().passRate(), more.cheapestFirst().passRate(), 1e-12);
            assertTrue(more.cheapestFirst().meanCost() > fewer.cheapestFirst().meanCost());
            assertTrue(more.calibratedCascade().meanCost() >= fewer.calibratedCascade().meanCost());
        }
    }

    @Test
    void reportsProgressInOrderUpToDone() {
        List<Double> fractions = new ArrayList<>();
        List<String> stages = new ArrayList<>();
        trainer.train(tasks, SyntheticTasks.LADDER, DataSplit.mbpp(), TrainingParameters.defaults(), (stage, fraction) -> {
            stages.add(stage);
            fractions.add(fraction);
        });
        assertEquals("embedding", stages.get(0));
        assertEquals("done", stages.get(stages.size() - 1));
        assertEquals(1.0, fractions.get(fractions.size() - 1));
        for (int i = 1; i < fractions.size(); i++) {
            assertTrue(fractions.get(i) >= fractions.get(i - 1), fractions.toString());
        }
    }

    @Test
    void sameLabelsAndSeedGiveTheSameModelAndMetrics() {
        TrainingResult first = train(tasks);
        TrainingResult second = train(tasks);
        List<String> prompts = tasks.stream().map(LabelledTask::prompt).toList();
        assertEquals(first.model().predictAll(prompts), second.model().predictAll(prompts));
        assertEquals(first.report().classification().model().accuracy(), second.report().classification().model().accuracy());
        assertEquals(first.report().routing().plainSweep(), second.report().routing().plainSweep());
        assertEquals(first.report().dataFingerprint(), second.report().dataFingerprint());
    }

    @Test
    void factorizationMachineHeadsTrainAndSurviveStorage() {
        TrainingResult result = trainer.train(tasks, SyntheticTasks.LADDER, DataSplit.mbpp(),
                new TrainingParameters(HeadType.FACTORIZATION_MACHINE, 30, 0.1, 0, 1, 5));
        List<String> prompts = tasks.stream().map(LabelledTask::prompt).toList();
        ComplexityModel loaded = ModelCodec.decode(ModelCodec.encode(result.model()), new CharacterTrigramEncoder());
        assertEquals(result.model().predictAll(prompts), loaded.predictAll(prompts));
        assertTrue(result.report().classification().model().accuracy() > 0.8,
                result.report().classification().model().toMarkdown());
    }

    @Test
    void theFingerprintChangesWithTheLabels() {
        List<LabelledTask> changed = new ArrayList<>(tasks);
        int index = changed.size() - 1;
        changed.set(index, SyntheticTasks.withPasses(changed.get(index), 1, 1, 1));
        assertTrue(!train(tasks).report().dataFingerprint().equals(train(changed).report().dataFingerprint()));
    }

    @Test
    void noTasksIsRefused() {
        assertRefused("there are no labelled tasks to train on", List.of());
    }

    @Test
    void passCountsForAnotherLadderAreRefused() {
        List<LabelledTask> other = List.of(new LabelledTask("700", "p", 1, List.of(new ModelPasses("small", 1, 1))));
        assertRefused("task 700 has pass counts for [small], but the ladder is [small, middle, large]", other);
    }

    @Test
    void anEmptyValidationSplitIsRefused() {
        List<LabelledTask> noValidation = tasks.stream()
                .filter(task -> DataSplit.mbpp().partitionOf(task.sourceId()) != Partition.VALIDATION).toList();
        assertRefused("the validation part of split 'mbpp' has no tasks: calibration and model selection need held-out"
                + " labels", noValidation);
    }

    @Test
    void aTestSplitWithoutSolvedTasksIsRefused() {
        List<LabelledTask> unsolvedTest = tasks.stream()
                .map(task -> DataSplit.mbpp().partitionOf(task.sourceId()) == Partition.TEST
                        ? SyntheticTasks.withPasses(task, 0, 0, 0) : task)
                .toList();
        TrainingRefused refused = assertThrows(TrainingRefused.class, () -> train(unsolvedTest));
        assertTrue(refused.getMessage().startsWith("the test part of split 'mbpp' has "), refused.getMessage());
        assertTrue(refused.getMessage().endsWith("tasks but none solved by any model: there is nothing to report on"));
    }

    @Test
    void aSingleComplexityClassIsRefused() {
        List<LabelledTask> easy = tasks.stream().map(task -> SyntheticTasks.withPasses(task, 1, 1, 1)).toList();
        assertRefused("the classifier needs two complexity classes with at least 5 solved training tasks each; the"
                + " training labels per class are {1=" + trainingSolved(easy) + "}", easy);
    }

    @Test
    void aRareClassIsLeftOutOfTheClassifierAndSaidSo() {
        List<LabelledTask> rareHard = new ArrayList<>();
        int hard = 0;
        for (LabelledTask task : tasks) {
            boolean training = DataSplit.mbpp().partitionOf(task.sourceId()) == Partition.TRAIN;
            if (training && Integer.valueOf(5).equals(task.complexity()) && hard++ >= 3) {
                rareHard.add(SyntheticTasks.withPasses(task, 0, 1, 1));
            } else {
                rareHard.add(task);
            }
        }
        TrainingReport report = train(rareHard).report();
        assertEquals(List.of(1, 3), report.classes());
        assertTrue(report.notes().contains("complexity 5 left out of the classifier: 3 training labels, fewer than the 5"
                + " required"), report.notes().toString());
    }

    @Test
    void aModelThatPassedEveryTrainingTaskGetsAConstantHead() {
        List<LabelledTask> largeAlwaysPasses = tasks.stream()
                .map(task -> SyntheticTasks.withPasses(task, task.passes().get(0).passes(), task.passes().get(1).passes(), 1))
                .toList();
        TrainingReport report = train(largeAlwaysPasses).report();
        assertTrue(report.notes().stream().anyMatch(note -> note.startsWith("model large passed all of the")),
                report.notes().toString());
    }

    @Test
    void theExplicitSplitTrainsOnlyOnWhatItLists() {
        Map<String, Partition> partitions = tasks.stream().collect(Collectors.toMap(LabelledTask::sourceId,
                task -> DataSplit.mbpp().partitionOf(task.sourceId())));
        partitions.put(tasks.get(0).sourceId(), Partition.EXCLUDED);
        TrainingReport report = trainer.train(tasks, SyntheticTasks.LADDER, DataSplit.explicit("custom", partitions),
                TrainingParameters.defaults()).report();
        assertEquals("custom", report.split());
        assertEquals(1 + excludedByMbpp(), report.sizes().excluded());
    }

    private long excludedByMbpp() {
        return tasks.stream().filter(task -> DataSplit.mbpp().partitionOf(task.sourceId()) == Partition.EXCLUDED).count();
    }

    private long trainingSolved(List<LabelledTask> labelled) {
        return labelled.stream()
                .filter(task -> DataSplit.mbpp().partitionOf(task.sourceId()) == Partition.TRAIN && task.solved()).count();
    }

    private void assertRefused(String reason, List<LabelledTask> labelled) {
        TrainingRefused refused = assertThrows(TrainingRefused.class, () -> train(labelled));
        assertEquals(reason, refused.getMessage());
    }

    private TrainingResult train(List<LabelledTask> labelled) {
        List<PricedModel> ladder = SyntheticTasks.LADDER;
        return trainer.train(labelled, ladder, DataSplit.mbpp(), TrainingParameters.defaults());
    }
}
