# ComplexityNet judge: runs the setup code and the tests in a clean interpreter that never loads
# candidate code, in the same sandbox as the candidate. Every name the tests use that the candidate is
# asked to provide is bound here to what the candidate's process (runner.py) answers for it: plain data
# as its value, anything else as a CandidateObject whose calls, attributes and iteration run over
# there, with arguments and results crossing as plain data (plaindata.py above). Every other name
# means what it means in a clean interpreter: builtins, the standard library, what the setup defines.
# A CandidateObject cannot be compared, tested for truth or converted: a test that tries fails.
# The supervisor runs this module once, before any fork; main() runs in a process it forked for this
# candidate alone, with its pipes as
#   0: /dev/null   1, 2: /dev/null   3: replies from the candidate   4: requests to it   5: the report
# The report, one line each (messages as Python string literals):
#   I <field> <message>             the setup code or a test is not valid Python; nothing ran
#   S code | S setup                the candidate's module loaded | the setup code ran
#   H <i>                           test i held
#   F <i> <message>                 test i did not hold
#   E <where> <type> <errno|-> <message>   code, setup or test i raised (type OutputLimit: an answer
#                                   of the candidate's process was over the cap)
#   G <where>                       the candidate's process ended while code, setup or test i waited on it
#   X <message>                     the judge itself failed (the verifier's fault, not the candidate's)
#   D                               done
# (and J <exit code>, added by the supervisor when this process ended without finishing)
import ast, builtins, importlib, os, resource, sys

_write = os.write
_str_repr = str.__repr__


class CandidateGone(BaseException):
    """The candidate's process ended or stopped answering in the protocol."""


class Unjudgeable(BaseException):
    """A test tried to compare or convert a value that is not plain data."""


class CandidateError(Exception):
    """An exception of the candidate's own class, raised in its process."""


class Run:
    """This run's state: the cap on one answer, whether the candidate's process is gone, and what the
    current test did that decides its outcome beyond raising."""
    reply_cap = 0
    gone = None
    answer_too_large = False
    unjudgeable = None
    got = []


def _read_input(buf):
    data, pos = bytes(buf), 0

    def line():
        nonlocal pos
        end = data.index(b"\n", pos)
        text = data[pos:end].decode()
        pos = end + 1
        return text

    def chunk():
        nonlocal pos
        n = int(line())
        text = data[pos:pos + n].decode()
        pos += n
        return text

    if line() != "CN2":
        raise ValueError("unknown judge protocol")
    limits = [int(v) for v in line().split()]
    reply_cap = int(line())
    provides = [chunk() for _ in range(int(line()))]
    setup = chunk()
    tests = [chunk() for _ in range(int(line()))]
    return limits, reply_cap, provides, setup, tests


def report(*fields):
    data = (" ".join(str(f) for f in fields) + "\n").encode("utf-8", "backslashreplace")
    while data:
        data = data[_write(5, data):]


def quote(text, limit=300):
    text = str(text)
    return _str_repr(text if len(text) <= limit else text[:limit] + "...")


def finish():
    report("D")
    os._exit(0)


# ---- talking to the candidate's process ------------------------------------------------------------

_pending = bytearray()


def _reply():
    while True:
        end = _pending.find(b"\n")
        if 0 <= end <= Run.reply_cap:
            line = bytes(_pending[:end])
            del _pending[:end + 1]
            return line
        if end > Run.reply_cap or len(_pending) > Run.reply_cap:
            Run.answer_too_large = True
            raise CandidateGone("the candidate's process answered with more than %d bytes" % Run.reply_cap)
        try:
            chunk = os.read(3, 65536)
        except OSError as error:
            raise CandidateGone("reading its answer failed: %s" % error)
        if not chunk:
            raise CandidateGone("the candidate's process ended")
        _pending.extend(chunk)


def ask(*message):
    request(*message)
    return answer()


