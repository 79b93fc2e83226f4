package io.complexitynet.router.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.complexitynet.core.refusal.RequestRefused;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestLimitsTest {

    private static final RequestLimits LIMITS = new RequestLimits(100, 3, 20, 50);

    private static String refusal(String prompt, List<String> tests, String setup) {
        RequestRefused refused = assertThrows(RequestRefused.class, () -> LIMITS.check(prompt, tests, setup));
        assertEquals(RequestRefused.Kind.INVALID_ARGUMENT, refused.kind());
        return refused.getMessage();
    }

    @Test
    void aRequestAtEveryLimitPasses() {
        LIMITS.check("p".repeat(100), Collections.nCopies(3, "t".repeat(20)), "s".repeat(50));
    }

    @Test
    void eachRefusalNamesTheFieldAndItsLimit() {
        assertEquals("prompt: is 101 characters; at most 100 are allowed", refusal("p".repeat(101), List.of(), ""));
        assertEquals("tests: has 4 statements; at most 3 are allowed", refusal("p", Collections.nCopies(4, "assert True"), ""));
        assertEquals("tests[1]: is 21 characters; at most 20 are allowed", refusal("p", List.of("assert f(1)", "t".repeat(21)), ""));
        assertEquals("setup_code: is 51 characters; at most 50 are allowed", refusal("p", List.of(), "s".repeat(51)));
    }

    @Test
    void examplesAreHeldToTheTestsLimitsUnderTheirOwnName() {
        LIMITS.checkStatements("examples", Collections.nCopies(3, "e".repeat(20)));
        RequestRefused many = assertThrows(RequestRefused.class, () -> LIMITS.checkStatements("examples", Collections.nCopies(4, "f(1)")));
        assertEquals("examples: has 4 statements; at most 3 are allowed", many.getMessage());
        RequestRefused tooLong = assertThrows(RequestRefused.class, () -> LIMITS.checkStatements("examples", List.of("e".repeat(21))));
        assertEquals("examples[0]: is 21 characters; at most 20 are allowed", tooLong.getMessage());
    }
}
