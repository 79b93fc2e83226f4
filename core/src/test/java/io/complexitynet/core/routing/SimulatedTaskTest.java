package io.complexitynet.core.routing;

import static io.complexitynet.core.routing.Tasks.predicted;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.complexitynet.core.labelling.ModelPasses;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedTaskTest {

    @Test
    void recordedPassCountsBecomePassRates() {
        SimulatedTask task = SimulatedTask.fromPasses(Prediction.ofComplexity(3), List.of(
                new ModelPasses("small", 0, 5), new ModelPasses("middle", 3, 5), new ModelPasses("large", 5, 5)));
        assertArrayEquals(new double[] {0, 0.6, 1}, task.actualPassRates());
    }

    @Test
    void ratesAreCopiedOnTheWayInAndOut() {
        double[] rates = {0, 1};
        SimulatedTask task = new SimulatedTask(predicted(0.5, 0.5), rates);
        rates[0] = 1;
        task.actualPassRates()[1] = 0;
        assertEquals(new SimulatedTask(predicted(0.5, 0.5), new double[] {0, 1}), task);
    }

    @Test
    void aRateOutsideZeroToOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SimulatedTask(Prediction.ofComplexity(1), new double[] {2}));
        assertThrows(IllegalArgumentException.class, () -> new SimulatedTask(Prediction.ofComplexity(1), new double[0]));
    }

    @Test
    void aPredictionForAnotherLadderIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SimulatedTask(predicted(0.5, 0.5), new double[] {1, 1, 1}));
    }
}
