"""A problem's public examples as data (`problems/<id>/examples.toml`), written once.

The statement's Examples section, `judge show`, the stub's docstring and the generic `examples` group of the
hidden tests all read them from here. An example is one call of an entry point or a short session of calls
(a class's methods, or a forward pass whose cache the backward pass takes), each step a line of Python:

    [[examples]]
    call = "sort([5, 2, 3, 1])"
    result = "[1, 2, 3, 5]"

Arguments and results are Python literals (tuples, None, big ints), names bound by earlier steps, and `+`/`-`
between them; in a problem that preloads NumPy, lists become float64 arrays (bool arrays when all bools).
"""

from __future__ import annotations

import ast
import builtins
import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

EXAMPLES_FILE = "examples.toml"
BEGIN = "<!-- examples: generated from examples.toml by `python -m judge.examples --write`; edit that file -->"
END = "<!-- end of the generated examples -->"
ARRAYS_NOTE = ("In these examples a list stands for a NumPy array: `[[1.0, 2.0]]` is `np.array([[1.0, 2.0]])` "
               "(float64; a bool array when it holds only True and False). The answers are arrays too.")
_EXCEPTIONS = {name for name in dir(builtins) if isinstance(getattr(builtins, name), type)
               and issubclass(getattr(builtins, name), Exception)}


class ExampleError(Exception):
    """examples.toml is not valid, or the reference disagrees with it: a problem-folder bug, never the solver's."""


@dataclass(frozen=True)
class Step:
    """One line of an example: `[targets =] callee(arguments)`, with what it returns or raises."""

    source: str
    targets: tuple[str, ...]           # names the result is bound to (unpacked when more than one)
    callee: tuple[str, ...]            # ("sort",) or ("a", "malloc"): an entry point or a bound object's method
    args: tuple[ast.expr, ...]
    kwargs: tuple[tuple[str, ast.expr], ...]
    result: str | dict[str, str] | None = None  # a literal, or a literal per unpacked name (None: not checked)
    also: tuple[str, ...] = ()         # other valid answers, listed
    any_valid: bool = False            # `result` is one valid answer of many not listed
    raises: str | None = None
    note: str = ""

    @property
    def function(self) -> str:
        return ".".join(self.callee)


@dataclass(frozen=True)
class Example:
    name: str
    steps: tuple[Step, ...]
    explanation: str = ""
    arrays: bool = False                # lists are NumPy arrays (the problem preloads numpy)

    def arguments(self, step: Step, bound: dict[str, Any]) -> tuple[tuple, dict]:
        """The step's arguments, evaluated with `bound` (the names earlier steps bound on one side, passed on
        as they are: a cache the submission returned stays its own)."""
        args = tuple(_evaluate(node, bound, self.value) for node in step.args)
        return args, {key: _evaluate(node, bound, self.value) for key, node in step.kwargs}

    def value(self, plain: Any) -> Any:
        """A value of the data as the entry points take it (lists as arrays in a NumPy problem)."""
        return _arrays(plain) if self.arrays else plain

    def expected(self, step: Step) -> list[Any]:
        """The answers the data accepts for a step (its result, then `also`), as values; empty when unchecked."""
        if step.result is None or step.any_valid:
            return []
        if isinstance(step.result, dict):
            return [{name: self.value(ast.literal_eval(text)) for name, text in step.result.items()}]
        return [self.value(ast.literal_eval(text)) for text in (step.result, *step.also)]


def _arrays(value: Any) -> Any:
    if isinstance(value, list):
        import numpy as np  # only NumPy problems get here

        flat = np.asarray(value, dtype=object).ravel()
        is_bool = flat.size > 0 and all(isinstance(v, bool) for v in flat)
        return np.asarray(value, dtype=np.bool_ if is_bool else np.float64)
    if isinstance(value, tuple):
        return tuple(_arrays(v) for v in value)
    return value


_OPERATORS: dict[type, Callable[[Any, Any], Any]] = {ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b}


