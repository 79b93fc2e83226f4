package io.complexitynet.core.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PricedModelTest {

    @Test
    void aLadderIsKeptCheapestFirstAndCannotBeChanged() {
        List<PricedModel> models = new ArrayList<>(Tasks.LADDER);
        List<PricedModel> ladder = PricedModel.ladder(models);
        models.clear();
        assertEquals(Tasks.LADDER, ladder);
        assertThrows(UnsupportedOperationException.class, () -> ladder.add(new PricedModel("extra", 1000)));
    }

    @Test
    void modelsMayCostTheSame() {
        assertEquals(2, PricedModel.ladder(List.of(new PricedModel("a", 5), new PricedModel("b", 5))).size());
    }

    @Test
    void anEmptyLadderIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PricedModel.ladder(List.of()));
    }

    @Test
    void aModelTwiceIsRefusedByName() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> PricedModel.ladder(List.of(new PricedModel("gpt", 1), new PricedModel("gpt", 2))));
        assertTrue(refused.getMessage().contains("gpt appears twice"), refused.getMessage());
    }

    @Test
    void aLadderThatGetsCheaperIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> PricedModel.ladder(List.of(new PricedModel("big", 100), new PricedModel("small", 1))));
        assertTrue(refused.getMessage().contains("cheapest first"), refused.getMessage());
    }

    @Test
    void aModelNeedsANameAndAFiniteNonNegativeCost() {
        assertThrows(IllegalArgumentException.class, () -> new PricedModel(" ", 1));
        assertThrows(IllegalArgumentException.class, () -> new PricedModel("m", -1));
        assertThrows(IllegalArgumentException.class, () -> new PricedModel("m", Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new PricedModel("m", Double.POSITIVE_INFINITY));
    }
}
