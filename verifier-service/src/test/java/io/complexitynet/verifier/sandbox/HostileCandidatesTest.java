package io.complexitynet.verifier.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Named.named;

import io.complexitynet.verifier.domain.Candidate;
import io.complexitynet.verifier.domain.CandidateResult;
import io.complexitynet.verifier.domain.Limits;
import io.complexitynet.verifier.domain.ResourceKind;
import io.complexitynet.verifier.domain.Sandbox;
import io.complexitynet.verifier.domain.Verdict;
import io.complexitynet.verifier.domain.Verifier;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Candidates (and tests) that try to pass without solving the task, or to harm the service or later
 * candidates, through the real bubblewrap sandbox and judge. None may come back PASSED, and after
 * each one an honest candidate must still pass, in a sandbox left with no files, processes or IPC
 * objects of the last one's.
 */
@QuarkusTest
class HostileCandidatesTest {

    private static final List<String> TESTS = List.of("assert add(1, 2) == 3", "assert add(2, 2) == 4");

    @Inject
    Verifier verifier;

    @Inject
    Limits defaults;

    @Inject
    Sandbox sandbox;

    private Verdict verdictOf(String code) {
        return verdictOf(code, defaults);
    }

    private Verdict verdictOf(String code, Limits limits) {
        return verdictOf(code, "", TESTS, limits);
    }

    private Verdict verdictOf(String code, String setup, List<String> tests) {
        return verdictOf(code, setup, tests, defaults);
    }

    private Verdict verdictOf(String code, String setup, List<String> tests, Limits limits) {
        CandidateResult result = verifier.verify(List.of(new Candidate("hostile", code, setup, tests, limits))).get(0);
        assertFalse(result.passed(), () -> "hostile candidate passed: " + code + "\nwith tests " + tests);
        return result.verdict();
    }

    /** The type of the error the candidate's run ended in (fails the test when it ended otherwise). */
    private String errorOf(String code) {
        return assertInstanceOf(Verdict.Errored.class, verdictOf(code)).type();
    }

    private Limits wallTime(long millis) {
        return defaults.withRequest(Duration.ofMillis(millis), 0);
    }

    /** Enough honest candidates to pass through every local sandbox the test profile keeps. */
    @AfterEach
    void honestCandidatesStillPass() {
        Candidate honest = new Candidate("honest", "import os\n"
                + "def clean():\n"
                + "    ipc = [open('/proc/sysvipc/' + k).read().splitlines()[1:] for k in ('shm', 'sem', 'msg')]\n"
                + "    return not any(ipc) and not os.listdir('/dev/mqueue')\n"
                + "def add(a, b):\n"
                + "    return a + b if not os.path.exists('planted') and os.access('.', os.W_OK) and clean() else None\n",
                "", TESTS, defaults);
        for (CandidateResult result : verifier.verify(List.of(honest, honest, honest, honest))) {
            assertInstanceOf(Verdict.Passed.class, result.verdict(), () -> "after a hostile candidate: " + result.verdict());
        }
    }

    @Test
    void sysExitBeforeTestsIsAnError() {
        assertEquals("SystemExit", errorOf("import sys\nsys.exit(0)\n"));
    }

    @Test
    void raiseSystemExitIsAnError() {
        assertEquals("SystemExit", errorOf("raise SystemExit\n"));
    }

    @Test
    void osExitZeroBeforeTestsIsAnEarlyExit() {
        assertEquals("EarlyExit", errorOf("import os\nos._exit(0)\n"));
    }

    @Test
    void atexitHookThatExitsZeroDoesNotRescueAFailure() {
        assertInstanceOf(Verdict.Failed.class, verdictOf(
                "import atexit, os\natexit.register(lambda: os._exit(0))\ndef add(a, b):\n    return 0\n"));
    }

    @Test
    void excepthookThatExitsZeroDoesNotHideAnException() {
        assertEquals("ValueError", errorOf("import sys, os\nsys.excepthook = lambda *a: os._exit(0)\n"
                + "def add(a, b):\n    raise ValueError('no idea')\n"));
    }

    @Test
    void threadExitingZeroWhileATestRunsIsAnEarlyExit() {
        assertEquals("EarlyExit", errorOf("import os, threading, time\n"
                + "def add(a, b):\n    threading.Thread(target=lambda: os._exit(0)).start()\n    time.sleep(2)\n    return a + b\n"));
    }

