package io.complexitynet.verifier.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.verifier.domain.Candidate;
import io.complexitynet.verifier.domain.CandidateResult;
import io.complexitynet.verifier.domain.InvalidRequestException;
import io.complexitynet.verifier.domain.Limits;
import io.complexitynet.verifier.domain.Verdict;
import io.complexitynet.verifier.domain.Verifier;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The honest side of the judge: test shapes beyond MBPP's assert lines, and candidates that use the
 * names the judge keeps clean for themselves, pass through the real sandbox; the same shapes with a
 * wrong answer fail.
 */
@QuarkusTest
class TestShapesTest {

    @Inject
    Verifier verifier;

    @Inject
    Limits defaults;

    private CandidateResult verify(String code, String setup, List<String> tests, List<String> provides) {
        return verifier.verify(List.of(new Candidate("shape", code, setup, tests, provides, defaults))).get(0);
    }

    private void passes(String code, String setup, String... tests) {
        CandidateResult result = verify(code, setup, List.of(tests), List.of());
        assertInstanceOf(Verdict.Passed.class, result.verdict(), () -> code + "\n" + List.of(tests) + "\n" + result.verdict());
    }

    private Verdict fails(String code, String setup, String... tests) {
        CandidateResult result = verify(code, setup, List.of(tests), List.of());
        assertTrue(!result.passed(), () -> "passed: " + code + "\n" + List.of(tests));
        return result.verdict();
    }

    @Test
    void mbppShapesPass() {
        passes("import math\ndef area(r):\n    return math.pi * r * r\n", "", "assert math.isclose(area(2), 12.566, rel_tol=0.001)");
        passes("def f(a):\n    return [x for x in a if x % 2]\n", "", "assert set(f([1, 2, 3])) == set([3, 1])");
        passes("def f():\n    return 0.1 + 0.2\n", "", "assert abs(f() - 0.3) < 1e-9", "assert f() != 0.3");
        passes("from collections import Counter\ndef f(s):\n    return Counter(s)\n", "",
                "assert f('aab') == {'a': 2, 'b': 1}", "from collections import Counter\nassert f('ab') == Counter('ba')");
        passes("from collections import namedtuple\nP = namedtuple('P', 'x y')\ndef f():\n    return P(1, 2)\n", "",
                "assert f() == (1, 2)", "assert f()[0] == 1");
        passes("def f():\n    return float('nan'), float('inf'), -0.0, 10 ** 400, 2 + 3j, b'\\x00\\xff', frozenset({1})\n", "",
                "import math\nv = f()\nassert math.isnan(v[0]) and v[1] == float('inf') and str(v[2]) == '-0.0'",
                "assert f()[3:] == (10 ** 400, 2 + 3j, b'\\x00\\xff', frozenset({1}))");
    }

    @Test
    void candidatesMayUseTheNamesTheJudgeKeepsClean() {
        passes("import math, operator\ndef sorted(x):\n    return 'mine'\ndef len(x):\n    return -1\n"
                + "def f(a):\n    return [v for v in reversed(a)] if sorted(a) == 'mine' and len(a) == -1 else None\n", "",
                "assert sorted(f([3, 1, 2])) == [1, 2, 3]", "assert len(f([1])) == 1", "assert operator.eq(f([1]), [1])");
        passes("import math as m\ndef f():\n    return m.pi\n", "", "import math\nassert f() == math.pi");
    }

    @Test
    void humanEvalCheckShapeAndLoopsPass() {
        String check = "def check(candidate):\n    for x in range(20):\n        assert candidate(x) == x + 1\n"
                + "    assert all(candidate(x) > x for x in range(3))\n    assert [candidate(x) for x in (1, 2)] == [2, 3]\n";
        passes("def inc(x):\n    return x + 1\n", check, "check(inc)");
        assertInstanceOf(Verdict.Failed.class, fails("def inc(x):\n    return x + 2\n", check, "check(inc)"));
    }

    @Test
    void theCandidatesClassesCanBeBuiltAndPassedBack() {
        String code = "class Node:\n    def __init__(self, d):\n        self.d = d\n        self.left = None\n"
                + "    def value(self):\n        return self.d\n"
                + "def height(n):\n    return 0 if n is None else 1 + height(n.left)\n"
                + "class Pair:\n    def __init__(self, a, b):\n        self.a, self.b = a, b\n"
                + "def total(pairs):\n    return sum(p.a + p.b for p in pairs)\n";
        passes(code, "root = Node(1)\nroot.left = Node(2)\nroot.left.left = Node(3)\n",
                "assert height(root) == 3", "assert root.left.value() == 2", "assert root.d == 1",
                "assert total([Pair(1, 2), Pair(3, 4)]) == 10");
        Verdict verdict = fails(code, "", "assert Pair(1, 2) == Pair(1, 2)");
        assertTrue(assertInstanceOf(Verdict.Failed.class, verdict).message().contains("not plain data"));
    }

    @Test
    void argumentsTheCandidateChangesInPlaceComeBack() {
        passes("def f(a, d, s):\n    a.sort()\n    a[0].append(9)\n    d['k'] = 1\n    s.add(2)\n", "",
                "a = [[3], [1]]\nd = {}\ns = {1}\nf(a, d, s)\n"
                        + "assert a == [[1, 9], [3]] and d == {'k': 1} and s == {1, 2}");
    }

    @Test
    void generatorsAndBuiltinsAsArgumentsWork() {
        passes("def f(n):\n    return (i * i for i in range(n))\ndef keep(xs, t):\n    return [x for x in xs if isinstance(x, t)]\n", "",
                "assert list(f(3)) == [0, 1, 4]", "assert 4 in f(3)", "assert sorted(f(3), reverse=True) == [4, 1, 0]",
                "assert keep([1, 'a', 2.0], int) == [1]");
    }

    @Test
    void exceptionsTheCandidateRaisesCanBeExpectedByTests() {
        passes("def f(x):\n    if x < 0:\n        raise ValueError('negative')\n    return x\n", "",
                "try:\n    f(-1)\n    assert False\nexcept ValueError as e:\n    assert str(e) == 'negative'");
        Verdict.Errored errored = assertInstanceOf(Verdict.Errored.class, fails(
                "class Oops(Exception):\n    pass\ndef f():\n    raise Oops('no')\n", "", "assert f() == 1"));
        assertEquals("Oops", errored.type());
    }

    @Test
    void aTaskThatAsksForAFunctionNamedLikeABuiltinNamesIt() {
        String code = "def sum(a, b):\n    return a + b\n";
        assertInstanceOf(Verdict.Passed.class, verify(code, "", List.of("assert sum(1, 2) == 3"), List.of("sum")).verdict());
        assertInstanceOf(Verdict.Errored.class, verify(code, "", List.of("assert sum(1, 2) == 3"), List.of()).verdict());
    }

    @Test
    void setupOrTestsThatAreNotPythonAreRefusedWithTheirField() {
        InvalidRequestException test = assertThrows(InvalidRequestException.class,
                () -> verify("def f():\n    return 1\n", "", List.of("assert f() == 1", "assert ("), List.of()));
        assertTrue(test.getMessage().startsWith("candidates[0].tests[1]: is not valid Python"), test.getMessage());
        InvalidRequestException setup = assertThrows(InvalidRequestException.class,
                () -> verify("def f():\n    return 1\n", "def (", List.of("assert f() == 1"), List.of()));
        assertTrue(setup.getMessage().startsWith("candidates[0].setup_code: is not valid Python"), setup.getMessage());
    }
}
