package io.complexitynet.model.training;

import io.complexitynet.core.evaluation.CalibrationReport;
import io.complexitynet.core.evaluation.ClassificationReport;
import io.complexitynet.core.routing.PricedModel;
import io.complexitynet.model.learning.ComplexityModel;
import io.complexitynet.model.learning.ComplexitySource;
import io.complexitynet.model.learning.PassHead;
import java.util.ArrayList;
import java.util.List;

/** The test-split reports on a fitted model: classification beside the baselines, and the pass heads' calibration. */
final class TestSplitEvaluation {

    private static final int RELIABILITY_BINS = 10;

    private TestSplitEvaluation() {
    }

    static ClassificationComparison classification(ComplexityModel model, ComplexityBaseline majority,
            ComplexityBaseline tfIdf, EmbeddedTasks test) {
        EmbeddedTasks solved = test.solved();
        int[] actual = solved.complexities();
        int[] predicted = ModelFitting.complexities(model, solved);
        int[] byClassifier = ModelFitting.complexities(model.withComplexitySource(new ComplexitySource.Classifier()), solved);
        int[] byMajority = majority.predictAll(solved.prompts());
        int[] byTfIdf = tfIdf.predictAll(solved.prompts());
        List<Integer> classes = ModelFitting.classes(model.classes(), actual, predicted);
        return new ClassificationComparison(ClassificationReport.of(classes, actual, predicted),
                ClassificationReport.of(classes, actual, byClassifier), ClassificationReport.of(classes, actual, byMajority), ClassificationReport.of(classes, actual, byTfIdf),
                test.tasks().size() - solved.tasks().size());
    }

    static List<PassHeadReport> passHeads(List<PricedModel> ladder, List<PassHead> heads, EmbeddedTasks test) {
        List<PassHeadReport> reports = new ArrayList<>();
        for (int model = 0; model < ladder.size(); model++) {
            PassHead head = heads.get(model);
            double[] actual = test.passRates(model);
            double[] raw = test.vectors().stream().mapToDouble(head::rawProbability).toArray();
            double[] calibrated = test.vectors().stream().mapToDouble(head::probability).toArray();
            reports.add(new PassHeadReport(ladder.get(model).name(), head.scaling(),
                    CalibrationReport.of(raw, actual, RELIABILITY_BINS),
                    CalibrationReport.of(calibrated, actual, RELIABILITY_BINS)));
        }
        return reports;
    }
}
