"""`judge verify`: every problem of the catalog passes it, and it fails, with a clear row, on what it must catch.

The per-problem runs are the project's regression suite for the hidden tests (they replace test_submissions.py):
each known submission must get the verdict of its `# expect:` line, the reference must be accepted under several
seeds with more hypothesis examples than a normal run, the generated stub must be rejected, and every problem must
keep >= 1 correct and >= 6 wrong known submissions.
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, expected_verdict, known_submissions

from judge.problems import (
    EXTRA_ROOT_ENV,
    ProblemError,
    all_problems,
    clear_cache,
    get_problem,
    load_problem,
    schema_errors,
)
from judge.verify import (
    Row,
    Settings,
    check_stub,
    format_table,
    name_error,
    plan_problem,
    record_entries,
    reference_errors,
    statement_examples_error,
    to_json,
)
from judge.verify_record import (
    FULL_EXAMPLES_FACTOR,
    FULL_SEEDS,
    Entry,
    RecordError,
    content_sha256,
    dump_record,
    is_current,
    load_record,
    write_entries,
)

# CI settings: a problem whose content changed since its record in problems/verify.toml gets the full verify (its
# reference under 2 seeds with 10x the hypothesis examples), the others a cheap one (1 seed, normal examples);
# every known submission is judged either way
CI_SEEDS = FULL_SEEDS
CI_EXAMPLES_FACTOR = FULL_EXAMPLES_FACTOR
# the problems with the longest runs first, so that xdist does not start them last
PROBLEMS = sorted(all_problems(), key=lambda pid: -len(known_submissions(pid)))
FIXTURES = REPO / "tests" / "fixtures"


def judge(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "judge", *args], capture_output=True, text=True, timeout=3600,
                          env=env)


def verify_json(*args: str, env: dict | None = None) -> tuple[subprocess.CompletedProcess, dict]:
    """`judge verify ARGS --json`: the process and its one JSON document."""
    result = judge("verify", *args, "--json", env=env)
    assert result.stdout.strip(), result.stderr[-3000:]
    return result, json.loads(result.stdout)


def rows_of(document: dict, problem_id: str) -> dict[str, dict]:
    """One problem's rows of `judge verify --json`, by item."""
    problem = next(p for p in document["problems"] if p["id"] == problem_id)
    return {row["item"]: row for row in problem["rows"]}


def failures(document: dict) -> str:
    """What failed, to show when a test fails."""
    return "\n".join(f"{p['id']} {r['item']}: {r['got']} ({r['expected']})\n{r['detail']}"
                     for p in document["problems"] for r in p["rows"] if not r["ok"])


@pytest.mark.slow
@pytest.mark.parametrize("problem_id", PROBLEMS)
def test_problem_passes_verify(problem_id: str, seed: int) -> None:
    seeds, factor = (1, 1) if is_current(get_problem(problem_id)) else (CI_SEEDS, CI_EXAMPLES_FACTOR)
    result, document = verify_json(problem_id, "--workers", "1", "--seed", str(seed), "--seeds", str(seeds),
                                   "--examples-factor", str(factor), "--check-record")
    shown = failures(document) + "\n" + result.stderr[-1500:]
    assert result.returncode == 0 and document["ok"] and document["totals"]["failed"] == 0, shown
    assert document["seed"] == seed and [p["id"] for p in document["problems"]] == [problem_id]
    rows = rows_of(document, problem_id)
    for path in known_submissions(problem_id):  # every known submission was judged, with its verdict
        expected = expected_verdict(path)
        assert (rows[path.name]["expected"], rows[path.name]["got"], rows[path.name]["ok"]) == (
            expected, expected, True), shown
    references = [item for item in rows if item.startswith("reference seed=")]
    assert references and all(rows[item]["got"] == "accepted" for item in references), shown
    assert {f"seed={seed + i}" for i in range(seeds)} == {item.split()[1] for item in references}
    assert rows["verify record"]["ok"], shown
    assert rows["stub (judged)"]["got"] in ("wrong_answer", "runtime_error"), shown
    assert rows["stub"]["got"] == "current" and rows["statement examples"]["got"] == "present", shown
    assert rows["known submission names"]["ok"], shown


