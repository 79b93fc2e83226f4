package io.complexitynet.core.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SampleAgreementTest {

    private final SampleAgreement agreement = SampleAgreement.of(AnswerProbe.of("assert add(1, 2) == 3\n>>> add(2, 2)\n4"));

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void bothAnswersTravelEncodedSoNoTextOfTheirsEndsAStringOrALine() {
        String hostile = "def add(a, b):\n    return a + b  # ''' \"\"\" ' \\ \n'); import os; os._exit(0) #";
        String code = agreement.candidate(hostile, "def add(a, b):\n    return b + a\n").orElseThrow();
        assertTrue(code.contains("_cn_load('" + base64(hostile) + "')"), code);
        assertFalse(code.contains("os._exit"), "the answers appear only encoded");
        assertTrue(code.contains("def " + SampleAgreement.AGREE + "(call):"));
    }

    @Test
    void oneStatementPerCallAsksWhetherTheirResultsPrintTheSame() {
        assertEquals(List.of("assert complexitynet_agree('" + base64("add(1, 2)") + "')",
                "assert complexitynet_agree('" + base64("add(2, 2)") + "')"), agreement.statements());
        assertTrue(SampleAgreement.agreed("PASSED"));
        assertFalse(SampleAgreement.agreed("FAILED"));
        assertFalse(SampleAgreement.agreed("ERROR"), "an answer that raises on a call, or does not load, does not agree");
    }

    @Test
    void withoutAnExampleCallOrRoomForBothThereIsNothingToCompare() {
        assertEquals(Optional.empty(), SampleAgreement.of(AnswerProbe.of("Write add.")).candidate("x = 1", "x = 1"));
        String large = "x = '" + "a".repeat(SampleAgreement.MAX_CODE_BYTES / 2) + "'\n";
        assertEquals(Optional.empty(), agreement.candidate(large, large));
    }
}
