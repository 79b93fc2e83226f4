package io.complexitynet.model.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.core.labelling.CheapestPassingRule;
import io.complexitynet.core.labelling.ComplexityLabel;
import io.complexitynet.core.labelling.ModelPasses;
import io.complexitynet.core.routing.Prediction;
import io.complexitynet.core.routing.PricedModel;
import io.complexitynet.model.domain.DataSplit;
import io.complexitynet.model.domain.LabelledTask;
import io.complexitynet.model.domain.SyntheticTasks;
import io.complexitynet.model.domain.TrainingParameters;
import io.complexitynet.model.embedding.CharacterTrigramEncoder;
import io.complexitynet.model.learning.ComplexityModel;
import io.complexitynet.model.learning.ModelCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ladders of 2 to 6 models through training: the synthetic tasks' three levels spread over n models, k = 3 samples each
 * with a task's cheapest passing model flaky (2 of 3), labelled cheapest-passing. The model has one
 * pass head per ladder model, survives storage, and routes over all n, retries before escalation included.
 */
class LadderLengthTest {

    private static final int SAMPLES = 3;

    @ParameterizedTest
    @ValueSource(ints = {2, 4, 5, 6})
    void aLadderOfNModelsTrainsPredictsAndRoutesOverAllOfThem(int models) {
        List<PricedModel> ladder = IntStream.range(0, models).mapToObj(i -> new PricedModel("model-" + i, Math.pow(3, i))).toList();
        TrainingResult result = new Trainer(new CharacterTrigramEncoder()).train(tasks(ladder), ladder, DataSplit.mbpp(),
                TrainingParameters.defaults());

        ComplexityModel model = ModelCodec.decode(ModelCodec.encode(result.model()), new CharacterTrigramEncoder());
        assertEquals(ladder, model.ladder());
        Prediction prediction = model.predict("Write a function to parse the date string (task 12)");
        assertEquals(models, prediction.models());

        RoutingReport routing = result.report().routing();
        assertEquals(models, routing.alwaysModel().size());
        assertEquals(models, routing.cascadeFromCheapest().shares().size());
        assertTrue(result.report().classification().model().accuracy() > result.report().classification().majority().accuracy(),
                result.report().classification().model().toMarkdown());
        TriesPerModelOutcome once = routing.triesPerModel().get(0);
        TriesPerModelOutcome twice = routing.triesPerModel().get(1);
        assertEquals(models, twice.cheapestFirst().shares().size());
        assertTrue(twice.cheapestFirst().passRate() >= once.cheapestFirst().passRate() - 1e-12, "a second answer never passes less");
    }

    private static List<LabelledTask> tasks(List<PricedModel> ladder) {
        int models = ladder.size();
        CheapestPassingRule rule = new CheapestPassingRule(models);
        List<LabelledTask> tasks = new ArrayList<>();
        for (LabelledTask synthetic : SyntheticTasks.everyStep(2)) {
            int level = Integer.parseInt(synthetic.sourceId()) % 3;
            int cheapest = Math.round(level * (models - 1) / 2.0f);
            List<ModelPasses> passes = new ArrayList<>();
            for (int i = 0; i < models; i++) {
                int passed = !synthetic.solved() || i < cheapest ? 0 : i == cheapest ? SAMPLES - 1 : SAMPLES;
                passes.add(new ModelPasses(ladder.get(i).name(), passed, SAMPLES));
            }
            ComplexityLabel label = rule.label(passes);
            tasks.add(new LabelledTask(synthetic.sourceId(), synthetic.prompt(),
                    label.solved() ? label.complexity().getAsInt() : null, passes));
        }
        return tasks;
    }
}