# -- the static checks, on their own ----------------------------------------------------------------------------

@pytest.mark.parametrize("problem_id", PROBLEMS)
def test_every_statement_has_examples(problem_id: str) -> None:
    assert statement_examples_error(get_problem(problem_id).statement()) is None


@pytest.mark.parametrize(("text", "error"), [
    ("# T\n\nNo examples at all.\n", "no examples section"),
    ("# T\n\n## Examples\n\nJust words.\n\n## Constraints\n\n```\nx\n```\n", "no code block"),
    ("# T\n\n```python\n## Example in a comment\n```\n", "no examples section"),
    ("# T\n\n## Example 1\n\n```\nf(1) -> 2\n```\n", None),
    ("# T\n\n## Examples\n\n### First\n\n~~~\nf(1) -> 2\n~~~\n", None),
])
def test_statement_examples_check(text: str, error: str | None) -> None:
    found = statement_examples_error(text)
    assert found is None if error is None else error in found


def test_reference_and_stub_checks_name_what_is_missing() -> None:
    problem = dataclasses.replace(get_problem("sorting"), entry_points=("sort", "merge"))
    assert reference_errors(problem) == ["the reference defines no 'merge'"]
    stub, errors = check_stub(problem)
    assert stub is None and "merge" in errors[0]


def test_stub_check_runs_the_static_check_of_submissions() -> None:
    problem = dataclasses.replace(get_problem("sorting"), forbidden=("list",))  # `items: list` in the signature
    stub, errors = check_stub(problem)
    assert stub is not None and any("forbidden name 'list'" in e for e in errors)
    assert check_stub(get_problem("sorting"))[1] == []


@pytest.mark.parametrize(("name", "expected", "ok"), [
    ("accepted_heapsort.py", "accepted", True),
    ("time_limit_exceeded_insertion_sort.py", "time_limit_exceeded", True),
    ("wrong_insertion_sort.py", "time_limit_exceeded", False),  # free-form "wrong_" names a verdict no more
    ("wrong_answer_x.py", "runtime_error", False),
    ("accepted.py", "accepted", False),  # the verdict, then what the submission is
    ("correct_first_fit.py", "accepted", False),
])
def test_known_submission_name_starts_with_its_verdict(name: str, expected: str, ok: bool) -> None:
    error = name_error(Path(name), expected)
    assert (error is None) == ok
    assert ok or (name in error and f"'{expected}_'" in error)


def _toy_catalog(root: Path) -> Path:
    """A catalog holding a copy of the toy problem with a statement that has an example block."""
    shutil.copytree(FIXTURES / "problems" / "toy-add", root / "problems" / "toy-add")
    (root / "solutions").mkdir()
    shutil.copy(FIXTURES / "solutions" / "toy_add.py", root / "solutions" / "toy_add.py")
    (root / "problems" / "toy-add" / "statement.md").write_text(
        "# Toy\n\nAdd two ints.\n\n## Example\n\n```\nadd(1, 2) -> 3\n```\n", encoding="utf-8")
    known = root / "problems" / "toy-add" / "known"
    known.mkdir()
    (known / "accepted_right.py").write_text("# expect: accepted\ndef add(a, b):\n    return b + a\n",
                                             encoding="utf-8")
    wrong = (FIXTURES / "submissions" / "add_wrong_for_negatives.py").read_text(encoding="utf-8")
    (known / "accepted_mislabelled.py").write_text("# expect: accepted\n" + wrong, encoding="utf-8")
    (known / "wrong_answer_unlabelled.py").write_text(wrong, encoding="utf-8")
    return root / "problems" / "toy-add"


