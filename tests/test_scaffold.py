"""`judge new`: a scaffolded problem is valid data whose tests work; filled in, it passes `judge verify`."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from judge.cli import main
from judge.examples import load_examples, stale_statement
from judge.problems import EXTRA_ROOT_ENV, clear_cache, get_problem, schema_errors
from judge.scaffold import default_root
from judge.verify import check_stub, reference_errors, statement_examples_error

REPO = Path(__file__).resolve().parent.parent

ID = "dedupe-keep-order"
ENTRY = "dedupe_keep_order"
REFERENCE = '''"""Reference: the items without repeats, in first-seen order."""

from __future__ import annotations


def dedupe_keep_order(items: list[int]) -> list[int]:
    """The items without repeats, each kept at its first position."""
    return list(dict.fromkeys(items))
'''
KNOWN = {
    "accepted_seen_set.py": "# expect: accepted\ndef dedupe_keep_order(items):\n    seen, out = set(), []\n"
                            "    for x in items:\n        if x not in seen:\n            seen.add(x)\n"
                            "            out.append(x)\n    return out\n",
    "wrong_answer_sorted_set.py": "# expect: wrong_answer\n# why: loses the order\n"
                                  "def dedupe_keep_order(items):\n    return sorted(set(items))\n",
    "time_limit_exceeded_quadratic.py": "# expect: time_limit_exceeded\n# why: a list lookup per item\n"
                                        "def dedupe_keep_order(items):\n    out = []\n    for x in items:\n"
                                        "        if x not in out:\n            out.append(x)\n    return out\n",
}


@pytest.fixture
def catalog(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty course catalog as $JUDGE_PROBLEMS_PATH (inherited by every judge process started below)."""
    monkeypatch.setenv(EXTRA_ROOT_ENV, str(tmp_path))
    clear_cache()
    yield tmp_path
    clear_cache()


def new(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["new", *args])
    return result.exit_code, result.output


def verify(*args: str) -> tuple[int, dict[str, dict], str]:
    """`judge verify ARGS --json` on the one problem: exit code, rows by item, and what to show on a failure."""
    result = subprocess.run([sys.executable, "-m", "judge", "verify", *args, "--workers", "2", "--json"],
                            capture_output=True, text=True, timeout=1800)
    assert result.stdout.strip(), result.stderr[-3000:]
    [problem] = json.loads(result.stdout)["problems"]
    return result.returncode, {row["item"]: row for row in problem["rows"]}, result.stdout[-6000:]


def test_new_writes_a_valid_problem(catalog: Path) -> None:
    code, output = new(ID, "--title", 'Dedupe "in order"')
    assert code == 0, output
    assert default_root() == catalog
    problem = get_problem(ID)  # found at once: the command cleared the cache
    assert problem.folder == catalog / "problems" / ID and problem.title == 'Dedupe "in order"'
    assert schema_errors(problem.folder) == []
    assert statement_examples_error(problem.statement()) is None
    assert reference_errors(problem) == [] and check_stub(problem)[1] == []
    tests = {p.name for p in problem.tests_dir.glob("test_*.py")}  # one file per group, named after it
    assert tests == {f"test_{g.name.replace('-', '_')}.py" for g in problem.groups if g.name != "examples"}
    assert [e.steps[0].source for e in load_examples(problem)] == [f"{ENTRY}([3, 1, 2])", f"{ENTRY}([])"]
    assert stale_statement(problem) is None  # the statement's examples section is rendered from examples.toml
    assert "pytestmark" not in "".join(p.read_text(encoding="utf-8") for p in problem.tests_dir.glob("*.py"))
    assert (problem.known_dir / "README.md").is_file() and problem.known_dir == problem.folder / "known"
    assert f"judge verify {ID}" in output


def test_scaffolded_code_is_lint_clean(catalog: Path) -> None:
    ruff = shutil.which("ruff")
    if ruff is None:
        pytest.skip("ruff is not installed (pip install -e '.[dev]')")
    assert new(ID, "--entry", "keep_first_of_each")[0] == 0
    config = ["--config", str(REPO / "pyproject.toml"), "--config", "lint.isort.known-first-party = ['judge']"]
    result = subprocess.run([ruff, "check", *config, "problems", "solutions"], cwd=catalog, capture_output=True,
                            text=True)  # checked as in this repository, where `judge` is first-party
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("bad", ["Two-Sum", "two_sum", "two--sum", "2sum", "sum-", "sorting"])
def test_new_refuses_bad_or_existing_ids(catalog: Path, bad: str) -> None:
    code, output = new(bad)
    assert code == 2 and len(output.strip().splitlines()) == 1, output
    assert not (catalog / "problems").exists()


def test_new_refuses_an_id_twice_and_an_installed_package(catalog: Path, tmp_path: Path) -> None:
    assert new(ID)[0] == 0
    code, output = new(ID)
    assert code == 2 and "exists already" in output
    code, output = new("fresh", "--root", str(tmp_path / "lib" / "python3.11" / "site-packages" / "x"))
    assert code == 2 and "installed package" in output


@pytest.mark.slow
def test_filled_in_problem_passes_verify(catalog: Path) -> None:
    assert new(ID)[0] == 0
    code, rows, shown = verify(ID, "--quick")
    assert code == 1, shown  # the reference raises NotImplementedError; no known submissions yet
    [reference] = [row for item, row in rows.items() if item.startswith("reference seed=")]
    assert not reference["ok"] and "NotImplementedError" in reference["detail"], shown  # the oracle is unwritten
    assert rows["known submissions"]["got"].startswith("0 correct, 0 wrong"), shown

    (catalog / "solutions" / "dedupe_keep_order.py").write_text(REFERENCE, encoding="utf-8")
    known = catalog / "problems" / ID / "known"
    for name, source in KNOWN.items():
        (known / name).write_text(source, encoding="utf-8")
    code, rows, shown = verify(ID, "--seeds", "2", "--examples-factor", "2", "--min-wrong", "2")
    assert code == 0, shown
    for name in KNOWN:  # each judged, with the verdict its name and its `# expect:` line give
        assert rows[name]["ok"] and name.startswith(rows[name]["got"] + "_"), shown

    (known / "wrong_answer_sorted_set.py").write_text(
        KNOWN["wrong_answer_sorted_set.py"].replace("# expect: wrong_answer", "# expect: accepted"), encoding="utf-8")
    code, rows, shown = verify(ID, "--quick", "--min-wrong", "1")
    assert code == 1, shown
    mislabelled = rows["wrong_answer_sorted_set.py"]
    assert (mislabelled["expected"], mislabelled["got"], mislabelled["ok"]) == ("accepted", "wrong_answer", False)
    assert not rows["known submission names"]["ok"]  # named wrong_answer_..., now expecting accepted
