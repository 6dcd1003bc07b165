"""Mutants of a reference solution, made by rewriting its AST: pure and deterministic.

A mutant is one small, realistic bug (a flipped comparison, an off-by-one constant or slice bound, `and` for
`or`, a removed statement, swapped arguments, a default returned): hidden tests that accept it miss that bug.
Each mutant's id is derived from where and how the code was changed (`L42:C8 compare Lt->LtE`), never from an
order or a random draw, so a committed audit record stays valid across runs and machines. The mutated node's
source text is replaced in place (comments and layout elsewhere survive, so the diff is one or two lines); the
result is checked to parse into exactly the mutated tree.
"""

from __future__ import annotations

import ast
import difflib
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass

OPERATORS = ("compare", "constant", "slice", "boolop", "binop", "augassign", "unary", "remove", "swap-args",
             "return-default", "loop-control")

_COMPARE_SWAPS: dict[type, tuple[type, ...]] = {
    ast.Lt: (ast.LtE, ast.GtE), ast.LtE: (ast.Lt, ast.Gt), ast.Gt: (ast.GtE, ast.LtE), ast.GtE: (ast.Gt, ast.Lt),
    ast.Eq: (ast.NotEq,), ast.NotEq: (ast.Eq,), ast.Is: (ast.IsNot,), ast.IsNot: (ast.Is,),
    ast.In: (ast.NotIn,), ast.NotIn: (ast.In,),
}
_BINOP_SWAPS: dict[type, tuple[type, ...]] = {
    ast.Add: (ast.Sub,), ast.Sub: (ast.Add,), ast.Mult: (ast.Div,), ast.Div: (ast.Mult,),
    ast.FloorDiv: (ast.Div,), ast.Mod: (ast.FloorDiv,), ast.Pow: (ast.Mult,), ast.LShift: (ast.RShift,),
    ast.RShift: (ast.LShift,), ast.BitAnd: (ast.BitOr,), ast.BitOr: (ast.BitAnd,), ast.BitXor: (ast.BitOr,),
}
_REMOVABLE = (ast.Expr, ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Raise, ast.Break, ast.Continue, ast.Delete,
              ast.Assert)
_DEFAULTS = {"int": "0", "float": "0.0", "str": "''", "bool": "False", "list": "[]", "dict": "{}", "tuple": "()"}


@dataclass(frozen=True)
class Mutant:
    """One mutant: its stable id, the whole mutated source and a unified diff against the original."""

    id: str
    operator: str
    line: int
    col: int
    source: str
    diff: str


@dataclass(frozen=True)
class _Site:
    index: int                          # position of the node in ast.walk order (the same on every parse)
    operator: str
    label: str                          # e.g. "Lt->LtE"; with the position and operator, the mutant's id
    line: int
    col: int
    make: Callable[[ast.AST], ast.AST]  # node of a fresh parse -> its replacement


def _op_name(op: type | ast.AST) -> str:
    return op.__name__ if isinstance(op, type) else type(op).__name__


def _skipped_nodes(tree: ast.AST) -> set[int]:
    """ids of nodes never mutated: annotations, docstrings and f-strings (messages, not behaviour)."""
    roots: list[ast.AST] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.arg) and node.annotation is not None:
            roots.append(node.annotation)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.returns is not None:
            roots.append(node.returns)
        elif isinstance(node, ast.AnnAssign):
            roots.append(node.annotation)
        elif isinstance(node, ast.JoinedStr):
            roots.append(node)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and _docstring(node):
            roots.append(node.body[0])
    return {id(sub) for root in roots for sub in ast.walk(root)}


def _docstring(node: ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    first = node.body[0] if node.body else None
    return isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str)


def _parents(tree: ast.AST) -> dict[int, ast.AST]:
    return {id(child): node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}


def _return_default(func: ast.AST | None) -> str:
    """The value a lazy implementation would return: the annotated type's empty value, else None."""
    returns = getattr(func, "returns", None)
    if isinstance(returns, ast.Subscript):
        returns = returns.value
    if isinstance(returns, ast.Name):
        return _DEFAULTS.get(returns.id, "None")
    return "None"