def test_schema_errors_catch_typos_and_points(tmp_path: Path) -> None:
    folder = _toy_catalog(tmp_path)
    assert schema_errors(folder) == []
    toml = folder / "problem.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace("points = 20", "points = 10")
                    .replace('entry_points = ["add"]', 'entry_points = ["add"]\nforbiden = ["sum"]'), encoding="utf-8")
    errors = schema_errors(folder)
    assert "unknown key 'forbiden'" in errors
    assert "the groups' points add up to 90, not 100" in errors
    with pytest.raises(ProblemError, match=r"problem\.toml: unknown key 'forbiden' \(and 1 more"):
        load_problem(folder)  # one schema: loading stops at the first error, verify lists every one
    plan = plan_problem("toy-add", folder, Settings(seed=5, min_wrong=0))
    assert [row.item for row in plan.rows] == ["problem folder"] and plan.judgings == ()
    assert not plan.rows[0].ok and "'forbiden'" in plan.rows[0].detail and "add up to 90" in plan.rows[0].detail


def test_plan_of_a_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _toy_catalog(tmp_path)
    monkeypatch.setenv(EXTRA_ROOT_ENV, str(tmp_path))
    clear_cache()
    plan = plan_problem("toy-add", folder, Settings(seed=5, seeds=2, examples_factor=10, min_wrong=0))
    rows = {row.item: row for row in plan.rows}
    assert all(rows[item].ok for item in ("problem folder", "statement examples", "reference entry points", "stub"))
    assert not rows["wrong_answer_unlabelled.py"].ok and rows["known submissions"].ok
    assert rows["known submission names"].ok
    (folder / "known" / "accepted_right.py").rename(folder / "known" / "right.py")
    renamed = {row.item: row for row in plan_problem("toy-add", folder, Settings(seed=5, min_wrong=0)).rows}
    assert not renamed["known submission names"].ok and "right.py" in renamed["known submission names"].got
    items = [j.item for j in plan.judgings]
    # two seeds x (the groups without examples; props with 10x its 50 examples)
    assert [j.task.max_examples for j in plan.judgings if j.item.startswith("reference")] == [None, 500, None, 500]
    assert {"accepted_right.py", "accepted_mislabelled.py", "stub (judged)"} <= set(items)
    assert "wrong_answer_unlabelled.py" not in items
    strict = plan_problem("toy-add", folder, Settings(seed=5))
    assert not {row.item: row for row in strict.rows}["known submissions"].ok  # 0 wrong < 6


def test_verify_fails_on_a_wrong_expectation(tmp_path: Path) -> None:
    _toy_catalog(tmp_path)
    env = {**os.environ, EXTRA_ROOT_ENV: str(tmp_path)}
    result, document = verify_json("toy-add", "--quick", "--min-wrong", "0", "--workers", "2", env=env)
    assert result.returncode == 1, result.stdout + result.stderr
    rows = rows_of(document, "toy-add")
    mislabelled = rows["accepted_mislabelled.py"]
    assert (mislabelled["expected"], mislabelled["got"], mislabelled["ok"]) == ("accepted", "wrong_answer", False)
    assert "replay: judge run toy-add" in mislabelled["detail"]  # the failed judging's report comes along
    assert rows["accepted_right.py"]["ok"] and rows["accepted_right.py"]["time_s"] > 0
    assert not rows["wrong_answer_unlabelled.py"]["ok"]
    failed = [item for item, row in rows.items() if not row["ok"]]
    assert sorted(failed) == ["accepted_mislabelled.py", "wrong_answer_unlabelled.py"]
    assert not document["ok"] and document["totals"] == {"problems": 1, "checks": len(rows), "failed": 2,
                                                         "failed_problems": 1}


def test_json_and_table_of_the_same_rows() -> None:
    rows = (Row("a", "stub", "current", "current", True),
            Row("a", "x.py", "accepted", "wrong_answer", False, 1.25, "WRONG ANSWER  a  score 0/100"),
            Row("b", "stub", "current", "current", True, None))
    document = to_json(rows, Settings(seed=7, seeds=2))
    assert [p["id"] for p in document["problems"]] == ["a", "b"] and [p["ok"] for p in document["problems"]] == [
        False, True]
    assert document["problems"][0]["rows"][1] == {"item": "x.py", "expected": "accepted", "got": "wrong_answer",
                                                  "time_s": 1.25, "ok": False, "detail": "WRONG ANSWER  a  score 0/100"}
    assert document["totals"] == {"problems": 2, "checks": 3, "failed": 1, "failed_problems": 1}
    assert (document["seed"], document["seeds"], document["ok"]) == (7, 2, False)
    assert json.loads(json.dumps(document)) == document
    table = format_table(rows)
    assert table.index("x.py") < table.index("FAIL a x.py:") < table.index("    WRONG ANSWER  a")


