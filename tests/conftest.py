"""Shared helpers of the project's own tests."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

import judge  # noqa: F401  (first: it pins BLAS threads before anything imports numpy)

REPO = Path(__file__).resolve().parent.parent
HOSTILE = REPO / "tests" / "hostile"


def known_submissions(problem_id: str = "*") -> list[Path]:
    """The known submissions of one problem (of every problem by default): problems/<id>/known/*.py."""
    return sorted((REPO / "problems").glob(f"{problem_id}/known/*.py"))


def expected_verdict(path: Path) -> str:
    from judge.verify import expected_of

    verdict = expected_of(path)
    if verdict is None:
        raise ValueError(f"{path} has no '# expect: <verdict>' line")
    return verdict


def test_seed() -> int:
    """A fresh seed per test session (printed on failure), or JUDGE_TEST_SEED to replay one."""
    return int(os.environ.get("JUDGE_TEST_SEED", random.SystemRandom().randrange(2**32)))


@pytest.fixture(scope="session")
def seed() -> int:
    return test_seed()