def _replace_op(node: ast.AST, field: str, op: type) -> ast.AST:
    clone = _shallow(node)
    setattr(clone, field, op())
    return clone


def _shallow(node: ast.AST) -> ast.AST:
    clone = type(node)(**{name: getattr(node, name) for name in node._fields if hasattr(node, name)})
    return ast.copy_location(clone, node)


def _sites(tree: ast.Module) -> Iterator[_Site]:
    skipped = _skipped_nodes(tree)
    parents = _parents(tree)
    for index, node in enumerate(ast.walk(tree)):
        if id(node) in skipped:
            continue
        yield from _node_sites(index, node, parents)


def _in_function(node: ast.AST, parents: dict[int, ast.AST]) -> ast.AST | None:
    while id(node) in parents:
        node = parents[id(node)]
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            return node
    return None


def _node_sites(index: int, node: ast.AST, parents: dict[int, ast.AST]) -> Iterator[_Site]:
    at = (getattr(node, "lineno", 0), getattr(node, "col_offset", 0))
    if isinstance(node, ast.Compare):
        for i, op in enumerate(node.ops):
            where = node if i == 0 else node.comparators[i - 1]
            for new in _COMPARE_SWAPS.get(type(op), ()):
                def make(n: ast.AST, i: int = i, new: type = new) -> ast.AST:
                    ops = list(n.ops)
                    ops[i] = new()
                    return ast.Compare(left=n.left, ops=ops, comparators=n.comparators)
                yield _Site(index, "compare", f"{_op_name(op)}->{_op_name(new)}", where.lineno, where.col_offset,
                            make)
    elif isinstance(node, ast.Constant) and not isinstance(node.value, (str, bytes)) and node.value is not None:
        value = node.value
        if isinstance(value, bool):
            yield _Site(index, "constant", f"{value}->{not value}", *at, lambda n: ast.Constant(not n.value))
        elif isinstance(value, (int, float)):
            for delta in (1, -1):
                new_value = value + delta
                yield _Site(index, "constant", f"{value!r}->{new_value!r}", *at,
                            lambda n, v=new_value: ast.parse(repr(v), mode="eval").body)  # -1 is USub(1)
    elif isinstance(node, ast.Slice):
        for field in ("lower", "upper", "step"):
            bound = getattr(node, field)
            if bound is None or isinstance(bound, ast.Constant):  # constants are the constant operator's
                continue
            for sign, op in (("+", ast.Add), ("-", ast.Sub)):
                def make(n: ast.AST, field: str = field, op: type = op) -> ast.AST:
                    clone = _shallow(n)
                    setattr(clone, field, ast.BinOp(getattr(n, field), op(), ast.Constant(1)))
                    return clone
                yield _Site(index, "slice", f"{field}{sign}1", bound.lineno, bound.col_offset, make)
    elif isinstance(node, ast.BoolOp):
        new = ast.Or if isinstance(node.op, ast.And) else ast.And
        yield _Site(index, "boolop", f"{_op_name(node.op)}->{_op_name(new)}", *at,
                    lambda n, new=new: _replace_op(n, "op", new))
    elif isinstance(node, (ast.BinOp, ast.AugAssign)):
        kind = "binop" if isinstance(node, ast.BinOp) else "augassign"
        for new in _BINOP_SWAPS.get(type(node.op), ()):
            yield _Site(index, kind, f"{_op_name(node.op)}->{_op_name(new)}", *at,
                        lambda n, new=new: _replace_op(n, "op", new))
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.Not, ast.USub)):
        yield _Site(index, "unary", f"drop {_op_name(node.op)}", *at, lambda n: n.operand)
    elif isinstance(node, ast.Call) and len(node.args) >= 2:
        for i in range(len(node.args) - 1):
            if isinstance(node.args[i], ast.Starred) or isinstance(node.args[i + 1], ast.Starred):
                continue
            def make(n: ast.AST, i: int = i) -> ast.AST:
                args = list(n.args)
                args[i], args[i + 1] = args[i + 1], args[i]
                return ast.Call(func=n.func, args=args, keywords=n.keywords)
            yield _Site(index, "swap-args", f"{i}<->{i + 1}", *at, make)
    if isinstance(node, ast.Return) and node.value is not None:
        default = _return_default(_in_function(node, parents))
        if ast.dump(node.value) != ast.dump(ast.parse(default, mode="eval").body):
            yield _Site(index, "return-default", default, *at,
                        lambda n, d=default: ast.Return(ast.parse(d, mode="eval").body))
    if isinstance(node, (ast.Break, ast.Continue)):
        new = ast.Continue if isinstance(node, ast.Break) else ast.Break
        yield _Site(index, "loop-control", f"{_op_name(node)}->{_op_name(new)}", *at, lambda n, new=new: new())
    if isinstance(node, _REMOVABLE) and _in_function(node, parents) is not None:
        yield _Site(index, "remove", _op_name(node), *at, lambda n: ast.Pass())