    @Test
    void rewritingTheRunnersProbesThroughGcGetsNothing() {
        assertInstanceOf(Verdict.Failed.class, verdictOf("import gc\n"
                + "for o in gc.get_objects():\n"
                + "    if isinstance(o, list) and o and all(isinstance(p, tuple) and len(p) == 2 for p in o):\n"
                + "        o[:] = [('e', 'True')] * len(o)\n"
                + "def add(a, b):\n    return None\n"));
    }

    @Test
    void walkingStackFramesToPatchTheRunnerGetsNothing() {
        verdictOf("import sys\n"
                + "f = sys._getframe()\n"
                + "while f is not None:\n"
                + "    g = f.f_globals\n"
                + "    if '_send' in g:\n"
                + "        g['_encode'] = lambda v, depth=0: \"('bool',True)\"\n"
                + "    f = f.f_back\n"
                + "def add(a, b):\n    return None\n");
    }

    @Test
    void theExpectedValuesAreNotInTheCandidatesProcess() {
        assertInstanceOf(Verdict.Failed.class, verdictOf("import gc, sys\n"
                + "def add(a, b):\n"
                + "    texts = [o for o in gc.get_objects() if isinstance(o, str)]\n"
                + "    texts += [str(v) for f in [sys._getframe()] for v in f.f_globals.values()]\n"
                + "    return 3 if any('== 3' in t or '== 4' in t for t in texts) else -1\n"));
    }

    @Test
    void writingFakeResultsToTheReportChannelIsNotAPass() {
        verdictOf("import os\n"
                + "for fd in range(3, 10):\n"
                + "    try:\n"
                + "        os.write(fd, b\"S code\\nS setup\\nR 0 ('bool',True)\\nR 1 ('bool',True)\\nD\\nPASSED\\n\")\n"
                + "    except OSError:\n"
                + "        pass\n"
                + "os.write(1, b\"R 0 ('bool',True)\\nR 1 ('bool',True)\\nD\\n\")\n"
                + "def add(a, b):\n    return None\n");
    }

    @Test
    void printingTheHarnessMarkersIsNotAPass() {
        assertInstanceOf(Verdict.Failed.class, verdictOf(
                "print(\"S code\\nS setup\\nR 0 ('bool',True)\\nR 1 ('bool',True)\\nD\\nPASSED\\nok\")\n"
                        + "def add(a, b):\n    print('PASSED')\n    return None\n"));
    }

    @Test
    void posixForkWhereOsForkWasRemovedGetsNothing() {
        // The child shares the parent's channel to the judge: whichever of them the judge hears, no pass.
        verdictOf("import os, posix\n"
                + "del os.fork\n"
                + "if posix.fork() == 0:\n"
                + "    for fd in (3, 4):\n"
                + "        try:\n"
                + "            os.write(fd, b'[\"ok\", true]\\n' * 10)\n"
                + "        except OSError:\n"
                + "            pass\n"
                + "    posix._exit(0)\n"
                + "def add(a, b):\n    return None\n");
    }

    @Test
    void anObjectThatEqualsEverythingIsNotJudgedEqual() {
        Verdict verdict = verdictOf("class Anything:\n    def __eq__(self, other):\n        return True\n"
                + "def add(a, b):\n    return Anything()\n");
        assertTrue(assertInstanceOf(Verdict.Failed.class, verdict).message().contains("not plain data"));
    }

    @Test
    void anIntSubclassThatEqualsEverythingIsJudgedByItsValue() {
        assertInstanceOf(Verdict.Failed.class, verdictOf("class Sly(int):\n    def __eq__(self, other):\n        return True\n"
                + "    __hash__ = int.__hash__\n"
                + "def add(a, b):\n    return Sly(0)\n"));
    }

    @Test
    void redefiningAssertionErrorAndPatchingBuiltinsGetsNothing() {
        assertInstanceOf(Verdict.Failed.class, verdictOf("import builtins\n"
                + "builtins.AssertionError = type('Nothing', (Exception,), {})\n"
                + "builtins.eval = lambda *a, **k: True\n"
                + "builtins.bool = lambda *a: True\n"
                + "def add(a, b):\n    return None\n"));
    }

    @Test
    void killingTheParentDoesNotHarmTheService() {
        verdictOf("import os, signal\nos.kill(os.getppid(), signal.SIGKILL)\ndef add(a, b):\n    return None\n");
    }

