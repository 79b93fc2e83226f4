# ComplexityNet judge: decides outside the candidate's process whether each test held.
# Trusted: it never runs candidate code. It reads requests as JSON lines on stdin and answers
# each with one JSON line on stdout:
#   {"op": "plan", "code": ..., "setup": ..., "tests": [...]}
#     -> {"probes": [{"kind": "e"|"s"|"g", "source": ...}], "checks": [{"probes": [i...], "residual": src|null}]}
#   {"op": "judge", "checks": [...], "values": {"<probe>": "<tagged literal>"}}
#     -> {"outcomes": [{"state": "held"|"failed"|"raised"|"missing", ...}]}
# A probe is the part of a test that calls candidate code; the residual is the rest of the
# assertion with the probes' values in their place, evaluated here with a fixed set of names.
import ast, builtins, cmath, collections, decimal, fractions, json, math, operator, string, sys

sys.set_int_max_str_digits(0)
sys.setrecursionlimit(10000)

SAFE_BUILTINS = {name: getattr(builtins, name) for name in (
    "abs", "all", "any", "ascii", "bin", "bool", "bytes", "chr", "complex", "dict", "divmod",
    "enumerate", "filter", "float", "format", "frozenset", "hash", "hex", "int", "isinstance",
    "issubclass", "iter", "len", "list", "map", "max", "min", "next", "oct", "ord", "pow", "range",
    "repr", "reversed", "round", "set", "slice", "sorted", "str", "sum", "tuple", "type", "zip",
    "True", "False", "None", "Exception", "ValueError", "TypeError")}
SAFE_MODULES = {"math": math, "cmath": cmath, "collections": collections, "decimal": decimal,
                "fractions": fractions, "operator": operator, "string": string}
SAFE_NAMES = set(SAFE_BUILTINS) | set(SAFE_MODULES)
PROBE = "_cn_probe_%d"
SCOPES = (ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp, ast.NamedExpr,
          ast.Await, ast.Yield, ast.YieldFrom)


