package io.complexitynet.model.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class BaselinesTest {

    @Test
    void majorityPredictsTheMostFrequentClassAndTheLowerOnATie() {
        assertArrayEquals(new int[] {3, 3}, MajorityBaseline.fit(List.of(1, 3, 3, 5)).predictAll(List.of("a", "b")));
        assertEquals(1, MajorityBaseline.fit(List.of(5, 1, 1, 5)).majority());
    }

    @Test
    void tfIdfLearnsTheWordsThatGiveTheClassAway() {
        List<String> prompts = List.of("add two numbers", "sum the list", "add one to each item", "sum of squares",
                "find the optimal schedule", "optimal matching of pairs", "optimal path through the grid",
                "schedule jobs optimally");
        List<Integer> classes = List.of(1, 1, 1, 1, 5, 5, 5, 5);
        TfIdfBaseline baseline = TfIdfBaseline.fit(prompts, classes, 1);
        assertArrayEquals(new int[] {1, 5}, baseline.predictAll(List.of("sum two numbers", "an optimal schedule")));
    }

    @Test
    void tfIdfGivesTheMajorityClassToAPromptOfUnseenWords() {
        TfIdfBaseline baseline = TfIdfBaseline.fit(List.of("add numbers", "sum numbers", "optimal path"), List.of(1, 1, 5), 1);
        assertArrayEquals(new int[] {1}, baseline.predictAll(List.of("zebra quokka")));
    }
}