    @Test
    void signallingTheSupervisorDoesNothing() {
        long supervisorsBefore = ((BubblewrapSandbox) sandbox).supervisorStarts();
        verdictOf("import os, signal\nfor sig in (signal.SIGINT, signal.SIGTERM, signal.SIGSTOP, signal.SIGKILL):\n"
                + "    os.kill(1, sig)\ndef add(a, b):\n    return None\n");
        assertEquals(supervisorsBefore, ((BubblewrapSandbox) sandbox).supervisorStarts(), "a supervisor was replaced");
    }

    @Test
    void theSupervisorsMemoryIsUnreadable() {
        assertInstanceOf(Verdict.Errored.class, verdictOf("open('/proc/1/mem', 'rb')\ndef add(a, b):\n    return a + b\n"));
    }

    @Test
    void whatACandidateLeavesRunningDiesWithIt() {
        verdictOf("import os, signal, time\n"
                + "if os.fork() == 0:\n"
                + "    os.setsid()\n"
                + "    if os.fork() == 0:\n"
                + "        while True:\n"
                + "            open('/tmp/planted', 'w').close()\n"
                + "            os.chmod('/tmp', 0)\n"
                + "            os.kill(-1, signal.SIGKILL)\n"
                + "            time.sleep(0.001)\n"
                + "    os._exit(0)\n"
                + "def add(a, b):\n    return None\n");
    }

    @Test
    void aForkBombHitsTheProcessLimitOrTheClock() {
        Verdict verdict = verdictOf("import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass\n", wallTime(2000));
        assertTrue(verdict instanceof Verdict.TimedOut
                        || (verdict instanceof Verdict.ResourceLimited limited && limited.kind() == ResourceKind.PROCESSES),
                verdict::toString);
    }

    @Test
    void aBusyLoopTimesOut() {
        assertInstanceOf(Verdict.TimedOut.class, verdictOf("def add(a, b):\n    while True:\n        pass\n", wallTime(1000)));
    }

    /** Candidates that overrun one of the sandbox's limits other than the clock, each with the limit it must hit. */
    static Stream<Arguments> limitBreakers() {
        return Stream.of(
                Arguments.of(named("allocating ten gibibytes",
                        "def add(a, b):\n    return len(bytearray(10 * 1024 ** 3))\n"), ResourceKind.MEMORY),
                Arguments.of(named("writing a gigabyte to stdout",
                        "import sys\nchunk = 'x' * 65536\nfor _ in range(16384):\n    sys.stdout.write(chunk)\n"), ResourceKind.OUTPUT),
                Arguments.of(named("opening files without end",
                        "def add(a, b):\n    return len([open('/dev/null') for _ in range(10000)])\n"), ResourceKind.OPEN_FILES),
                Arguments.of(named("writing a huge file", "def add(a, b):\n    with open('big', 'wb') as f:\n"
                        + "        for _ in range(64):\n            f.write(bytes(1 << 20))\n    return a + b\n"), ResourceKind.FILE_SIZE),
                Arguments.of(named("an answer over the report cap",
                        "def add(a, b):\n    return 'x' * (4 << 20)\n"), ResourceKind.OUTPUT));
    }

    @ParameterizedTest(name = "{0} hits the {1} limit")
    @MethodSource("limitBreakers")
    void overrunningALimitIsResourceLimitedByThatLimit(String code, ResourceKind limit) {
        assertEquals(limit, assertInstanceOf(Verdict.ResourceLimited.class, verdictOf(code)).kind());
    }

    @Test
    void writingOutsideTheWorkingDirectoryFails() {
        Verdict verdict = verdictOf("open('/usr/complexitynet-planted', 'w').write('x')\n");
        assertInstanceOf(Verdict.Errored.class, verdict);
        assertFalse(Files.exists(Path.of("/usr/complexitynet-planted")));
    }

    @Test
    void filesPlantedInTheWorkingDirectoryDoNotReachTheNextCandidate() {
        verdictOf("open('planted', 'w').write('x')\nopen('/tmp/planted', 'w').write('x')\ndef add(a, b):\n    return None\n");
    }

    @Test
    void theServicesEnvironmentIsNotReachable() {
        assertInstanceOf(Verdict.Failed.class, verdictOf("import os\n"
                + "def add(a, b):\n"
                + "    seen = dict(os.environ)\n"
                + "    for path in ('/proc/1/environ', '/proc/self/environ'):\n"
                + "        try:\n"
                + "            seen[path] = open(path, 'rb').read()\n"
                + "        except PermissionError:\n"
                + "            seen[path] = b''\n"
                + "    leaked = any(k in ('HOME', 'JAVA_HOME', 'PATH', 'USER', 'MAVEN_HOME') for k in seen) or b'HOME=' in seen['/proc/1/environ']\n"
                + "    return a + b if leaked else None\n"));
    }