def bound_names(source):
    """Top-level names a module binds, read from its syntax; empty when it does not parse."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return set()
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, ast.alias):
            names.add((node.asname or node.name).split(".")[0])
        elif isinstance(node, ast.Global):
            names.update(node.names)
    return names


class Planner:
    def __init__(self, shadowed):
        self.safe = SAFE_NAMES - shadowed
        self.probes = []

    def pure(self, node):
        return all(n.id in self.safe for n in ast.walk(node) if isinstance(n, ast.Name))

    def probe(self, node):
        kind = "g" if isinstance(node, ast.GeneratorExp) else "e"
        self.probes.append({"kind": kind, "source": ast.unparse(node)})
        name = ast.Name(PROBE % (len(self.probes) - 1), ast.Load())
        if kind == "g":
            return ast.Call(ast.Name("iter", ast.Load()), [name], [])
        return name

    def residualize(self, node):
        """The expression with every maximal candidate-dependent part replaced by a probe."""
        if self.pure(node):
            return node
        if isinstance(node, SCOPES) or isinstance(node, ast.Name):
            return self.probe(node)
        if isinstance(node, ast.Call) and not self.pure(node.func):
            return self.probe(node)
        if isinstance(node, ast.Call):
            # A pure function applied to candidate values, e.g. set(f(x)) or math.isclose(f(x), 2.0).
            return ast.Call(node.func, [self.residualize(a) for a in node.args],
                            [ast.keyword(k.arg, self.residualize(k.value)) for k in node.keywords])
        if isinstance(node, (ast.Compare, ast.BoolOp, ast.UnaryOp, ast.BinOp, ast.IfExp,
                             ast.Tuple, ast.List, ast.Set, ast.Dict, ast.Subscript, ast.Attribute,
                             ast.Starred, ast.JoinedStr, ast.FormattedValue, ast.Slice)):
            for field, value in ast.iter_fields(node):
                if isinstance(value, ast.expr):
                    setattr(node, field, self.residualize(value))
                elif isinstance(value, list):
                    setattr(node, field, [self.residualize(v) if isinstance(v, ast.expr) else v
                                          for v in value])
            return node
        return self.probe(node)


def plan(request):
    shadowed = bound_names(request.get("code", "")) | bound_names(request.get("setup", ""))
    planner = Planner(shadowed)
    checks = []
    for index, test in enumerate(request["tests"]):
        try:
            statements = ast.parse(test).body
        except SyntaxError as error:
            return {"invalid": {"field": "tests[%d]" % index,
                                "problem": "is not valid Python: %s (line %s)" % (error.msg, error.lineno)}}
        first = len(planner.probes)
        residuals = []
        for statement in statements:
            if isinstance(statement, ast.Assert):
                residual = planner.residualize(statement.test)
                residuals.append(ast.unparse(residual))
            else:
                planner.probes.append({"kind": "s", "source": ast.unparse(statement)})
        checks.append({"probes": list(range(first, len(planner.probes))),
                       "residual": " and ".join("(%s)" % r for r in residuals) or None})
    return {"probes": planner.probes, "checks": checks}


class Unjudgeable(Exception):
    """A probe returned something other than plain data."""


def decode(node):
    tag = node[0]
    if tag == "n":
        return None
    if tag in ("int", "float", "complex", "str", "bytes", "bool"):
        value = node[1]
        return float(value) if tag == "float" and isinstance(value, str) else value
    if tag in ("list", "tuple", "set", "frozenset", "deque"):
        items = [decode(v) for v in node[1]]
        return {"list": list, "tuple": tuple, "set": set, "frozenset": frozenset,
                "deque": collections.deque}[tag](items)
    if tag in ("dict", "Counter", "OrderedDict", "defaultdict"):
        pairs = [(decode(k), decode(v)) for k, v in node[1]]
        if tag == "defaultdict":
            return collections.defaultdict(None, pairs)
        if tag == "Counter":
            return collections.Counter(dict(pairs))
        return {"dict": dict, "OrderedDict": collections.OrderedDict}[tag](pairs)
    if tag == "range":
        return range(node[1], node[2], node[3])
    if tag == "?":
        raise Unjudgeable("returned a %s, which is not plain data the verifier can compare" % node[1])
    raise ValueError("unknown value tag %r" % (tag,))


def parse_value(text):
    # float('nan') and float('inf') print as bare names, which are not literals.
    text = text.replace("('float',nan)", "('float','nan')").replace("('float',inf)", "('float','inf')")
    text = text.replace("('float',-inf)", "('float','-inf')")
    return decode(ast.literal_eval(text))


def shorten(text, limit=200):
    return text if len(text) <= limit else text[:limit] + "..."


def judge(request):
    values = request["values"]
    outcomes = []
    for check in request["checks"]:
        names = {}
        try:
            for index in check["probes"]:
                if str(index) not in values:
                    raise LookupError
                names[PROBE % index] = parse_value(values[str(index)])
        except LookupError:
            outcomes.append({"state": "missing"})
            continue
        except Unjudgeable as error:
            outcomes.append({"state": "failed", "message": str(error)})
            continue
        except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError) as error:
            outcomes.append({"state": "failed", "message": "returned a value that could not be read: %s"
                             % shorten(str(error))})
            continue
        if check["residual"] is None:
            outcomes.append({"state": "held"})
            continue
        scope = dict(SAFE_MODULES)
        scope["__builtins__"] = SAFE_BUILTINS
        scope.update(names)
        try:
            held = bool(eval(compile(check["residual"], "<test>", "eval"), scope))
        except Exception as error:
            outcomes.append({"state": "raised", "type": type(error).__name__,
                             "message": shorten(str(error))})
            continue
        if held:
            outcomes.append({"state": "held"})
        else:
            got = ", ".join(shorten(repr(v)) for v in names.values())
            outcomes.append({"state": "failed", "message": "got " + got if got else "assertion is false"})
    return {"outcomes": outcomes}


def main():
    for line in sys.stdin:
        try:
            request = json.loads(line)
            response = plan(request) if request["op"] == "plan" else judge(request)
        except Exception as error:
            response = {"error": "%s: %s" % (type(error).__name__, shorten(str(error)))}
        sys.stdout.write(json.dumps(response) + "\n")
        sys.stdout.flush()


main()