def _with_replacement(tree: ast.Module, index: int, make: Callable[[ast.AST], ast.AST]) -> tuple[ast.AST, ast.AST]:
    """Replace the node at `index` (ast.walk order) inside `tree`; returns (old node, new node)."""
    nodes = list(ast.walk(tree))
    target = nodes[index]
    parent = _parents(tree)[id(target)]
    new = make(target)
    for field, value in ast.iter_fields(parent):
        if value is target:
            setattr(parent, field, new)
            break
        if isinstance(value, list) and any(item is target for item in value):
            value[next(i for i, item in enumerate(value) if item is target)] = new
            break
    return target, new


def _splice(source: bytes, node: ast.AST, text: str) -> bytes:
    """`source` with the bytes of `node` (positions are UTF-8 byte offsets) replaced by `text`."""
    starts = [0]
    for line in source.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    begin = starts[node.lineno - 1] + node.col_offset
    end = starts[node.end_lineno - 1] + node.end_col_offset
    return source[:begin] + text.encode("utf-8") + source[end:]


def _mutated_source(source: str, site: _Site) -> tuple[str, str]:
    """(mutated source, dump of the mutated tree); the source is spliced where that parses to the same tree."""
    tree = ast.parse(source)
    old, new = _with_replacement(tree, site.index, site.make)
    wanted = ast.dump(tree)
    raw = source.encode("utf-8")
    text = ast.unparse(new)
    for candidate in (text, f"({text})"):
        try:
            mutated = _splice(raw, old, candidate).decode("utf-8")
            if ast.dump(ast.parse(mutated)) == wanted:
                return mutated, wanted
        except SyntaxError:
            continue
    return ast.unparse(tree) + "\n", wanted  # layout lost, behaviour exact


def generate(source: str, filename: str = "solution.py") -> list[Mutant]:
    """Every mutant of `source` that compiles and differs from it and from the others, sorted by id."""
    original = ast.parse(source)
    original_dump = ast.dump(original)
    seen = {original_dump}
    found: dict[str, Mutant] = {}
    for site in _sites(original):
        mutated, dump = _mutated_source(source, site)
        if dump in seen:
            continue
        try:
            compile(mutated, filename, "exec")
        except (SyntaxError, ValueError):
            continue
        seen.add(dump)
        mutant_id = f"L{site.line}:C{site.col} {site.operator} {site.label}"
        diff = "".join(difflib.unified_diff(source.splitlines(keepends=True), mutated.splitlines(keepends=True),
                                            f"a/{filename}", f"b/{filename}", n=1))
        found.setdefault(mutant_id, Mutant(mutant_id, site.operator, site.line, site.col, mutated, diff))
    return sorted(found.values(), key=sort_key)


def sort_key(mutant: Mutant) -> tuple[int, int, str]:
    return mutant.line, mutant.col, mutant.id


def sample(mutants: list[Mutant], count: int | None, salt: str) -> list[Mutant]:
    """At most `count` mutants, the same ones for the same inputs and salt (the problem id), in id order."""
    if count is None or count >= len(mutants):
        return list(mutants)
    chosen = random.Random(f"mutants:{salt}:{count}").sample(sorted(m.id for m in mutants), count)
    keep = set(chosen)
    return [m for m in mutants if m.id in keep]
