"""Shared helpers and fixtures of the project's own tests (the sandbox `backend` fixture lives here only)."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

import judge  # noqa: F401  (first: it pins BLAS threads before anything imports numpy)

REPO = Path(__file__).resolve().parent.parent
HOSTILE = REPO / "tests" / "hostile"
SANDBOXES = ("process", "bwrap", "docker")


def known_submissions(problem_id: str = "*") -> list[Path]:
    """The known submissions of one problem (of every problem by default): problems/<id>/known/*.py."""
    return sorted((REPO / "problems").glob(f"{problem_id}/known/*.py"))


def expected_verdict(path: Path) -> str:
    from judge.verify import expected_of

    verdict = expected_of(path)
    if verdict is None:
        raise ValueError(f"{path} has no '# expect: <verdict>' line")
    return verdict


def require_sandbox(name: str) -> None:
    """Skip unless sandbox `name` works here, or fail where it must work: docker under JUDGE_REQUIRE_DOCKER=1
    (.ci/run sets it only where it could build the image), process and bwrap under CI=true."""
    from judge.sandbox import BACKENDS

    usable, why = BACKENDS[name]().available()
    if usable:
        return
    if name == "docker":
        if os.environ.get("JUDGE_REQUIRE_DOCKER") == "1":
            pytest.fail(f"sandbox 'docker' must work here (JUDGE_REQUIRE_DOCKER=1): {why}")
    elif os.environ.get("CI") == "true":
        pytest.fail(f"sandbox {name!r} must work in CI: {why}")
    pytest.skip(why)


@pytest.fixture(params=SANDBOXES)
def backend(request: pytest.FixtureRequest) -> str:
    """Each sandbox backend in turn: a test taking it runs under process, bwrap and docker."""
    require_sandbox(request.param)
    return request.param


def test_seed() -> int:
    """A fresh seed per test session (printed on failure), or JUDGE_TEST_SEED to replay one."""
    return int(os.environ.get("JUDGE_TEST_SEED", random.SystemRandom().randrange(2**32)))


@pytest.fixture(scope="session")
def seed() -> int:
    return test_seed()
