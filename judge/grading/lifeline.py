"""Dying with the parent: a judging started for a batch must not go on judging for nobody.

`judge grade` and `judge audit` start their judgings (a `python -m judge run` process, or a judging server and
its forked children) with the parent's pid in JUDGE_PARENT_PID; the child asks the kernel for a signal when the
parent dies (PR_SET_PDEATHSIG), so it stops its sandbox and exits. The signal comes when the *thread* that
started the child ends, so batch code starts children from threads that live as long as the batch.
"""

from __future__ import annotations

import contextlib
import os
import signal

PARENT_ENV = "JUDGE_PARENT_PID"
PR_SET_PDEATHSIG = 1


def signal_on_parent_death(signum: int = signal.SIGINT) -> bool:
    """Ask for `signum` when the parent dies; False where the kernel cannot (not Linux)."""
    if signum == signal.SIGINT and signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        # started in the background by a non-interactive shell (as CI may be): SIGINT ignored would ignore this too
        with contextlib.suppress(ValueError):  # not the main thread
            signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        import ctypes

        return ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, int(signum), 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def die_with_parent(signum: int = signal.SIGINT) -> None:
    """When started with JUDGE_PARENT_PID: the signal on the parent's death, or exit now if it is already gone."""
    expected = os.environ.pop(PARENT_ENV, "")
    if not expected or not signal_on_parent_death(signum):
        return
    if str(os.getppid()) != expected:  # the parent died before prctl took effect
        raise SystemExit(130)