def request(*message):
    """Sends a request without waiting: answers come back in the order of the requests. A process that
    is gone is noted, and answer() raises for it."""
    if Run.gone:
        return
    try:
        data = (plain_dumps(list(message)) + "\n").encode("ascii")
        while data:
            data = data[os.write(4, data):]
    except OSError as error:
        Run.gone = str(error)


def answer():
    """The next answer of the candidate's process: its values, or the exception it raised, raised here."""
    if Run.gone:
        raise CandidateGone(Run.gone)
    try:
        reply = plain_loads(_reply())
        if type(reply) is not list or not reply or reply[0] not in ("ok", "raise"):
            raise NotPlainData("not an answer: %.80r" % (reply,))
        raised = _rebuilt(reply) if reply[0] == "raise" else None
    except (CandidateGone, OSError, NotPlainData) as error:
        Run.gone = Run.gone or str(error) or type(error).__name__
        raise CandidateGone(Run.gone)
    # Raised here, not above: the candidate's own OSError is its answer, not a broken channel.
    if raised is not None:
        raise raised
    return reply[1:]


def _rebuilt(answer):
    """The exception the candidate raised, as an exception of this interpreter: a builtin class by its
    own name, anything else as CandidateError. Its arguments cross as plain data or not at all."""
    if len(answer) != 5 or type(answer[1]) is not str or type(answer[3]) is not str:
        raise NotPlainData("a malformed exception")
    name, errno, message, args = answer[1], answer[2], answer[3], answer[4]
    # The name goes into the report unquoted: only a Python name, so no answer can write a report line.
    if not (name.isidentifier() and name.isascii() and len(name) <= 100):
        name = CandidateError.__name__
    cls = getattr(builtins, name, None)
    if not (isinstance(cls, type) and issubclass(cls, BaseException)):
        error = CandidateError("%s: %s" % (name, message))
    else:
        try:
            values = decode(args) if args is not None else None
            error = cls(*values) if type(values) is tuple else cls(message)
        except Exception:
            try:
                error = cls(message)
            except Exception:
                error = CandidateError("%s: %s" % (name, message))
    error._cn_type = name
    error._cn_errno = errno if type(errno) is int else None
    return error


_objects = {}


def _object(index):
    proxy = _objects.get(index)
    if proxy is None:
        proxy = object.__new__(CandidateObject)
        object.__setattr__(proxy, "_cn_id", index)
        _objects[index] = proxy
    return proxy


def _module(name):
    # A module crosses by name: here it is this clean interpreter's own, whatever the candidate did to its copy.
    if name.partition(".")[0] not in sys.stdlib_module_names:
        raise NotPlainData("module %.80r is not in the standard library" % name)
    return importlib.import_module(name)


def decode(node):
    return plain_decode(node, _object, _module)


def _cannot_cross(value):
    raise TypeError("cannot pass a %s to candidate code: only plain data, builtins, standard modules and"
                    " the candidate's own objects can cross" % type(value).__name__)


def encode(value):
    if type(value) is CandidateObject:
        return ["h", object.__getattribute__(value, "_cn_id")]
    return plain_encode(value, lambda v: encode(v) if type(v) is CandidateObject else _cannot_cross(v))


def _refresh(old, new):
    """Makes a value the test passed equal, in place, to its state after the call; False where it cannot."""
    if type(old) is list and type(new) is list:
        for i in range(min(len(old), len(new))):
            if not _refresh(old[i], new[i]):
                old[i] = new[i]
        del old[len(new):]
        old.extend(new[len(old):])
        return True
    if type(old) is dict and type(new) is dict:
        for key in [k for k in old if k not in new]:
            del old[key]
        for key, value in new.items():
            if not (key in old and _refresh(old[key], value)):
                old[key] = value
        return True
    if type(old) is set and type(new) is set:
        old.clear()
        old.update(new)
        return True
    if type(old) is tuple and type(new) is tuple and len(old) == len(new):
        return all(_refresh(a, b) for a, b in zip(old, new))
    return old is new or (type(old) is type(new) and type(old) in (int, str, bytes, bool) and old == new)


