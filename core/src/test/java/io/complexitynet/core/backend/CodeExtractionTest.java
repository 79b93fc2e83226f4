package io.complexitynet.core.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CodeExtractionTest {

    private static final String ADD = "def add(a, b):\n    return a + b";
    private static final String JAVA_ONLY = "```java\nint add(int a, int b) { return a + b; }\n```";

    static Stream<Arguments> replies() {
        return Stream.of(
                arguments("a reply without fences is taken whole and stripped", "\n\n" + ADD + "\n  \n", ADD),
                arguments("a python block is taken without the prose around it",
                        "Here is the function:\n\n```python\n" + ADD + "\n```\n\nIt adds.", ADD),
                arguments("a py block is code", "```py\nx = 1\n```", "x = 1"),
                arguments("an unlabelled block is code", "```\nx = 1\n```", "x = 1"),
                arguments("the language label ignores case", "```Python\nx = 1\n```", "x = 1"),
                arguments("several blocks are joined by a blank line, in order",
                        "First:\n```python\nimport math\n```\nThen:\n```\ndef root(x):\n    return math.sqrt(x)\n```\n",
                        "import math\n\ndef root(x):\n    return math.sqrt(x)"),
                arguments("blocks in other languages are left out",
                        "```bash\npip install nothing\n```\n```python\nx = 1\n```\nOutput:\n```text\n1\n```", "x = 1"),
                arguments("a reply with only other languages' blocks is taken whole", JAVA_ONLY + "\n", JAVA_ONLY),
                arguments("an unterminated final block runs to the end", "Sure.\n```python\n" + ADD + "\n", ADD),
                arguments("a block indented in a list loses only that indentation",
                        "1. Define it:\n   ```python\n   def add(a, b):\n       return a + b\n   ```", ADD),
                arguments("windows line endings become newlines", "```python\r\nx = 1\r\ny = 2\r\n```\r\n", "x = 1\ny = 2"),
                arguments("blank lines inside a block are kept and around it dropped",
                        "```python\n\n\nx = 1\n\n\ny = 2\n\n```", "x = 1\n\n\ny = 2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void theCodeOfAReplyIsWhatItsPythonBlocksHold(String behaviour, String reply, String code) {
        assertEquals(code, CodeExtraction.fromReply(reply));
    }
}
