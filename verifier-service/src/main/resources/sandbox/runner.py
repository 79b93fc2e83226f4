# ComplexityNet sandbox runner: the only code that shares a process with a candidate.
# It never sees a test's expected values: it runs the candidate, the setup and the *probes*
# (the parts of each test that call candidate code) and writes each probe's value as plain,
# tagged data. The judge, in another process, decides whether the tests held.
# Runs in a process the supervisor (supervisor.py) forked from a clean interpreter for this
# candidate alone; imports only built-in modules.
import os, sys, resource, builtins

def _read_input(buf):
    pos = 0
    def line():
        nonlocal pos
        end = buf.index(b"\n", pos)
        text = buf[pos:end].decode()
        pos = end + 1
        return text
    def chunk():
        nonlocal pos
        n = int(line())
        data = buf[pos:pos + n].decode()
        pos += n
        return data
    if line() != "CN1":
        raise ValueError("unknown runner protocol")
    limits = [int(v) for v in line().split()]
    count = int(line())
    code, setup = chunk(), chunk()
    probes = []
    for _ in range(count):
        kind = line()
        probes.append((kind, chunk()))
    return limits, code, setup, probes

# _CN_INPUT: this candidate's input, handed over by the supervisor that forked this process.
_limits, _code, _setup, _probes = _read_input(_CN_INPUT)
del _CN_INPUT
del _read_input

# Hard limits equal soft limits, so the candidate cannot raise them again.
for _res, _value in zip((resource.RLIMIT_CPU, resource.RLIMIT_AS, resource.RLIMIT_FSIZE,
                         resource.RLIMIT_NPROC, resource.RLIMIT_NOFILE), _limits):
    resource.setrlimit(_res, (_value, _value))
resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
sys.set_int_max_str_digits(0)

# Probe values travel on the original stdout; the candidate's own output goes to stderr, which the
# service caps. Writing to this descriptor cannot help a candidate: it never learns what is expected.
_channel = os.dup(1)
os.dup2(2, 1)
_write = os.write
_exit = os._exit
_type = type
_isinstance = isinstance
_repr = {int: int.__repr__, float: float.__repr__, complex: complex.__repr__,
         str: str.__repr__, bytes: bytes.__repr__, bool: bool.__repr__}
_dict_items, _list_iter, _tuple_iter = dict.items, list.__iter__, tuple.__iter__
_set_iter, _frozenset_iter = set.__iter__, frozenset.__iter__
_str, _len = str, len
try:
    import collections as _collections
    _named = {_collections.Counter: "Counter", _collections.OrderedDict: "OrderedDict",
              _collections.defaultdict: "defaultdict", _collections.deque: "deque"}
except ImportError:
    _named = {}


def _encode(value, depth=0):
    """Tagged literal text of a plain value, built with the base types' own methods."""
    if depth > 200:
        raise RecursionError("value nested too deeply")
    t = _type(value)
    if value is None:
        return "('n',)"
    if t in _repr:
        return "('%s',%s)" % (t.__name__, _repr[t](value))
    if t in _named:
        tag = _named[t]
        if tag == "deque":
            return "('deque',[%s])" % ",".join(_encode(v, depth + 1) for v in value)
        return "('%s',[%s])" % (tag, ",".join(
            "(%s,%s)" % (_encode(k, depth + 1), _encode(v, depth + 1)) for k, v in _dict_items(value)))
    if t is range:
        return "('range',%d,%d,%d)" % (value.start, value.stop, value.step)
    for base, tag, items in ((list, "list", _list_iter), (tuple, "tuple", _tuple_iter),
                             (set, "set", _set_iter), (frozenset, "frozenset", _frozenset_iter)):
        if _isinstance(value, base):
            return "('%s',[%s])" % (tag, ",".join(_encode(v, depth + 1) for v in items(value)))
    if _isinstance(value, dict):
        return "('dict',[%s])" % ",".join(
            "(%s,%s)" % (_encode(k, depth + 1), _encode(v, depth + 1)) for k, v in _dict_items(value))
    for base in (bool, int, float, complex, str, bytes):
        if _isinstance(value, base):
            return "('%s',%s)" % (base.__name__, _repr[base](value))
    return "('?',%s)" % _repr[str](t.__module__ + "." + t.__qualname__)


def _send(text):
    data = (text + "\n").encode("utf-8", "backslashreplace")
    while data:
        data = data[_write(_channel, data):]


def _failure(where, error):
    try:
        errno = getattr(error, "errno", None)
        message = _str(error)
    except BaseException:
        errno, message = None, "(the exception's message could not be read)"
    if _len(message) > 300:
        message = message[:300] + "..."
    _send("E %s %s %s %s" % (where, _type(error).__name__, errno if _type(errno) is int else "-",
                              _repr[str](message)))


_namespace = {"__name__": "__main__", "__builtins__": builtins}
for _where, _source in (("code", _code), ("setup", _setup)):
    try:
        exec(compile(_source, "<%s>" % _where, "exec"), _namespace)
    except BaseException as error:
        _failure(_where, error)
        _exit(0)
    _send("S %s" % _where)

for _index, (_kind, _source) in enumerate(_probes):
    try:
        if _kind == "s":
            exec(compile(_source, "<test %d>" % _index, "exec"), _namespace)
            _value = None
        else:
            _value = eval(compile(_source, "<test %d>" % _index, "eval"), _namespace)
            if _kind == "g":
                _value = list(_value)
        _encoded = _encode(_value)
    except BaseException as error:
        _failure(_index, error)
        _exit(0)
    _send("R %d %s" % (_index, _encoded))
_send("D")
# Skip atexit hooks and thread joins: the candidate's run is over.
_exit(0)