def _evaluate(node: ast.expr, bound: dict[str, Any], convert: Callable[[Any], Any] = lambda v: v) -> Any:
    """A literal (through `convert`), a bound name, or `+`/`-` between those."""
    if isinstance(node, ast.Name) and node.id in bound:
        return bound[node.id]
    if isinstance(node, ast.BinOp) and type(node.op) in _OPERATORS:
        return _OPERATORS[type(node.op)](_evaluate(node.left, bound, convert), _evaluate(node.right, bound, convert))
    return convert(ast.literal_eval(node))


def _names(node: ast.expr) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


# -- loading -----------------------------------------------------------------------------------------------------

_STEP_KEYS = {"call", "result", "also", "any_valid", "raises", "note"}
_EXAMPLE_KEYS = {"name", "explanation", "steps"} | _STEP_KEYS


def _parse_step(table: dict, entry_points: tuple[str, ...], bound: set[str], where: str) -> Step:
    unknown = sorted(set(table) - _STEP_KEYS)
    if unknown:
        raise ExampleError(f"{where}: unknown key {unknown[0]!r}")
    source = table.get("call")
    if not isinstance(source, str) or not source.strip():
        raise ExampleError(f"{where}: 'call' must be a line of Python, e.g. \"sort([3, 1, 2])\"")
    try:
        statement = ast.parse(source.strip()).body
    except SyntaxError as exc:
        raise ExampleError(f"{where}: {source!r} is not Python: {exc.msg}") from None
    node = statement[0] if len(statement) == 1 else None
    targets: tuple[str, ...] = ()
    if isinstance(node, ast.Assign) and len(node.targets) == 1:
        target = node.targets[0]
        items = target.elts if isinstance(target, ast.Tuple) else [target]
        if not all(isinstance(t, ast.Name) for t in items):
            raise ExampleError(f"{where}: {source!r} may bind plain names only")
        targets = tuple(t.id for t in items)
        node = ast.Expr(node.value)
    if not isinstance(node, ast.Expr) or not isinstance(node.value, ast.Call):
        raise ExampleError(f"{where}: {source!r} must be one call, `f(...)` or `name = f(...)`")
    call = node.value
    if isinstance(call.func, ast.Name) and call.func.id in entry_points:
        callee: tuple[str, ...] = (call.func.id,)
    elif isinstance(call.func, ast.Attribute) and isinstance(call.func.value, ast.Name) \
            and call.func.value.id in bound and not call.func.attr.startswith("_"):
        callee = (call.func.value.id, call.func.attr)
    else:
        raise ExampleError(f"{where}: {source!r} calls neither an entry point ({', '.join(entry_points)}) "
                           "nor a public method of an object an earlier step bound")
    arguments = [*call.args, *(k.value for k in call.keywords)]
    if any(k.arg is None for k in call.keywords) or any(isinstance(a, ast.Starred) for a in call.args):
        raise ExampleError(f"{where}: {source!r}: no *args or **kwargs")
    for argument in arguments:
        unbound = _names(argument) - bound
        if unbound:
            raise ExampleError(f"{where}: {source!r} uses {sorted(unbound)[0]!r} before a step binds it")
        try:
            _evaluate(argument, dict.fromkeys(bound, 0))
        except (ValueError, TypeError, SyntaxError):
            raise ExampleError(f"{where}: the arguments of {source!r} must be literals, bound names and +/-") \
                from None
    result, raises = table.get("result"), table.get("raises")
    if result is not None and raises is not None:
        raise ExampleError(f"{where}: 'result' and 'raises' exclude each other")
    if raises is not None and raises not in _EXCEPTIONS:
        raise ExampleError(f"{where}: 'raises' must name a built-in exception, not {raises!r}")
    if isinstance(result, dict) and set(result) - set(targets):
        raise ExampleError(f"{where}: a result per name needs those names bound by {source!r}")
    texts = list(result.values()) if isinstance(result, dict) else [result] if result is not None else []
    texts += list(table.get("also", []))
    for text in texts:
        try:
            ast.literal_eval(text)
        except (ValueError, TypeError, SyntaxError):
            raise ExampleError(f"{where}: {text!r} is not a Python literal") from None
    return Step(source.strip(), targets, callee, tuple(call.args), tuple((k.arg, k.value) for k in call.keywords),
                result=result, also=tuple(table.get("also", ())), any_valid=bool(table.get("any_valid", False)),
                raises=raises, note=str(table.get("note", "")))