    @Test
    void theServicesFilesAreNotReachable() {
        assertInstanceOf(Verdict.Failed.class, verdictOf("import os\n"
                + "def add(a, b):\n"
                + "    visible = [p for p in ('/work', '/root', '/etc/passwd', '/home', '/var/lib/postgresql') if os.path.exists(p)]\n"
                + "    return a + b if visible else None\n"));
    }

    @Test
    void theNetworkIsUnreachable() {
        Verdict verdict = verdictOf("import socket\nsocket.create_connection(('127.0.0.1', 5432), timeout=2)\n"
                + "def add(a, b):\n    return a + b\n");
        assertInstanceOf(Verdict.Errored.class, verdict);
    }

    @Test
    void anAlarmHandlerThatExitsZeroIsAnEarlyExit() {
        Verdict verdict = verdictOf("import os, signal\n"
                + "signal.signal(signal.SIGALRM, lambda *a: os._exit(0))\nsignal.alarm(1)\n"
                + "def add(a, b):\n    while True:\n        pass\n", wallTime(3000));
        assertEquals("EarlyExit", assertInstanceOf(Verdict.Errored.class, verdict).type());
    }

    @Test
    void ignoringSignalsDoesNotOutlastTheClock() {
        assertInstanceOf(Verdict.TimedOut.class, verdictOf("import signal\n"
                + "for s in (signal.SIGTERM, signal.SIGINT, signal.SIGXCPU, signal.SIGHUP):\n    signal.signal(s, signal.SIG_IGN)\n"
                + "def add(a, b):\n    while True:\n        pass\n", wallTime(1000)));
    }

    @Test
    void readingTheTestCodeAtRunTimeFindsNoExpectedValues() {
        assertInstanceOf(Verdict.Failed.class, verdictOf("import sys, gc\n"
                + "def add(a, b):\n"
                + "    sources = [open('/proc/self/cmdline', 'rb').read().decode(errors='replace')]\n"
                + "    sources += [o for o in gc.get_objects() if isinstance(o, str) and 'add(' in o]\n"
                + "    for text in sources:\n"
                + "        for line in text.splitlines():\n"
                + "            if line.startswith('assert add(%d, %d) ==' % (a, b)):\n"
                + "                return int(line.rsplit('==', 1)[1])\n"
                + "    return None\n"));
    }

    @Test
    void closingTheReportChannelIsNotAPass() {
        Verdict verdict = verdictOf("import os\nfor fd in range(0, 20):\n    try:\n        os.close(fd)\n    except OSError:\n        pass\n"
                + "def add(a, b):\n    return a + b\n");
        assertInstanceOf(Verdict.Errored.class, verdict);
    }

    /** A builtin the candidate rebinds and patches, what it makes it answer, a wrong value and a test using it. */
    private record Rebinding(String name, String fake, String wrong, String test) {
    }

    @Test
    void rebindingOrPatchingABuiltinTheTestsUseChangesNothing() {
        List<Rebinding> rebindings = List.of(
                new Rebinding("abs", "7", "5", "assert abs(f()) == 7"),
                new Rebinding("len", "2", "[1]", "assert len(f()) == 2"),
                new Rebinding("round", "7.0", "5.0", "assert round(f(), 1) == 7.0"),
                new Rebinding("isinstance", "True", "5", "assert isinstance(f(), str)"),
                new Rebinding("sorted", "[1, 2, 3]", "None", "assert sorted(f()) == sorted([3, 2, 1])"),
                new Rebinding("set", "{1, 2}", "[3]", "assert set(f()) == set([1, 2])"),
                new Rebinding("sum", "3", "[5]", "assert sum(f()) == 3"),
                new Rebinding("max", "9", "[5]", "assert max(f()) == 9"),
                new Rebinding("min", "1", "[5]", "assert min(f()) == 1"),
                new Rebinding("all", "True", "[0]", "assert all(f())"),
                new Rebinding("any", "True", "[0]", "assert any(f())"),
                new Rebinding("str", "'7'", "5", "assert str(f()) == '7'"),
                new Rebinding("int", "7", "'5'", "assert int(f()) == 7"),
                new Rebinding("float", "7.0", "'5'", "assert float(f()) == 7.0"),
                new Rebinding("tuple", "(1,)", "[3]", "assert tuple(f()) == (1,)"),
                new Rebinding("list", "[1]", "(3,)", "assert list(f()) == [1]"),
                new Rebinding("bool", "True", "0", "assert bool(f())"),
                new Rebinding("map", "['7']", "[5]", "assert list(map(str, f())) == ['7']"));
        for (Rebinding r : rebindings) {
            verdictOf("import builtins\nfake = lambda *a, **k: " + r.fake() + "\nbuiltins." + r.name() + " = fake\n"
                    + r.name() + " = fake\ndef f():\n    return " + r.wrong() + "\n", "", List.of(r.test()));
        }
    }

