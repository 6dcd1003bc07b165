"""Blank stubs generated from the reference: signatures and docstrings kept, bodies replaced.

Never written by hand, so a stub always matches the binding entry points of its reference.
"""

from __future__ import annotations

import ast
import copy

from judge.examples import examples_text, load_examples
from judge.problems import Problem
from judge.templating import environment


class StubError(Exception):
    """The reference lacks an entry point the problem declares (a problem-folder bug)."""


def _blank_body(node: ast.FunctionDef | ast.AsyncFunctionDef) -> list[ast.stmt]:
    body: list[ast.stmt] = []
    doc = ast.get_docstring(node, clean=False)
    if doc is not None:
        body.append(ast.Expr(ast.Constant(doc)))
    body.append(ast.Raise(exc=ast.Name("NotImplementedError", ast.Load()), cause=None))
    return body


def _blank_function(node: ast.FunctionDef | ast.AsyncFunctionDef) -> ast.stmt:
    node = copy.deepcopy(node)
    node.body = _blank_body(node)
    return node


def _blank_class(node: ast.ClassDef) -> ast.ClassDef:
    node = copy.deepcopy(node)
    body: list[ast.stmt] = []
    doc = ast.get_docstring(node, clean=False)
    if doc is not None:
        body.append(ast.Expr(ast.Constant(doc)))
    for item in node.body:
        if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and (
            not item.name.startswith("_") or item.name == "__init__"
        ):
            body.append(_blank_function(item))
    node.body = body or [ast.Pass()]
    return node


def _needed_imports(tree: ast.Module, blocks: list[ast.stmt]) -> list[str]:
    """The reference's top-level imports that the stub's signatures use (`np` in `x: np.ndarray`), no others:
    an import the algorithm needs (`bisect`, `fractions`) would be a hint."""
    used = {n.id for block in blocks for n in ast.walk(block) if isinstance(n, ast.Name)}
    lines = []
    for node in tree.body:
        if isinstance(node, ast.Import | ast.ImportFrom) and not (
            isinstance(node, ast.ImportFrom) and node.module == "__future__"
        ):
            names = [a for a in node.names if (a.asname or a.name).split(".")[0] in used]
            if names:
                lines.append(ast.unparse(type(node)(**{**node.__dict__, "names": names})))
    return lines


def stub_parts(reference_source: str, entry_points: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """(imports the signatures need, the source of each entry point with a `raise NotImplementedError` body)."""
    tree = ast.parse(reference_source)
    found = {}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            found[node.name] = _blank_function(node)
        elif isinstance(node, ast.ClassDef):
            found[node.name] = _blank_class(node)
    missing = [name for name in entry_points if name not in found]
    if missing:
        raise StubError(f"the reference defines no {', '.join(missing)}")
    blocks = [found[name] for name in entry_points]
    return _needed_imports(tree, blocks), [ast.unparse(ast.fix_missing_locations(b)) for b in blocks]


def _summary(problem: Problem) -> str:
    """The statement's first paragraph, as the stub's introduction."""
    for paragraph in problem.statement().split("\n\n"):
        text = paragraph.strip()
        if text and not text.startswith("#"):
            return text
    return ""


def _docstring_safe(text: str) -> str:
    """Text that stays inside a triple-quoted docstring as written."""
    return text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')


def render_stub(problem: Problem) -> str:
    template = environment().get_template("stub.py.j2")
    imports, blocks = stub_parts(problem.reference_path.read_text(encoding="utf-8"), problem.entry_points)
    return template.render(
        title=problem.title,
        problem_id=problem.id,
        difficulty=problem.difficulty,
        module=problem.module,
        entry_points=problem.entry_points,
        forbidden=problem.forbidden,
        summary=_summary(problem),
        examples=_docstring_safe(examples_text(load_examples(problem))),
        imports=imports,
        blocks=blocks,
    )


def render_practice_readme(problems: list[Problem]) -> str:
    """The README.md `judge init` writes beside the stubs: how to practise (the examples first), what is there."""
    template = environment().get_template("init/README.md.j2")
    return template.render(problems=problems, example=problems[0])