def parse_examples(raw: dict, entry_points: tuple[str, ...], arrays: bool = False) -> tuple[Example, ...]:
    """The examples of a parsed examples.toml; ExampleError names the first thing wrong."""
    tables = raw.get("examples")
    if set(raw) - {"examples"} or not isinstance(tables, list) or not tables \
            or not all(isinstance(t, dict) for t in tables):
        raise ExampleError("examples.toml must hold [[examples]] tables only, at least one")
    examples = []
    for number, table in enumerate(tables, 1):
        where = f"example {number}"
        unknown = sorted(set(table) - _EXAMPLE_KEYS)
        if unknown:
            raise ExampleError(f"{where}: unknown key {unknown[0]!r}")
        if ("steps" in table) == ("call" in table):
            raise ExampleError(f"{where}: give either 'call' (one call) or 'steps' (a list of calls)")
        step_tables = table["steps"] if "steps" in table else [{k: v for k, v in table.items() if k in _STEP_KEYS}]
        if "steps" in table and set(table) & _STEP_KEYS:
            raise ExampleError(f"{where}: with 'steps', the call keys belong in each step")
        bound: set[str] = set()
        steps = []
        for index, step_table in enumerate(step_tables, 1):
            step = _parse_step(step_table, entry_points, bound, f"{where}, step {index}" if "steps" in table
                               else where)
            bound |= set(step.targets)
            steps.append(step)
        examples.append(Example(str(table.get("name", "")), tuple(steps), str(table.get("explanation", "")),
                                arrays))
    return tuple(examples)


def load_examples(problem: Any) -> tuple[Example, ...]:
    """The problem's examples (empty when it has no examples.toml); ExampleError when the file is not valid."""
    path = Path(problem.folder) / EXAMPLES_FILE
    if not path.is_file():
        return ()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ExampleError(f"{path}: {exc}") from None
    try:
        return parse_examples(raw, problem.entry_points, "numpy" in problem.preload)
    except ExampleError as exc:
        raise ExampleError(f"{path}: {exc}") from None


# -- rendering: the statement's section, `judge show`, the stub's docstring ----------------------------------------

def _comment(text: str, first: str) -> list[str]:
    """`text` as comment lines, the first starting with `first` and the others aligned under it."""
    lines = text.strip().splitlines()
    return [f"# {first}{lines[0]}"] + [f"# {' ' * len(first)}{line}" for line in lines[1:]]


def render_step(step: Step) -> list[str]:
    """A step as the lines of Python a reader types, then what it returns or raises as comments."""
    lines = step.source.splitlines()
    note = f"  ({step.note})" if step.note else ""
    if step.raises is not None:
        return [*lines, f"# raises {step.raises}{note}"]
    if step.result is None:
        return lines + ([f"# {step.note}"] if step.note else [])
    if isinstance(step.result, dict):
        out = list(lines)
        for number, (name, text) in enumerate(step.result.items()):
            out += _comment(text, f"{'-> ' if number == 0 else '   '}{name} = ")
        return out + ([f"# ({step.note})"] if step.note else [])
    results = [step.result, *step.also]
    out = lines + _comment(results[0], "-> ")
    for other in results[1:]:
        out += _comment(other, "   or ")
    if note:
        out[-1] += note
    return out


def _one_liners(step: Step) -> bool:
    return "\n" not in step.source and not isinstance(step.result, dict) \
        and all("\n" not in text.strip() for text in (step.result or "", *step.also))


def render_example(example: Example) -> str:
    """One example: its code block (a one-line step with its answer as a comment on the same line, the comments
    aligned), then its explanation."""
    width = max((len(s.source) for s in example.steps if _one_liners(s)), default=0)
    lines = []
    for step in example.steps:
        rendered = render_step(step)
        if _one_liners(step) and len(rendered) == 2:
            rendered = [f"{rendered[0].ljust(width)}  {rendered[1]}"]
        lines += rendered
    text = "```python\n" + "\n".join(lines) + "\n```"
    return text + (f"\n\n{example.explanation.strip()}" if example.explanation.strip() else "")