def _note(value):
    if len(Run.got) < 3:
        Run.got.append(value)
    return value


def call(target, args, kwargs):
    index = object.__getattribute__(target, "_cn_id")
    result, after, kwafter = ask("call", index, [encode(a) for a in args],
                                 [[k, encode(v)] for k, v in kwargs.items()])
    for old, new in zip(list(args) + list(kwargs.values()), list(after) + list(kwafter)):
        _refresh(old, decode(new))
    return _note(decode(result))


def _unjudgeable(self, *args):
    index = object.__getattribute__(self, "_cn_id")
    Run.unjudgeable = Run.unjudgeable or ("returned an object that is not plain data (candidate object %d),"
                                          " which the verifier cannot compare" % index)
    raise Unjudgeable(Run.unjudgeable)


class CandidateObject:
    """An object that lives in the candidate's process: it can be called, its attributes read and
    set, iterated, and passed back to candidate code; nothing else."""
    __slots__ = ("_cn_id",)

    def __call__(self, *args, **kwargs):
        return call(self, args, kwargs)

    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return _note(decode(ask("getattr", object.__getattribute__(self, "_cn_id"), name)[0]))

    def __setattr__(self, name, value):
        ask("setattr", object.__getattribute__(self, "_cn_id"), name, encode(value))

    def __iter__(self):
        iterator = decode(ask("iter", object.__getattribute__(self, "_cn_id"))[0])
        index = object.__getattribute__(iterator, "_cn_id")
        while True:
            try:
                item = ask("next", index)[0]
            except StopIteration:
                return
            yield decode(item)

    def __len__(self):
        # TypeError, not Unjudgeable: list() and tuple() ask for a length only as a hint, then iterate.
        raise TypeError("the candidate's object is not plain data and has no length here")

    def __repr__(self):
        return "<candidate object %d>" % object.__getattribute__(self, "_cn_id")

    __hash__ = object.__hash__


for _name in ("eq", "ne", "lt", "le", "gt", "ge", "bool", "getitem", "setitem",
              "delitem", "str", "format", "bytes", "int", "float", "complex", "index", "round", "trunc",
              "floor", "ceil", "abs", "neg", "pos", "invert", "add", "sub", "mul", "matmul", "truediv",
              "floordiv", "mod", "divmod", "pow", "lshift", "rshift", "and", "or", "xor", "radd", "rsub",
              "rmul", "rmatmul", "rtruediv", "rfloordiv", "rmod", "rdivmod", "rpow", "rlshift", "rrshift",
              "rand", "ror", "rxor", "enter", "exit", "instancecheck", "subclasscheck"):
    setattr(CandidateObject, "__%s__" % _name, _unjudgeable)


# ---- which names are the candidate's ----------------------------------------------------------------

