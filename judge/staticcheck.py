"""The static scan run on a submission before anything executes: syntax, entry points, forbidden names.

Works on the parsed code only, so a comment or a string that mentions a forbidden name is fine.
A bare forbidden name (`sorted`, `heapq`) rejects that name, reaching it through `builtins`, and
importing it (`re.compile` is not the builtin `compile`); a dotted one (`list.sort`,
`sys.setrecursionlimit`) rejects the attribute (`.sort`) anywhere and importing the full path
(`from sys import setrecursionlimit`).
"""

from __future__ import annotations

import ast
import builtins
from dataclasses import dataclass

from judge.forbid import module_variants


@dataclass(frozen=True)
class CompileProblem:
    message: str
    line: int | None = None

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


def _defined_names(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names.update(t.id for t in targets if isinstance(t, ast.Name))
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
    return names


class _ForbiddenFinder(ast.NodeVisitor):
    def __init__(self, forbidden: tuple[str, ...]) -> None:
        self.bare = {f for f in forbidden if "." not in f}
        self.bare |= {v for f in self.bare if not hasattr(builtins, f) for v in module_variants(f)}  # `_heapq`
        self.attributes = {f.rsplit(".", 1)[1]: f for f in forbidden if "." in f}
        self.dotted = {f for f in forbidden if "." in f}
        self.found: CompileProblem | None = None

    def _hit(self, node: ast.AST, name: str) -> None:
        if self.found is None:
            self.found = CompileProblem(f"use of forbidden name '{name}'", getattr(node, "lineno", None))

    def visit_Name(self, node: ast.Name) -> None:
        if node.id in self.bare:
            self._hit(node, node.id)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        through_builtins = isinstance(node.value, ast.Name) and node.value.id in ("builtins", "__builtins__")
        if node.attr in self.bare and through_builtins:
            self._hit(node, node.attr)
        elif node.attr in self.attributes:
            self._hit(node, self.attributes[node.attr])
        self.generic_visit(node)

    def _module_hit(self, node: ast.AST, module: str) -> None:
        parts = module.split(".")
        for i in range(1, len(parts) + 1):
            prefix = ".".join(parts[:i])
            if prefix in self.bare or prefix in self.dotted:
                self._hit(node, prefix)
                return

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._module_hit(node, alias.name)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        module = node.module or ""
        self._module_hit(node, module)
        for alias in node.names:
            if alias.name in self.bare:
                self._hit(node, alias.name)
            full = f"{module}.{alias.name}" if module else alias.name
            if full in self.dotted:
                self._hit(node, full)


REFLECTION_FUNCTIONS = frozenset({"getattr", "setattr", "delattr", "hasattr"})  # fine with a literal name
REFLECTION_NAMES = frozenset({"vars", "globals", "locals", "__import__", "__builtins__", "__loader__", "__spec__"})
REFLECTION_ATTRIBUTES = frozenset({
    "__dict__", "__getattribute__", "__getattr__", "__closure__", "__globals__", "__code__", "__builtins__",
    "__subclasses__", "__import__", "__loader__", "__spec__", "__wrapped__", "cell_contents", "f_back", "f_globals",
    "f_locals", "f_builtins", "gi_frame", "cr_frame", "tb_frame", "_getframe", "modules", "attrgetter",
    "methodcaller",
})
REFLECTION_MODULES = frozenset({"importlib", "inspect", "gc", "ctypes", "imp", "runpy", "pkgutil", "code", "codeop"})


class _ReflectionFinder(ast.NodeVisitor):
    """In a problem with forbidden names, the ways to reach a name without writing it are refused too:
    getattr with a computed name, namespaces as dicts, frames and closures, the import machinery."""

    def __init__(self) -> None:
        self.found: CompileProblem | None = None
        self._literal_calls: set[int] = set()

    def _hit(self, node: ast.AST, what: str) -> None:
        if self.found is None:
            self.found = CompileProblem(
                f"{what} is not allowed in a problem with forbidden names (it can reach a name without writing it)",
                getattr(node, "lineno", None))

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if isinstance(func, ast.Name) and func.id in REFLECTION_FUNCTIONS:
            name = node.args[1] if len(node.args) > 1 else None
            if isinstance(name, ast.Constant) and isinstance(name.value, str):
                self._literal_calls.add(id(func))
            else:
                self._hit(node, f"{func.id}() with a computed attribute name")
        self.generic_visit(node)

    def visit_Name(self, node: ast.Name) -> None:
        if node.id in REFLECTION_NAMES:
            self._hit(node, f"'{node.id}'")
        elif node.id in REFLECTION_FUNCTIONS and id(node) not in self._literal_calls:
            self._hit(node, f"'{node.id}' used as a value")

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if node.attr in REFLECTION_ATTRIBUTES:
            self._hit(node, f"the attribute '{node.attr}'")
        self.generic_visit(node)

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            if alias.name.partition(".")[0] in REFLECTION_MODULES:
                self._hit(node, f"the module '{alias.name}'")

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        module = node.module or ""
        if module.partition(".")[0] in REFLECTION_MODULES:
            self._hit(node, f"the module '{module}'")
        for alias in node.names:
            if alias.name in REFLECTION_NAMES | REFLECTION_FUNCTIONS | REFLECTION_ATTRIBUTES:
                self._hit(node, f"importing '{alias.name}'")


def check_source(source: str, entry_points: tuple[str, ...], forbidden: tuple[str, ...],
                 filename: str = "<submission>") -> CompileProblem | None:
    """The first reason the submission cannot be judged, or None."""
    try:
        tree = ast.parse(source, filename=filename)
    except SyntaxError as exc:
        return CompileProblem(f"SyntaxError: {exc.msg}", exc.lineno)
    except ValueError as exc:  # e.g. source with NUL bytes
        return CompileProblem(f"cannot be parsed: {exc}")
    defined = _defined_names(tree)
    for name in entry_points:
        if name not in defined:
            return CompileProblem(f"missing entry point '{name}' (define it at the top level of the module)")
    finder = _ForbiddenFinder(forbidden)
    finder.visit(tree)
    if finder.found is not None or not forbidden:
        return finder.found
    reflection = _ReflectionFinder()
    reflection.visit(tree)
    return reflection.found
