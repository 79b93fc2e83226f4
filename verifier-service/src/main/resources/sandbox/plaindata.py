# ComplexityNet plain data: the only form in which values cross between the candidate's process and
# the judge's. Prepended to both runner.py and judge.py. A message is one line of JSON; a value is a
# JSON null, boolean, number or string, or a JSON array whose first element tags it:
#   ["l", items...] list   ["t", items...] tuple   ["s", items...] set   ["f", items...] frozenset
#   ["d", k1, v1, k2, v2, ...] dict   ["b", hex] bytes   ["c", real, imag] complex
#   ["h", id] an object of the candidate's that is not plain data (a handle: it can be passed back
#             to candidate code, never compared)
#   ["B", name] a builtin of a clean interpreter (int, str, len, ...)   ["m", name] a module
# Decoding builds exact base types only: no subclass, so no __eq__ or __hash__ but Python's own.
import json as _cn_json, builtins as _cn_builtins

_CN_MAX_DEPTH = 200
_cn_type, _cn_isinstance, _cn_len = type, isinstance, len
_cn_list_iter, _cn_tuple_iter = list.__iter__, tuple.__iter__
_cn_set_iter, _cn_frozenset_iter, _cn_dict_items = set.__iter__, frozenset.__iter__, dict.items
_cn_str_copy, _cn_complex = str.__str__, complex
_cn_bytes_hex, _cn_bytes_fromhex = bytes.hex, bytes.fromhex
_cn_module_type = _cn_type(_cn_json)
# Names of the builtins that may cross by name: the types and functions of a clean interpreter.
_CN_BUILTINS = {name: value for name, value in vars(_cn_builtins).items()
                if not name.startswith("_") and (_cn_isinstance(value, type) or callable(value))}
_CN_BUILTIN_NAMES = {id(value): name for name, value in _CN_BUILTINS.items()}


class NotPlainData(ValueError):
    """A value or message that is not plain data in the form above."""


def plain_encode(value, other, depth=0):
    """The JSON-ready form of a value; subclasses of the base types by their base content, read with
    the base types' own methods; anything else is handed to other(value)."""
    if depth > _CN_MAX_DEPTH:
        raise NotPlainData("value nested more than %d deep" % _CN_MAX_DEPTH)
    t = _cn_type(value)
    if value is None or t is bool or t is str or t is int or t is float:
        return value
    inner = depth + 1
    if _cn_isinstance(value, list):
        return ["l"] + [plain_encode(v, other, inner) for v in _cn_list_iter(value)]
    if _cn_isinstance(value, tuple):
        return ["t"] + [plain_encode(v, other, inner) for v in _cn_tuple_iter(value)]
    if _cn_isinstance(value, dict):
        out = ["d"]
        for k, v in _cn_dict_items(value):
            out.append(plain_encode(k, other, inner))
            out.append(plain_encode(v, other, inner))
        return out
    if _cn_isinstance(value, set):
        return ["s"] + [plain_encode(v, other, inner) for v in _cn_set_iter(value)]
    if _cn_isinstance(value, frozenset):
        return ["f"] + [plain_encode(v, other, inner) for v in _cn_frozenset_iter(value)]
    if _cn_isinstance(value, int):
        return int.__index__(value)
    if _cn_isinstance(value, float):
        return float.__float__(value)
    if _cn_isinstance(value, str):
        return _cn_str_copy(value)
    if _cn_isinstance(value, bytes):
        return ["b", _cn_bytes_hex(value)]
    if _cn_isinstance(value, complex):
        value = _cn_complex(value)
        return ["c", value.real, value.imag]
    if t is _cn_module_type:
        return ["m", str(value.__name__)]
    name = _CN_BUILTIN_NAMES.get(id(value))
    if name is not None and _CN_BUILTINS.get(name) is value:
        return ["B", name]
    return other(value)


def plain_decode(node, handle, module, depth=0):
    """Exact base-typed values from the JSON form; handle(id) and module(name) build the two others."""
    if depth > _CN_MAX_DEPTH:
        raise NotPlainData("value nested more than %d deep" % _CN_MAX_DEPTH)
    t = _cn_type(node)
    if node is None or t is bool or t is int or t is float or t is str:
        return node
    if t is not list or not node or _cn_type(node[0]) is not str:
        raise NotPlainData("not a tagged value: %.80r" % (node,))
    tag, rest, inner = node[0], node[1:], depth + 1
    if tag in ("l", "t", "s", "f"):
        items = [plain_decode(v, handle, module, inner) for v in rest]
        try:
            return list(items) if tag == "l" else tuple(items) if tag == "t" else \
                set(items) if tag == "s" else frozenset(items)
        except TypeError as error:
            raise NotPlainData(str(error))
    if tag == "d":
        if _cn_len(rest) % 2:
            raise NotPlainData("a dict with an odd number of keys and values")
        out = {}
        try:
            for i in range(0, _cn_len(rest), 2):
                out[plain_decode(rest[i], handle, module, inner)] = plain_decode(rest[i + 1], handle, module, inner)
        except TypeError as error:
            raise NotPlainData(str(error))
        return out
    if tag == "b" and _cn_len(rest) == 1 and _cn_type(rest[0]) is str:
        try:
            return _cn_bytes_fromhex(rest[0])
        except ValueError as error:
            raise NotPlainData(str(error))
    if tag == "c" and _cn_len(rest) == 2 and all(_cn_type(v) in (int, float) for v in rest):
        return complex(rest[0], rest[1])
    if tag == "h" and _cn_len(rest) == 1 and _cn_type(rest[0]) is int:
        return handle(rest[0])
    if tag == "B" and _cn_len(rest) == 1 and rest[0] in _CN_BUILTINS:
        return _CN_BUILTINS[rest[0]]
    if tag == "m" and _cn_len(rest) == 1 and _cn_type(rest[0]) is str:
        return module(rest[0])
    raise NotPlainData("unknown value tag %.40r" % tag)


def plain_dumps(message):
    return _cn_json.dumps(message, ensure_ascii=True, allow_nan=True, separators=(",", ":"))


def plain_loads(line):
    try:
        return _cn_json.loads(line)
    except (ValueError, RecursionError) as error:
        raise NotPlainData("unreadable message: %s" % error)
