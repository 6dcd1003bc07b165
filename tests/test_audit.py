"""`judge audit` on a toy problem with weak hidden tests: a real audit, its record, and --check.

toy-larger's reference is `if a < b: return b; return a` and its only test is `larger(2, 1) == 2`, so of its
four mutants two survive: `a <= b` (equivalent: ties return the same value) and `return 0` in place of
`return b` (a real bug the weak test misses).
"""

from __future__ import annotations

import dataclasses

import pytest
from click.testing import CliRunner
from conftest import REPO

from judge import problems
from judge.audit import AuditError, AuditResult, check, dump_records, load_records, run_audit, to_record
from judge.cli import main

FIXTURES = REPO / "tests" / "fixtures"
EQUIVALENT = "L6:C7 compare Lt->LtE"
MISSED = "L7:C8 return-default 0"
KILLED = {"L6:C7 compare Lt->GtE", "L8:C4 return-default 0"}


@pytest.fixture(autouse=True)
def toy_catalog(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("JUDGE_PROBLEMS_PATH", str(FIXTURES))  # judge.grading.pool's `judge run` processes inherit it
    problems.clear_cache()
    yield
    problems.clear_cache()


@pytest.fixture(scope="module")
def audited() -> AuditResult:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("JUDGE_PROBLEMS_PATH", str(FIXTURES))
        problems.clear_cache()
        try:
            return run_audit(problems.get_problem("toy-larger"), seed=1234, workers=2, sandbox="process")
        finally:
            problems.clear_cache()


def test_a_real_audit_reports_the_surviving_mutants(audited: AuditResult) -> None:
    assert audited.generated == len(audited.mutants) == 4
    assert set(audited.survived) == {EQUIVALENT, MISSED}
    assert set(audited.killed) == KILLED
    assert audited.score == 0.5
    assert all(audited.verdicts[i] != "accepted" for i in KILLED)


def test_equivalent_mutants_leave_the_score(audited: AuditResult) -> None:
    reviewed = dataclasses.replace(audited, equivalent={EQUIVALENT: "ties return the same value"})
    assert reviewed.scored == (2, 3)
    assert reviewed.score == pytest.approx(2 / 3)
    assert reviewed.killed_equivalent == ()
    wrong = dataclasses.replace(audited, equivalent={"L6:C7 compare Lt->GtE": "not really"})
    assert wrong.killed_equivalent == ("L6:C7 compare Lt->GtE",)


def test_check_fails_when_the_record_claims_more(audited: AuditResult) -> None:
    record = to_record(audited, None)
    assert [f for f in check(audited, record) if "lower than" in f] == []
    assert any("below 90%" in f for f in check(audited, record))
    inflated = dataclasses.replace(record, score=0.75)
    assert any("lower than the recorded 75.0%" in f for f in check(audited, inflated))
    regressed = dataclasses.replace(record, killed=(*record.killed, MISSED))
    assert any("recorded as killed now survive" in f and MISSED in f for f in check(audited, regressed))
    moved = dataclasses.replace(record, reference_sha256="0" * 64)
    assert any("reference changed" in f for f in check(audited, moved))
    assert check(audited, None) and "no audit record" in check(audited, None)[0]


def test_the_record_round_trips_and_keeps_the_first_score(audited: AuditResult, tmp_path) -> None:
    path = tmp_path / "audit.toml"
    first = to_record(audited, None)
    path.write_text(dump_records({"toy-larger": first}), encoding="utf-8")
    assert load_records(path) == {"toy-larger": dataclasses.replace(first, score=round(first.score, 4),
                                                                    score_before=round(first.score, 4))}
    better = dataclasses.replace(audited, equivalent={EQUIVALENT: 'ties: "a" or "b" is the same'})
    second = to_record(better, first)
    assert second.score_before == first.score and second.score > first.score
    path.write_text(dump_records({"toy-larger": second}), encoding="utf-8")
    assert load_records(path)["toy-larger"].equivalent == {EQUIVALENT: 'ties: "a" or "b" is the same'}
    path.write_text('["toy-larger"]\nscore = "high"\n', encoding="utf-8")
    with pytest.raises(AuditError, match="malformed record"):
        load_records(path)


def test_cli_audit_write_then_check(tmp_path) -> None:
    record = tmp_path / "audit.toml"
    runner = CliRunner()
    base = ["audit", "toy-larger", "--seed", "99", "--workers", "2", "--sandbox", "process", "--record", str(record)]
    result = runner.invoke(main, [*base, "--write"])
    assert result.exit_code == 1, result.output  # 50% is below 90%
    assert f"survived: {MISSED}" in result.output
    assert "-        return b\n+        return 0" in result.output  # the survivor's diff
    assert "score 50.0% (2/4)" in result.output
    assert "2/4 judged" not in result.stdout  # progress goes to stderr only
    assert record.exists() and (tmp_path / "AUDIT.md").read_text(encoding="utf-8").count("toy-larger") >= 2

    text = record.read_text(encoding="utf-8")  # a reviewer marks the equivalent mutant, a lead edits the score
    text = text.replace("score = 0.5000", "score = 0.9000")
    text += f'"{EQUIVALENT}" = "a tie returns b, which equals a"\n'
    record.write_text(text, encoding="utf-8")
    result = runner.invoke(main, ["audit", "--check", "--seed", "99", "--workers", "2", "--sandbox", "process",
                                  "--record", str(record)])
    assert result.exit_code == 1
    assert "equivalent (reviewed) " + EQUIVALENT in result.output
    assert "score 66.7% (2/3)" in result.output
    assert "lower than the recorded 90.0%" in result.output


def test_cli_usage_errors() -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["audit"]).exit_code == 2
    unknown = runner.invoke(main, ["audit", "no-such-problem"])
    assert unknown.exit_code == 2 and "unknown problem" in unknown.output
