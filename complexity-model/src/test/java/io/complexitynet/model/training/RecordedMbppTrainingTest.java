package io.complexitynet.model.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.core.evaluation.ClassificationReport;
import io.complexitynet.model.domain.DataSplit;
import io.complexitynet.model.domain.LabelledTask;
import io.complexitynet.model.domain.PaperComplexitySet;
import io.complexitynet.core.task.Partition;
import io.complexitynet.model.domain.RecordedMbppLabels;
import io.complexitynet.model.domain.TrainingParameters;
import io.complexitynet.model.embedding.MiniLmPromptEncoder;
import io.complexitynet.model.learning.ModelCodec;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real thing: MiniLM embeddings, the recorded MBPP labels, MBPP's split. */
class RecordedMbppTrainingTest {

    private static MiniLmPromptEncoder encoder;
    private static TrainingResult result;
    private static List<String> testPrompts;

    @BeforeAll
    static void trainOnce() {
        encoder = new MiniLmPromptEncoder();
        result = train();
        testPrompts = RecordedMbppLabels.all().stream()
                .filter(task -> DataSplit.mbpp().partitionOf(task.sourceId()) == Partition.TEST)
                .map(LabelledTask::prompt).toList();
    }

    private static TrainingResult train() {
        return new Trainer(encoder).train(RecordedMbppLabels.all(), RecordedMbppLabels.LADDER, DataSplit.mbpp(),
                TrainingParameters.defaults());
    }

    @Test
    void beatsTheMajorityClassOnTheTestSplit() {
        ClassificationComparison classification = result.report().classification();
        // Measured with the defaults: accuracy 55.5% against 49.2%, macro-F1 0.381 against 0.220.
        assertTrue(classification.model().accuracy() > classification.majority().accuracy() + 0.02,
                classification.model().toMarkdown());
        assertTrue(classification.model().macroF1() > classification.majority().macroF1() + 0.1,
                classification.model().toMarkdown());
        assertEquals(321, classification.model().samples());
    }

    @Test
    void ranksPromptsBetterThanChanceForEveryPair() {
        // Measured: APGR 0.559 (Code Llama / GPT-4) and 0.550 (GPT-3.5 / GPT-4); a random router gets 0.5.
        result.report().routing().gaps().forEach(gap -> assertTrue(gap.apgr() > 0.52, gap.toString()));
        assertEquals(2, result.report().routing().gaps().size());
    }

    @Test
    void trainingTwiceWithTheSameSeedGivesTheSameModelAndMetrics() {
        TrainingResult again = train();
        assertEquals(result.model().predictAll(testPrompts), again.model().predictAll(testPrompts));
        ClassificationReport first = result.report().classification().model();
        ClassificationReport second = again.report().classification().model();
        assertEquals(first.accuracy(), second.accuracy());
        assertEquals(first.macroF1(), second.macroF1());
        assertEquals(result.report().routing().headline(), again.report().routing().headline());
        assertEquals(result.report().routing().aiqPlain(), again.report().routing().aiqPlain());
    }

    @Test
    void theStoredModelPredictsAsTheTrainedOne() {
        byte[] stored = ModelCodec.encode(result.model());
        assertEquals(result.model().predictAll(testPrompts), ModelCodec.decode(stored, encoder).predictAll(testPrompts));
    }

    @Test
    void thePaperSetIsScoredOnItsThirtyHeldOutTasks() {
        PaperComplexitySet paper = PaperComplexitySet.read();
        TrainingReport report = new Trainer(encoder).train(paper.tasks(), RecordedMbppLabels.LADDER, paper.split(),
                PaperComplexitySet.parameters()).report();
        ClassificationReport classifier = report.classification().classifierHead();
        assertEquals(30, classifier.samples());
        assertEquals(List.of(0, 1, 2), classifier.classes());
        // Measured 56.7% (17 of 30); the paper reports 79% for fine-tuned davinci-002, chance is 33.3%.
        assertTrue(classifier.accuracy() > report.classification().majority().accuracy(), classifier.toMarkdown());
    }
}