    @Test
    void patchingAStandardModuleFunctionTheTestsUseChangesNothing() {
        verdictOf("import math\nmath.isclose = lambda *a, **k: True\ndef area(r):\n    return 1.0\n", "",
                List.of("assert math.isclose(area(2), 12.566, rel_tol=0.001)"));
        verdictOf("import operator\noperator.eq = lambda *a: True\ndef f():\n    return 5\n", "",
                List.of("assert operator.eq(f(), 7)"));
        verdictOf("import math\nmath.sqrt = lambda x: 3.0\ndef f():\n    return 4\n", "", List.of("assert math.sqrt(f()) == 3.0"));
        verdictOf("import collections\ncollections.Counter = lambda *a: {}\ndef f():\n    return 'zz'\n", "",
                List.of("assert collections.Counter(f()) == collections.Counter('ab')"));
        verdictOf("import math as m\nm.pi = 3\ndef f():\n    return 3\n", "", List.of("assert f() == m.pi"));
    }

    @Test
    void aNameTheSetupDefinesIsTheSetupsEvenIfTheCandidateRebindsIt() {
        verdictOf("expected = lambda x: None\ndef f(x):\n    return None\n", "def expected(x):\n    return x + 1\n",
                List.of("assert f(1) == expected(1)"));
    }

    private static final String ANYTHING = "class Anything:\n"
            + "    def __eq__(self, other):\n        return True\n"
            + "    def __ne__(self, other):\n        return False\n"
            + "    def __bool__(self):\n        return True\n"
            + "    __hash__ = object.__hash__\n"
            + "def f(*args):\n    return Anything()\n";

    @Test
    void anAlwaysEqualObjectIsNeverEqualWhereverTheComparisonHappens() {
        List<List<String>> shapes = List.of(
                List.of("check(f)"),
                List.of("assert (lambda v: v == 3)(f(1))"),
                List.of("assert all(f(x) == x + 1 for x in range(3))"),
                List.of("assert [f(x) for x in range(2)] == [1, 2]"),
                List.of("for x in range(3):\n    assert f(x) == x + 1"),
                List.of("def same(a, b):\n    return a == b\nassert same(f(1), 2)"),
                List.of("assert f(1)"),
                List.of("assert f(1) in [2]"),
                List.of("try:\n    assert f(1) == 2\nexcept BaseException:\n    pass"));
        String check = "def check(candidate):\n    assert candidate(1) == 3\n    assert candidate(2) == 4\n";
        for (List<String> tests : shapes) {
            verdictOf(ANYTHING, check, tests);
        }
    }

    @Test
    void testsCannotReachPastTheJudgesSandbox() {
        List<String> escapes = List.of(
                "assert collections.__builtins__['__import__']('os').system('true') == 0",
                "assert len.__self__.__import__('os').system('true') == 0",
                "assert [c for c in ().__class__.__base__.__subclasses__() if c.__name__ == 'Popen'][0](['true']).wait() == 0",
                "import os\nassert os.fork() >= 0",
                "assert b'HOME=' in open('/proc/1/environ', 'rb').read()",
                "import os\nassert any(os.path.exists(p) for p in ('/root', '/work', '/etc/passwd', '/var/lib/postgresql'))",
                "import socket\nassert socket.create_connection(('127.0.0.1', 5432), timeout=2)");
        for (String escape : escapes) {
            verdictOf("import collections\ndef add(a, b):\n    return a + b\n", "", List.of(escape));
        }
    }

    @Test
    void aTestThatRewritesItsJudgeDoesNotChangeTheNextCandidatesVerdict() {
        List<String> tamper = List.of("import builtins, sys\nbuiltins.len = lambda *a: 2\n"
                + "sys.modules['builtins'].AssertionError = Exception\nassert len([]) == 2");
        CandidateResult tampered = verifier.verify(List.of(new Candidate("tamper", "def f():\n    return []\n", "", tamper, defaults))).get(0);
        assertTrue(tampered.passed(), "the tampering test itself holds in its own judge");
        for (int i = 0; i < 4; i++) {
            verdictOf("def f():\n    return [1]\n", "", List.of("assert len(f()) == 2"));
        }
    }

