"""The mutation operators of judge.mutants: what each one makes, stable ids, compiling sources, diffs."""

from __future__ import annotations

import ast
import textwrap

import pytest
from conftest import REPO

from judge.mutants import OPERATORS, generate, sample

SOURCE = textwrap.dedent('''\
    """A module docstring is never mutated."""

    LIMIT = 10


    def clamp(values: list, low: int = 0) -> list:
        """Docstrings are never mutated either."""
        out = []
        for v in values[low:len(values)]:
            if v < LIMIT and v is not None:
                out.append(max(v, low))
            elif not v:
                continue
            else:
                break
        total = -low
        total += len(out) * 2
        if total > 100:
            raise ValueError(f"too many: {total}")
        return out
''')


def by_id(source: str = SOURCE) -> dict:
    return {m.id: m for m in generate(source, "clamp.py")}


def mutated_line(mutant, number: int) -> str:
    return mutant.source.splitlines()[number - 1].strip()


@pytest.mark.parametrize(("mutant_id", "line", "text"), [
    ("L10:C11 compare Lt->LtE", 10, "if v <= LIMIT and v is not None:"),
    ("L10:C11 compare Lt->GtE", 10, "if v >= LIMIT and v is not None:"),
    ("L10:C25 compare IsNot->Is", 10, "if v < LIMIT and v is None:"),
    ("L3:C8 constant 10->11", 3, "LIMIT = 11"),
    ("L3:C8 constant 10->9", 3, "LIMIT = 9"),
    ("L9:C24 slice upper+1", 9, "for v in values[low:len(values) + 1]:"),
    ("L9:C24 slice upper-1", 9, "for v in values[low:len(values) - 1]:"),
    ("L9:C20 slice lower+1", 9, "for v in values[low + 1:len(values)]:"),
    ("L10:C11 boolop And->Or", 10, "if v < LIMIT or v is not None:"),
    ("L17:C13 binop Mult->Div", 17, "total += len(out) / 2"),
    ("L17:C4 augassign Add->Sub", 17, "total -= len(out) * 2"),
    ("L12:C13 unary drop Not", 12, "elif v:"),
    ("L16:C12 unary drop USub", 16, "total = low"),
    ("L11:C23 swap-args 0<->1", 11, "out.append(max(low, v))"),
    ("L11:C12 remove Expr", 11, "pass"),
    ("L19:C8 remove Raise", 19, "pass"),
    ("L20:C4 return-default []", 20, "return []"),
    ("L13:C12 loop-control Continue->Break", 13, "break"),
    ("L15:C12 loop-control Break->Continue", 15, "continue"),
])
def test_each_operator_makes_the_named_change(mutant_id: str, line: int, text: str) -> None:
    mutant = by_id()[mutant_id]
    assert mutated_line(mutant, line) == text
    assert mutant.operator == mutant_id.split()[1]
    pairs = zip(SOURCE.splitlines(), mutant.source.splitlines(), strict=True)
    changed = [i for i, (a, b) in enumerate(pairs) if a != b]
    assert changed == [line - 1]  # spliced in place: nothing else moves


def test_every_operator_is_exercised_and_named() -> None:
    made = {m.operator for m in by_id().values()}
    assert made == set(OPERATORS)


def test_ids_are_stable_and_unique() -> None:
    first, second = generate(SOURCE, "clamp.py"), generate(SOURCE, "clamp.py")
    assert [m.id for m in first] == [m.id for m in second]
    assert [m.source for m in first] == [m.source for m in second]
    assert len({m.id for m in first}) == len(first)


def test_docstrings_annotations_and_fstrings_are_left_alone() -> None:
    for mutant in by_id().values():
        tree = ast.parse(mutant.source)
        assert ast.get_docstring(tree) == "A module docstring is never mutated."
        func = tree.body[2]
        assert ast.get_docstring(func) == "Docstrings are never mutated either."
        assert ast.unparse(func.returns) == "list"
        if mutant.id != "L19:C8 remove Raise":
            assert 'raise ValueError(f"too many: {total}")' in mutant.source


def test_every_mutant_compiles_differs_and_has_a_diff() -> None:
    mutants = generate(SOURCE, "clamp.py")
    dumps = {ast.dump(ast.parse(SOURCE))}
    for mutant in mutants:
        compile(mutant.source, "clamp.py", "exec")
        dump = ast.dump(ast.parse(mutant.source))
        assert dump not in dumps, mutant.id  # neither the original nor a duplicate of another mutant
        dumps.add(dump)
        assert mutant.diff.startswith("--- a/clamp.py\n+++ b/clamp.py\n")
        removed = [x for x in mutant.diff.splitlines()[2:] if x.startswith("-")]
        assert removed and removed[0][1:].strip() in SOURCE


def test_negative_constants_and_precedence_stay_exact() -> None:
    source = "def f(a, b):\n    return a[0] * (b - 1)\n"
    mutants = by_id(source)
    assert mutated_line(mutants["L2:C13 constant 0->-1"], 2) == "return a[-1] * (b - 1)"  # -1 parses as USub(1)
    assert mutated_line(mutants["L2:C11 binop Mult->Div"], 2) == "return a[0] / (b - 1)"  # parentheses kept
    assert mutated_line(mutants["L2:C19 binop Sub->Add"], 2) == "return a[0] * (b + 1)"


def test_a_mutant_identical_to_the_original_is_dropped() -> None:
    # swapping two equal arguments gives the same tree: no mutant
    ids = [m.id for m in generate("def f(x):\n    return max(x, x)\n", "f.py")]
    assert not any("swap-args" in i for i in ids)


@pytest.mark.parametrize("path", sorted((REPO / "solutions").glob("*.py")), ids=lambda p: p.stem)
def test_every_reference_has_compiling_mutants(path) -> None:
    mutants = generate(path.read_text(encoding="utf-8"), path.name)
    assert len(mutants) >= 10
    for mutant in mutants:
        compile(mutant.source, path.name, "exec")
        assert len(mutant.diff.splitlines()) <= 16, mutant.id  # spliced, never the whole file re-printed


def test_sample_is_deterministic_and_a_subset() -> None:
    mutants = generate(SOURCE, "clamp.py")
    picked = sample(mutants, 5, "toy")
    assert [m.id for m in picked] == [m.id for m in sample(mutants, 5, "toy")]
    assert len(picked) == 5 and {m.id for m in picked} <= {m.id for m in mutants}
    assert sample(mutants, None, "toy") == mutants
    assert sample(mutants, len(mutants) + 3, "toy") == mutants
    order = [m.id for m in mutants]
    assert [m.id for m in picked] == sorted((m.id for m in picked), key=order.index)
