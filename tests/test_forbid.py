"""Forbidden names hold at run time too, under every backend, for routes the static scan does not see.

The worker is started directly (no static scan first), so each case proves the run-time layer alone
(judge.forbid): a computed builtin name, the builtins dict, an accelerator module, importlib, a module
attribute replaced in every module holding it, getattr on a built-in type, eval reached by a computed name.
Legitimate code beside them keeps working (stdlib imports, other builtins, eval inside the stdlib).
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from judge.sandbox import get_sandbox
from judge.sandbox.base import WorkerSpec
from judge.submission import Submission, SubmissionImportFailed

SORTING = ("sorted", "list.sort", "heapq")
EVAL = ("eval", "exec", "compile", "ast")
NUMERIC = ("math.fsum", "np.linalg.inv", "fractions", "decimal", "statistics")
RECURSION = ("sys.setrecursionlimit", "threading.stack_size")

REFUSED = [  # (forbidden names, body of run(), what the refusal says)
    (SORTING, "import builtins\nreturn getattr(builtins, 'sor' + 'ted')([2, 1])", "'sorted' is forbidden"),
    (SORTING, "return __builtins__['sor' + 'ted']([2, 1]) if isinstance(__builtins__, dict) else "
              "vars(__builtins__)['sor' + 'ted']([2, 1])", "'sorted' is forbidden"),
    (SORTING, "import _heapq\nreturn 1", "'_heapq' is forbidden"),
    (SORTING, "import importlib\nreturn importlib.import_module('_hea' + 'pq').heapify", "'_heapq' is forbidden"),
    (SORTING, "return __import__('heap' + 'q').heappush", "'heapq' is forbidden"),
    (SORTING, "import queue\nreturn queue.PriorityQueue", "'heapq' is forbidden"),  # heapq behind the stdlib
    (SORTING, "x = [2, 1]\ngetattr(x, 'so' + 'rt')()\nreturn x", "'list.sort' is forbidden"),
    (SORTING, "class L(list):\n    pass\nx = L([2, 1])\ngetattr(x, 'sort')()\nreturn list(x)",
     "'list.sort' is forbidden"),
    (EVAL, "import builtins\nreturn getattr(builtins, 'ev' + 'al')('1 + 2')", "forbidden in this problem"),
    (EVAL, "c = (lambda: 0).__code__\nf = [eval][0]\nreturn list(map(f, [c]))", "forbidden in this problem"),
    (EVAL, "import builtins\nreturn vars(builtins)['com' + 'pile']('1', 'x', 'eval')", "'compile' is forbidden"),
    (EVAL, "import _ast\nreturn 1", "'_ast' is forbidden"),
    (NUMERIC, "import math\nreturn math.fsum([0.1] * 10)", "'math.fsum' is forbidden"),
    (NUMERIC, "from math import fsum\nreturn fsum([0.1] * 10)", "'math.fsum' is forbidden"),
    (NUMERIC, "import numpy as np\nreturn np.linalg.inv(np.eye(2)).tolist()", "'np.linalg.inv' is forbidden"),
    (NUMERIC, "import numpy.linalg as la\nreturn la.inv([[1.0]]).tolist()", "'np.linalg.inv' is forbidden"),
    (NUMERIC, "import _pydecimal\nreturn 1", "'_pydecimal' is forbidden"),
    (NUMERIC, "import statistics\nreturn statistics.fmean([1.0])", "'statistics' is forbidden"),
    (RECURSION, "import sys\ngetattr(sys, 'setrecursion' + 'limit')(10**6)\nreturn 1",
     "'sys.setrecursionlimit' is forbidden"),
    (RECURSION, "import threading\nthreading.stack_size(1 << 26)\nreturn 1", "'threading.stack_size' is forbidden"),
]

ALLOWED = [  # what must keep working beside the forbidden names
    (SORTING, "import bisect, collections\nd = collections.OrderedDict(a=1)\nreturn [bisect.bisect([1, 3], 2), "
              "max([3, 1]), len(d), getattr([], 'append') is not None]", [1, 3, 1, True]),
    (EVAL, "import collections\nP = collections.namedtuple('P', 'x y')\nreturn P(1, 2).y", 2),
    (NUMERIC, "import math, numpy as np\nreturn [math.sqrt(4.0), float(np.linalg.norm([3.0, 4.0]))]", [2.0, 5.0]),
]


def _start(backend: str, tmp_path: Path, forbidden: tuple[str, ...], body: str) -> Submission:
    path = tmp_path / "case.py"
    path.write_text("def run():\n" + textwrap.indent(body, "    ") + "\n")
    spec = WorkerSpec(submission=str(path), module="case", entry_points=("run",), forbidden=forbidden,
                      preload=("numpy",), memory_mb=512)
    submission = Submission(get_sandbox(backend), spec, 10.0)
    submission.start()
    return submission


@pytest.mark.parametrize(("forbidden", "body", "said"), REFUSED, ids=[f"refused-{i}" for i in range(len(REFUSED))])
def test_forbidden_name_is_refused_at_run_time(backend: str, tmp_path: Path, forbidden, body, said) -> None:
    submission = _start(backend, tmp_path, forbidden, body)
    try:
        with pytest.raises(Exception) as caught:  # the submission's own error, of any type
            submission.run()
        assert said in str(caught.value), str(caught.value)
        assert not isinstance(caught.value, SubmissionImportFailed)
    finally:
        submission.close()


@pytest.mark.parametrize(("forbidden", "body", "expected"), ALLOWED, ids=[f"allowed-{i}" for i in range(len(ALLOWED))])
def test_the_rest_keeps_working(backend: str, tmp_path: Path, forbidden, body, expected) -> None:
    submission = _start(backend, tmp_path, forbidden, body)
    try:
        assert submission.run() == expected
    finally:
        submission.close()
