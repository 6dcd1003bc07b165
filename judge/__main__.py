"""`python -m judge` is the `judge` command.

A batch run (`judge grade`, `judge audit`) starts one of these per submission with JUDGE_PARENT_PID set: the child
then gets SIGINT when its parent dies (a Dask worker lost mid-task), so it stops its sandbox and exits instead of
judging for nobody.
"""

import os

from judge.cli import main


def _die_with_parent() -> None:
    expected = os.environ.pop("JUDGE_PARENT_PID", "")
    if not expected:
        return
    try:
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGINT), 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if str(os.getppid()) != expected:  # the parent died before prctl took effect
        raise SystemExit(130)


_die_with_parent()
main()