def _bound_at_top(tree):
    """Names a module binds in its own scope: they are the setup's or the tests', not the candidate's."""
    names = set()
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
            names.update(n for sub in ast.walk(node) if isinstance(sub, ast.Global) for n in sub.names)
            continue
        if isinstance(node, (ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
            continue
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            names.add(node.id)
        elif isinstance(node, ast.alias):
            names.add((node.asname or node.name).split(".")[0])
        elif isinstance(node, ast.ExceptHandler) and node.name:
            names.add(node.name)
        stack.extend(ast.iter_child_nodes(node))
    return names


def candidate_names(trees, provides):
    """The names asked of the candidate: those given, and every other name the setup and tests read
    that neither binds and that is not a builtin or a standard-library module."""
    loaded, bound = set(), set()
    for tree in trees:
        bound |= _bound_at_top(tree)
        loaded.update(n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load))
    free = loaded - bound
    asked = {n for n in free if not hasattr(builtins, n) and n not in sys.stdlib_module_names}
    modules = {n for n in free if n in sys.stdlib_module_names and not hasattr(builtins, n)}
    return sorted(asked | set(provides)), sorted(modules - set(provides))


# ---- the run ----------------------------------------------------------------------------------------

def _compile(field, source):
    try:
        tree = compile(source, "<%s>" % field, "exec", ast.PyCF_ONLY_AST)
        return tree, compile(tree, "<%s>" % field, "exec")
    except SyntaxError as error:
        report("I", field, quote("is not valid Python: %s (line %s)" % (error.msg, error.lineno)))
    except (ValueError, RecursionError, MemoryError) as error:
        report("I", field, quote("is not valid Python: %s" % (error or type(error).__name__)))
    finish()


def _outcome(where, error):
    """Reports how code, setup or a test that did not finish normally ended."""
    if Run.answer_too_large:
        report("E", where, "OutputLimit", "-", quote(Run.gone))
        return
    if Run.gone:
        report("G", where)
        return
    if Run.unjudgeable and where not in ("code", "setup"):
        report("F", where, quote(Run.unjudgeable))
        return
    if isinstance(error, AssertionError) and not hasattr(error, "_cn_type") and where not in ("code", "setup"):
        got = ", ".join(quote(repr(v), 200)[1:-1] for v in Run.got)
        report("F", where, quote("got " + got if got else str(error) or "assertion is false"))
        return
    name = getattr(error, "_cn_type", type(error).__name__)
    if not (type(name) is str and name.isidentifier() and name.isascii() and len(name) <= 100):
        name = "Exception"
    errno = getattr(error, "_cn_errno", None)
    if errno is None and isinstance(getattr(error, "errno", None), int):
        errno = error.errno
    try:
        message = str(error)
    except Exception:
        message = "(the exception's message could not be read)"
    report("E", where, name, "-" if errno is None else errno, quote(message))


def judge(provides, setup, sources):
    # The candidate's code loads while the tests are read here; should they not parse, nothing is lost.
    request("load")
    setup_tree, setup_code = _compile("setup_code", setup)
    tests = [_compile("tests[%d]" % i, source) for i, source in enumerate(sources)]
    asked, modules = candidate_names([setup_tree] + [tree for tree, _ in tests], provides)
    asked_set = set(asked)
    namespace = {"__name__": "__main__", "__builtins__": builtins}
    request("get", asked)
    try:
        answer()
    except BaseException as error:
        _outcome("code", error)
        finish()
    report("S", "code")
    try:
        for name in modules:
            try:
                namespace[name] = importlib.import_module(name)
            except ImportError:
                pass
        found = decode(answer()[0])
        if type(found) is not dict:
            raise CandidateGone("the candidate's process answered a lookup with a %s" % type(found).__name__)
        # Only the names asked for: an answer naming `sorted` or `math` must not rebind the judge's own.
        namespace.update((name, value) for name, value in found.items() if name in asked_set)
        exec(setup_code, namespace)
    except BaseException as error:
        _outcome("setup", error)
        finish()
    report("S", "setup")
    for index, (_, code) in enumerate(tests):
        Run.got, Run.unjudgeable = [], None
        try:
            exec(code, namespace)
        except BaseException as error:
            _outcome(index, error)
            finish()
        if Run.gone or Run.unjudgeable:
            _outcome(index, None)
            finish()
        report("H", index)
    finish()


def main(data):
    """Runs in the forked process: data is this candidate's setup and tests, handed over by the supervisor."""
    try:
        limits, Run.reply_cap, provides, setup, sources = _read_input(data)
        for res, value in zip((resource.RLIMIT_CPU, resource.RLIMIT_AS, resource.RLIMIT_FSIZE,
                               resource.RLIMIT_NPROC, resource.RLIMIT_NOFILE), limits):
            resource.setrlimit(res, (value, value))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        # Tests never need a process of their own; a test that tries to start one (a shell, say) cannot.
        resource.setrlimit(resource.RLIMIT_NPROC, (0, 0))
        sys.setrecursionlimit(10000)
        judge(provides, setup, sources)
    except BaseException as error:
        report("X", quote("%s: %s" % (type(error).__name__, error)))
        os._exit(1)
