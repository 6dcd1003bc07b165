"""examples.toml: parsed into calls and sessions, rendered for the statement and the stub, checked against the
reference; and the timing kit of judge.testing (one call: measure, limit, call, a clear time-limit failure)."""

from __future__ import annotations

import numpy as np
import pytest

from judge.examples import BEGIN, END, ExampleError, examples_text, parse_examples, render_examples, with_examples
from judge.submission import ComplexityExceeded, TimeLimitExceeded
from judge.testing import TimeLimit, example_disagreement, helper, timed_call


def examples(*tables: dict, entry_points=("sort",), arrays=False):
    return parse_examples({"examples": list(tables)}, entry_points, arrays)


@pytest.mark.parametrize(("table", "error"), [
    ({"call": "sort([1]"}, "is not Python"),
    ({"call": "x + 1"}, "must be one call"),
    ({"call": "sorted([2, 1])"}, "calls neither an entry point"),
    ({"call": "sort(items)"}, "uses 'items' before a step binds it"),
    ({"call": "sort([2 * 3])"}, "must be literals"),
    ({"call": "sort([])", "result": "[", "note": ""}, "is not a Python literal"),
    ({"call": "sort([])", "raises": "NoSuchError"}, "must name a built-in exception"),
    ({"call": "sort([])", "result": "[]", "raises": "ValueError"}, "exclude each other"),
    ({"call": "sort([])", "expected": "[]"}, "unknown key 'expected'"),
    ({"steps": [{"call": "a = sort([])"}, {"call": "a.pop()"}], "call": "sort([])"}, "either 'call'"),
])
def test_invalid_examples_name_the_problem(table: dict, error: str) -> None:
    with pytest.raises(ExampleError, match=error):
        examples(table)


def test_a_session_binds_names_on_each_side() -> None:
    class Box:
        def __init__(self, value):
            self.value = value

        def get(self, extra=0):
            return self.value + extra

    reference = type("Reference", (), {"Box": Box})
    [session] = examples({"steps": [{"call": "b = Box(3)"}, {"call": "n = b.get()", "result": "3"},
                                    {"call": "b.get(n + 1)", "result": "7"}]}, entry_points=("Box",))
    assert [s.callee for s in session.steps] == [("Box",), ("b", "get"), ("b", "get")]
    assert example_disagreement(session, reference) is None
    [wrong] = examples({"steps": [{"call": "b = Box(3)"}, {"call": "b.get(1)", "result": "5"}]}, entry_points=("Box",))
    assert "the reference answers 4, the example says 5" in example_disagreement(wrong, reference)


def test_the_reference_must_raise_what_the_example_says() -> None:
    class Reference:
        @staticmethod
        def sort(items):
            raise ValueError("no")

    [raising] = examples({"call": "sort([1])", "raises": "ArithmeticError"})
    assert "raised ValueError" in example_disagreement(raising, Reference)
    [same] = examples({"call": "sort([1])", "raises": "ValueError"})
    assert example_disagreement(same, Reference) is None


def test_numpy_examples_are_float64_and_bool_arrays() -> None:
    [example] = examples({"call": "f([[1, 2]], [True, False], (3, [0.5]))", "result": "[1.0]"},
                         entry_points=("f",), arrays=True)
    args, _ = example.arguments(example.steps[0], {})
    assert args[0].dtype == np.float64 and args[0].shape == (1, 2)
    assert args[1].dtype == np.bool_
    assert args[2][0] == 3 and args[2][1].dtype == np.float64
    assert example.expected(example.steps[0])[0].dtype == np.float64


def test_rendered_once_for_the_statement_and_the_stub() -> None:
    found = examples({"name": "ties", "call": "sort([2, 1])", "result": "[1, 2]", "explanation": "Ascending."},
                     {"call": "sort([])", "raises": "ValueError", "note": "why not"})
    section = render_examples(found)
    assert "### Example 1: ties\n\n```python\nsort([2, 1])  # -> [1, 2]\n```\n\nAscending." in section
    assert "sort([])  # raises ValueError  (why not)" in section
    assert "    sort([2, 1])  # -> [1, 2]" in examples_text(found)
    statement = f"# T\n\n## Examples\n\n{BEGIN}\nold\n{END}\n\n## Constraints\n"
    rendered = with_examples(statement, found)
    assert "old" not in rendered and rendered.endswith(f"{END}\n\n## Constraints\n") and section in rendered
    with pytest.raises(ExampleError, match="no generated examples section"):
        with_examples("# T\n", found)


class FakeSubmission:
    def __init__(self, outcome):
        self.outcome, self.timeouts = outcome, []

    def call(self, entry, args=(), kwargs=None, *, timeout=None, report_args=False):
        self.timeouts.append(timeout)
        if isinstance(self.outcome, Exception):
            raise self.outcome
        return self.outcome


class Reference:
    @staticmethod
    def sort(items):
        return list(items)


def test_timed_call_limits_by_the_reference_and_names_the_input() -> None:
    slow = FakeSubmission(TimeLimitExceeded("call took too long"))
    with pytest.raises(ComplexityExceeded, match=r"sort on 3 ints took longer than 2\.00 s \(4x the reference") as e:
        timed_call(slow, Reference, "sort", ([3, 1, 2],), factor=4, floor_s=2.0, what="3 ints")
    assert e.value.verdict == "time_limit_exceeded" and e.value.call == "3 ints"
    assert slow.timeouts == [2.0]  # the reference takes microseconds: the floor decides
    fast = FakeSubmission("answer")
    assert timed_call(fast, Reference, "sort", ([1],), factor=4, floor_s=1.0, what="one int") == "answer"


def test_a_shared_budget_is_spent_call_by_call() -> None:
    limit = TimeLimit(reference_s=2.0, factor=3.0, floor_s=1.0)
    assert limit.seconds == 6.0
    submission = FakeSubmission("ok")
    limit.call(submission, "forward", (), what="x", timeout=limit.seconds - 4.5)
    assert submission.timeouts == [1.5]
    with pytest.raises(ComplexityExceeded, match="forward \\+ backward on x"):
        limit.call(FakeSubmission(TimeLimitExceeded("late")), "backward", (), what="x", doing="forward + backward")


def test_helper_modules_load_once_beside_the_test_file(tmp_path) -> None:
    (tmp_path / "shared.py").write_text("VALUE = object()\n", encoding="utf-8")
    first = helper(str(tmp_path / "test_a.py"), "shared")
    assert helper(str(tmp_path / "test_b.py"), "shared").VALUE is first.VALUE
    with pytest.raises(FileNotFoundError):
        helper(str(tmp_path / "test_a.py"), "missing")


def test_verify_finds_a_stale_statement_and_data_the_reference_contradicts(tmp_path) -> None:
    import shutil

    from conftest import REPO

    from judge.problems import load_problem
    from judge.verify import examples_errors

    folder = tmp_path / "problems" / "sorting"
    shutil.copytree(REPO / "problems" / "sorting", folder, ignore=shutil.ignore_patterns("known"))
    (tmp_path / "solutions").mkdir()
    shutil.copy(REPO / "solutions" / "sorting.py", tmp_path / "solutions")
    problem = load_problem(folder)
    assert examples_errors(problem, reference_ok=True) == []
    data = folder / "examples.toml"
    data.write_text(data.read_text(encoding="utf-8").replace('result = "[1, 2, 3, 5]"', 'result = "[1, 2, 5, 3]"'),
                    encoding="utf-8")
    errors = examples_errors(problem, reference_ok=True)
    assert any("stale" in e for e in errors) and any("the example says [1, 2, 5, 3]" in e for e in errors)
