# ComplexityNet candidate server: the only code that shares a process with a candidate. It loads the
# candidate's module and then serves the judge (judge.py, another process that never loads candidate
# code): it looks up the names the tests need, calls them, reads and sets attributes, iterates. Every
# value goes back as plain data (plaindata.py above); what is not plain data stays here and goes back
# as a handle. It never sees a test or an expected value, only the arguments the tests pass.
# The supervisor runs this module once, before any fork; main() runs in a process it forked for this
# candidate alone, with its pipes as
#   0: /dev/null   1, 2: the candidate's capped output   3: requests from the judge   4: replies to it
import os, resource


def _read_input(buf):
    head, _, rest = bytes(buf).partition(b"\n")
    if head != b"CN2":
        raise ValueError("unknown runner protocol")
    limits, _, rest = rest.partition(b"\n")
    length, _, rest = rest.partition(b"\n")
    return [int(v) for v in limits.split()], rest[:int(length)].decode()


_LIMITS = (resource.RLIMIT_CPU, resource.RLIMIT_AS, resource.RLIMIT_FSIZE, resource.RLIMIT_NPROC,
           resource.RLIMIT_NOFILE)
_code = None
_read, _write, _exit = os.read, os.write, os._exit
_getattr, _setattr, _iter, _next, _id = getattr, setattr, iter, next, id
_str, _type, _BaseException = str, type, BaseException
_objects, _handles = [], {}
_GLOBAL_COPY_BYTES = 65536
_pending = bytearray()


def _handle_of(value):
    key = _id(value)
    index = _handles.get(key)
    if index is None:
        index = len(_objects)
        _objects.append(value)
        _handles[key] = index
    return ["h", index]


def _object(index):
    if not 0 <= index < len(_objects):
        raise ValueError("no candidate object %d" % index)
    return _objects[index]


def _module(name):
    import importlib
    return importlib.import_module(name)


def _encode(value):
    try:
        return plain_encode(value, _handle_of)
    except (NotPlainData, RecursionError):
        return _handle_of(value)


def _decode(node):
    return plain_decode(node, _object, _module)


def _raised(error):
    try:
        message = _str(error)
    except _BaseException:
        message = "(the exception's message could not be read)"
    errno = _getattr(error, "errno", None)
    try:
        args = plain_encode(error.args, _refuse)
    except _BaseException:
        args = None
    return ["raise", _type(error).__name__, errno if _type(errno) is int else None, message[:2000], args]


def _refuse(value):
    raise NotPlainData("not plain data")


def _send(message):
    data = (plain_dumps(message) + "\n").encode("ascii")
    while data:
        data = data[_write(4, data):]


def _request():
    while True:
        end = _pending.find(b"\n")
        if end >= 0:
            line = bytes(_pending[:end])
            del _pending[:end + 1]
            return plain_loads(line)
        chunk = _read(3, 65536)
        if not chunk:
            _exit(0)
        _pending.extend(chunk)


_namespace = {"__name__": "__main__", "__builtins__": __builtins__}


def _serve(request):
    op = request[0]
    if op == "load":
        exec(compile(_code, "<code>", "exec"), _namespace)
        return ["ok"]
    if op == "get":
        found = ["d"]
        for name in request[1]:
            if _type(name) is str and name in _namespace:
                value = _encode(_namespace[name])
                # A large global the tests may never read goes as a handle, not as a copy.
                found += [name, value if len(plain_dumps(value)) <= _GLOBAL_COPY_BYTES else _handle_of(_namespace[name])]
        return ["ok", found]
    target = _object(request[1])
    if op == "call":
        args = [_decode(v) for v in request[2]]
        kwargs = {k: _decode(v) for k, v in request[3]}
        result = target(*args, **kwargs)
        # What the call did to its arguments goes back too: MBPP has functions that work in place.
        return ["ok", _encode(result), [_encode(v) for v in args], [_encode(v) for v in kwargs.values()]]
    if op == "getattr":
        return ["ok", _encode(_getattr(target, request[2]))]
    if op == "setattr":
        _setattr(target, request[2], _decode(request[3]))
        return ["ok", None]
    if op == "iter":
        return ["ok", _handle_of(_iter(target))]
    if op == "next":
        return ["ok", _encode(_next(target))]
    raise ValueError("unknown request %r" % (op,))


def main(data):
    """Runs in the forked process: data is this candidate's input, handed over by the supervisor."""
    global _code
    limits, _code = _read_input(data)
    # Hard limits equal soft limits, so the candidate cannot raise them again.
    for res, value in zip(_LIMITS, limits):
        resource.setrlimit(res, (value, value))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    while True:
        message = _request()
        try:
            reply = _serve(message)
        except _BaseException as error:
            reply = _raised(error)
        _send(reply)
