package io.complexitynet.core.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CodeExtractionTest {

    @Test
    void aReplyWithoutFencesIsTakenWholeAndStripped() {
        assertEquals("def add(a, b):\n    return a + b", CodeExtraction.fromReply("\n\ndef add(a, b):\n    return a + b\n  \n"));
    }

    @Test
    void aPythonBlockIsTakenWithoutTheProseAroundIt() {
        String reply = "Here is the function:\n\n```python\ndef add(a, b):\n    return a + b\n```\n\nIt adds.";
        assertEquals("def add(a, b):\n    return a + b", CodeExtraction.fromReply(reply));
    }

    @Test
    void pyAndUnlabelledBlocksAreCodeToo() {
        assertEquals("x = 1", CodeExtraction.fromReply("```py\nx = 1\n```"));
        assertEquals("x = 1", CodeExtraction.fromReply("```\nx = 1\n```"));
        assertEquals("x = 1", CodeExtraction.fromReply("```Python\nx = 1\n```"));
    }

    @Test
    void severalBlocksAreJoinedByABlankLineInOrder() {
        String reply = "First:\n```python\nimport math\n```\nThen:\n```\ndef root(x):\n    return math.sqrt(x)\n```\n";
        assertEquals("import math\n\ndef root(x):\n    return math.sqrt(x)", CodeExtraction.fromReply(reply));
    }

    @Test
    void blocksInOtherLanguagesAreLeftOut() {
        String reply = "```bash\npip install nothing\n```\n```python\nx = 1\n```\nOutput:\n```text\n1\n```";
        assertEquals("x = 1", CodeExtraction.fromReply(reply));
    }

    @Test
    void aReplyWithOnlyOtherLanguagesBlocksIsTakenWhole() {
        String reply = "```java\nint add(int a, int b) { return a + b; }\n```";
        assertEquals(reply, CodeExtraction.fromReply(reply + "\n"));
    }

    @Test
    void anUnterminatedFinalBlockRunsToTheEnd() {
        assertEquals("def add(a, b):\n    return a + b", CodeExtraction.fromReply("Sure.\n```python\ndef add(a, b):\n    return a + b\n"));
    }

    @Test
    void aBlockIndentedInAListLosesOnlyThatIndentation() {
        String reply = "1. Define it:\n   ```python\n   def add(a, b):\n       return a + b\n   ```";
        assertEquals("def add(a, b):\n    return a + b", CodeExtraction.fromReply(reply));
    }

    @Test
    void windowsLineEndingsBecomeNewlines() {
        assertEquals("x = 1\ny = 2", CodeExtraction.fromReply("```python\r\nx = 1\r\ny = 2\r\n```\r\n"));
    }

    @Test
    void blankLinesInsideABlockAreKeptAndAroundItDropped() {
        assertEquals("x = 1\n\n\ny = 2", CodeExtraction.fromReply("```python\n\n\nx = 1\n\n\ny = 2\n\n```"));
    }
}
