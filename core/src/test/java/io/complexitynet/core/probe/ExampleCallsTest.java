package io.complexitynet.core.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.core.task.MbppTask;
import io.complexitynet.core.testing.MbppSlices;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ExampleCallsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "assert similar_elements((3, 4, 5, 6),(5, 7, 4, 10)) == (4, 5) | similar_elements((3, 4, 5, 6),(5, 7, 4, 10))",
            "assert set(similar_elements((3,4),(4,5))) == set((4,)) | similar_elements((3,4),(4,5))",
            "assert math.isclose(area(2), 12.56, rel_tol=0.001) | area(2)",
            "assert sum(10, 15) == 6 | sum(10, 15)",
            "assert is_not_prime(2)==False | is_not_prime(2)",
            "assert not is_prime(4) | is_prime(4)",
            "assert 5 == add(2, 3) | add(2, 3)",
            "assert f('a==b)', \"(\") == 1 | f('a==b)', \"(\")",
            ">>> below_zero([1, 2, -4, 5]) | below_zero([1, 2, -4, 5])",
            "    assert count_ways(2) == 3, 'message' | count_ways(2)"})
    void theCallSideOfAnExampleWithoutWhatItExpects(String statement, String call) {
        assertEquals(List.of(call), ExampleCalls.in(statement));
    }

    @Test
    void proseMethodsUnbalancedAndOverlongCallsGiveNothing() {
        String overlong = "assert f(" + "1, ".repeat(ExampleCalls.MAX_CALL_CHARS) + "1) == 2";
        assertEquals(List.of(), ExampleCalls.in("Write a function f(x) that doubles x.\nassert x.count(1) == 2\nassert f(1 == 2\n" + overlong));
    }

    @Test
    void aHostileTextIsReadInOnePassNotOncePerParenthesis() {
        // A caller's prompt: half a million opened calls on one line, and as many nested ones that do close. Read once
        // per parenthesis to its end, either takes hours; the guard is generous, since a linear read takes milliseconds.
        String unbalanced = "assert " + "f(".repeat(500_000);
        String nested = "assert " + "f(".repeat(500_000) + ")".repeat(500_000) + " == 1";
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            assertEquals(List.of(), ExampleCalls.in(unbalanced));
            assertEquals(List.of(), ExampleCalls.in(nested), "no call short enough to run");
        });
    }

    @Test
    void repeatsAreTakenOnceAndAtMostTenCalls() {
        String text = IntStream.range(0, 30).mapToObj(i -> "assert f(" + (i % 15) + ") == " + i).reduce("", (a, b) -> a + b + "\n");
        List<String> calls = ExampleCalls.in(text);
        assertEquals(ExampleCalls.MAX_CALLS, calls.size());
        assertEquals("f(0)", calls.get(0));
        assertEquals("f(9)", calls.get(9));
    }

    @Test
    void almostEveryMbppTestShowsACallAndNoneCarriesTheExpectedValue() {
        int statements = 0;
        int withCall = 0;
        for (MbppTask task : MbppSlices.byId().values()) {
            for (String test : task.tests()) {
                statements++;
                List<String> calls = ExampleCalls.in(test);
                if (!calls.isEmpty()) {
                    withCall++;
                    String call = calls.get(0);
                    assertTrue(test.contains(call), test + " -> " + call);
                    // The call taken never reaches across the comparison into the expected value.
                    int comparison = ExampleCalls.topLevelEquals(test);
                    int start = test.indexOf(call);
                    assertFalse(comparison >= 0 && start < comparison && start + call.length() > comparison, test + " -> " + call);
                }
            }
        }
        // MBPP's tests are asserts on a call of the task's function, bar a few written as loops or on a method.
        assertTrue(withCall >= statements * 0.98, withCall + " of " + statements + " statements give a call");
    }
}