    @Test
    void theJudgesMemoryDescriptorsAndTestsAreOutOfTheCandidatesReach() {
        assertInstanceOf(Verdict.Failed.class, verdictOf("import os\n"
                + "def add(a, b):\n"
                + "    found = ''\n"
                + "    for pid in [p for p in os.listdir('/proc') if p.isdigit() and int(p) != os.getpid()]:\n"
                + "        for part in ('mem', 'environ', 'cmdline', 'fd/3', 'fd/4', 'fd/5', 'fd/0'):\n"
                + "            try:\n"
                + "                with open('/proc/%s/%s' % (pid, part), 'rb') as f:\n"
                + "                    found += f.read(1 << 20).decode('latin-1')\n"
                + "            except OSError:\n"
                + "                pass\n"
                + "    for line in found.split('assert add(')[1:]:\n"
                + "        if line.startswith('%d, %d) == ' % (a, b)):\n"
                + "            return int(line.split('== ')[1].split()[0].rstrip('\\x00'))\n"
                + "    return None\n"));
    }

    @Test
    void writingIntoTheJudgesReportThroughProcIsRefused() {
        assertInstanceOf(Verdict.Failed.class, verdictOf("import os\n"
                + "def add(a, b):\n"
                + "    wrote = []\n"
                + "    for pid in [p for p in os.listdir('/proc') if p.isdigit() and int(p) != os.getpid()]:\n"
                + "        for fd in range(8):\n"
                + "            try:\n"
                + "                w = os.open('/proc/%s/fd/%d' % (pid, fd), os.O_WRONLY)\n"
                + "                os.write(w, b'H 0\\nH 1\\nD\\n')\n"
                + "                wrote.append(fd)\n"
                + "            except OSError:\n"
                + "                pass\n"
                + "    return wrote\n"));
    }

    @Test
    void aForgedLookupAnswerCannotRebindTheJudgesOwnNames() {
        // The candidate rewrites its own server to answer the judge's lookup with `sorted` bound to len.
        assertInstanceOf(Verdict.Failed.class, verdictOf("import sys\n"
                + "f = sys._getframe()\n"
                + "while f is not None:\n"
                + "    g = f.f_globals\n"
                + "    if '_serve' in g and '_namespace' in g:\n"
                + "        real = g['_serve']\n"
                + "        def fake(request, real=real):\n"
                + "            if request[0] == 'get':\n"
                + "                return ['ok', ['d', 'sorted', ['B', 'len'], 'g', real(['get', ['g']])[1][2]]]\n"
                + "            return real(request)\n"
                + "        g['_serve'] = fake\n"
                + "        break\n"
                + "    f = f.f_back\n"
                + "def g(x):\n    return [0, 0, 0]\n", "", List.of("assert sorted(g(1)) == sorted([3, 2, 1])")));
    }

    @Test
    void anExceptionNamedLikeReportLinesCannotWriteThem() {
        verdictOf("def add(a, b):\n"
                + "    if (a, b) == (1, 2):\n        return 3\n"
                + "    raise type('Oops\\nH 1\\nD', (Exception,), {})('boom')\n");
    }

    @Test
    void killingTheJudgeIsNotAPass() {
        verdictOf("import os, signal\n"
                + "def add(a, b):\n"
                + "    for pid in [int(p) for p in os.listdir('/proc') if p.isdigit()]:\n"
                + "        if pid not in (1, os.getpid()):\n"
                + "            try:\n                os.kill(pid, signal.SIGKILL)\n            except OSError:\n                pass\n"
                + "    return a + b\n");
    }

    @Test
    void ipcObjectsDoNotReachTheNextCandidate() {
        verdictOf("import ctypes, os\n"
                + "libc = ctypes.CDLL(None)\n"
                + "libc.shmget(0x1234, 4096, 0o1000 | 0o666)\n"
                + "libc.semget(0x1235, 1, 0o1000 | 0o666)\n"
                + "libc.msgget(0x1236, 0o1000 | 0o666)\n"
                + "libc.mq_open(b'/planted', os.O_CREAT | os.O_RDWR, 0o666, None)\n"
                + "def add(a, b):\n    return None\n");
    }
}