def render_examples(examples: tuple[Example, ...], heading: str = "###") -> str:
    """Every example under its own heading ("### Example 2: ties"), as the statement shows them."""
    parts = [ARRAYS_NOTE] if any(e.arrays for e in examples) else []
    for number, example in enumerate(examples, 1):
        title = f"{heading} Example {number}" + (f": {example.name}" if example.name else "")
        parts.append(f"{title}\n\n{render_example(example)}")
    return "\n\n".join(parts)


def examples_text(examples: tuple[Example, ...]) -> str:
    """The examples as plain text (the stub's docstring): each one's code indented under "Example N:"."""
    parts = [ARRAYS_NOTE] if any(e.arrays for e in examples) else []
    for number, example in enumerate(examples, 1):
        code = render_example(dataclasses.replace(example, explanation="")).split("\n")[1:-1]
        text = f"Example {number}" + (f" ({example.name})" if example.name else "") + ":\n\n"
        text += "\n".join(f"    {line}".rstrip() for line in code)
        if example.explanation.strip():
            text += "\n\n" + example.explanation.strip()
        parts.append(text)
    return "\n\n".join(parts)


def with_examples(statement: str, examples: tuple[Example, ...]) -> str:
    """The statement with its generated section (between BEGIN and END) rendered from `examples`."""
    if BEGIN not in statement or END not in statement.split(BEGIN, 1)[1]:
        raise ExampleError(f"the statement has no generated examples section: put the lines\n{BEGIN}\n{END}\n"
                           "under its Examples heading")
    head, rest = statement.split(BEGIN, 1)
    tail = rest.split(END, 1)[1]
    return f"{head}{BEGIN}\n\n{render_examples(examples)}\n\n{END}{tail}"


def shown_statement(problem: Any) -> str:
    """The statement as `judge show` prints it: its examples section rendered from examples.toml as it is now (the
    statement unchanged when it has no examples data or no section for it, or the data is not valid)."""
    statement = problem.statement()
    try:
        examples = load_examples(problem)
        statement = with_examples(statement, examples) if examples else statement
    except ExampleError:
        pass
    return statement.replace(f"{BEGIN}\n\n", "").replace(f"\n\n{END}", "")


def stale_statement(problem: Any) -> str | None:
    """Why statement.md's examples section does not match examples.toml (None when it does)."""
    try:
        statement = problem.statement_path.read_text(encoding="utf-8")
        current = with_examples(statement, load_examples(problem))
    except (OSError, ExampleError) as exc:
        return str(exc)
    if current != statement:
        return "statement.md's examples section is stale: run `python -m judge.examples --write " + problem.id + "`"
    return None


def write_statement(problem: Any) -> bool:
    """Render the examples section of `problem`'s statement.md in place; True when it changed."""
    statement = problem.statement_path.read_text(encoding="utf-8")
    current = with_examples(statement, load_examples(problem))
    if current != statement:
        problem.statement_path.write_text(current, encoding="utf-8")
    return current != statement


def main(argv: list[str] | None = None) -> int:
    """`python -m judge.examples [--write] [ID ...]`: check (or rewrite) the statements' examples sections."""
    import argparse

    from judge.problems import all_problems

    parser = argparse.ArgumentParser(prog="python -m judge.examples", description=main.__doc__)
    parser.add_argument("--write", action="store_true", help="rewrite stale sections instead of listing them")
    parser.add_argument("ids", nargs="*", help="problem ids (default: every problem with an examples.toml)")
    options = parser.parse_args(argv)
    problems = all_problems()
    chosen = options.ids or [p.id for p in problems.values() if (p.folder / EXAMPLES_FILE).is_file()]
    failed = 0
    for problem_id in chosen:
        problem = problems[problem_id]
        if options.write:
            print(f"{problem_id}: {'rewritten' if write_statement(problem) else 'current'}")
        elif (why := stale_statement(problem)) is not None:
            print(f"{problem_id}: {why}")
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