@pytest.mark.parametrize("args", [("verify", "no-such-problem"), ("verify", "sortin"),
                                  ("verify", "sorting", "--submissions", "/nonexistent"),
                                  ("verify", "sorting", "--quick", "--write-record")])
def test_bad_input_is_one_line_and_exit_2(args: tuple[str, ...]) -> None:
    result = judge(*args)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


# -- the verify record ----------------------------------------------------------------------------------------------

def _record_row(folder: Path, settings: Settings) -> Row:
    return next(row for row in plan_problem("toy-add", folder, settings).rows if row.item == "verify record")


def test_the_record_row_fails_a_cheap_verify_of_a_changed_problem(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _toy_catalog(tmp_path)
    monkeypatch.setenv(EXTRA_ROOT_ENV, str(tmp_path))
    clear_cache()
    cheap = Settings(seed=5, seeds=1, examples_factor=1, min_wrong=0, check_record=True)
    full = dataclasses.replace(cheap, seeds=FULL_SEEDS, examples_factor=FULL_EXAMPLES_FACTOR)
    assert "verify record" not in {row.item for row in plan_problem("toy-add", folder, Settings(seed=5)).rows}
    missing = _record_row(folder, cheap)
    assert not missing.ok and "no verify record" in missing.got
    assert _record_row(folder, full).ok  # a full verify stands in for the record
    problem = load_problem(folder)
    record = tmp_path / "problems" / "verify.toml"
    write_entries(record, {"toy-add": Entry(content_sha256(problem), FULL_SEEDS, FULL_EXAMPLES_FACTOR, 5)})
    assert _record_row(folder, cheap).ok and is_current(problem)
    before = content_sha256(problem)
    for changed in (folder / "known" / "accepted_right.py", tmp_path / "solutions" / "toy_add.py",
                    folder / "tests" / "test_toy.py"):
        original = changed.read_text(encoding="utf-8")
        changed.write_text(original + "\n# changed\n", encoding="utf-8")
        stale = _record_row(folder, cheap)
        assert not stale.ok and "changed since its verify record" in stale.got, changed
        assert not is_current(problem) and content_sha256(problem) != before
        changed.write_text(original, encoding="utf-8")
    assert content_sha256(problem) == before
    (folder / "tests" / "__pycache__").mkdir(exist_ok=True)
    (folder / "tests" / "__pycache__" / "x.pyc").write_bytes(b"cache")  # caches are not content
    assert content_sha256(problem) == before


def test_the_record_round_trips_and_is_written_only_after_a_full_pass(tmp_path: Path) -> None:
    entries = {"b": Entry("ab" * 32, 2, 10, 7), "a": Entry("cd" * 32, 3, 20, 2**64 - 1)}
    path = tmp_path / "verify.toml"
    path.write_text(dump_record(entries), encoding="utf-8")
    assert load_record(path) == entries and load_record(tmp_path / "none.toml") == {}
    write_entries(path, {"a": Entry("ef" * 32, 2, 10, 1)})
    assert load_record(path) == {**entries, "a": Entry("ef" * 32, 2, 10, 1)}
    path.write_text('["a"]\nseeds = 2\n', encoding="utf-8")
    with pytest.raises(RecordError, match="malformed entry of 'a'"):
        load_record(path)
    passed = (Row("sorting", "stub", "current", "current", True),)
    full = Settings(seed=3, seeds=FULL_SEEDS, examples_factor=FULL_EXAMPLES_FACTOR)
    assert set(record_entries(passed, full)) == {"sorting"}
    assert record_entries(passed, dataclasses.replace(full, seeds=1)) == {}
    assert record_entries((*passed, Row("sorting", "x.py", "accepted", "wrong_answer", False)), full) == {}
