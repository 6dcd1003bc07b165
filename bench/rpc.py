"""Worker start-up and RPC round-trip times per sandbox backend, measured side by side in one run.

    python bench/rpc.py [--calls 2000]

Prints, for each usable backend: time to a ready worker, round trip of a call with a small argument,
and throughput of a call that returns a 64 MB float64 array given to it (NumPy).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCE = "def echo(x):\n    return x\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=2000)
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    import numpy as np

    from judge.sandbox import BACKENDS
    from judge.sandbox.base import WorkerSpec
    from judge.submission import Submission

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "echo.py"
        path.write_text(SOURCE)
        spec = WorkerSpec(submission=str(path), module="echo", entry_points=("echo",), preload=("numpy",),
                          memory_mb=2048)
        big = np.random.default_rng(0).random(8 * 1024 * 1024)
        print(f"{'backend':<10} {'ready ms':>9} {'round trip us':>14} {'64 MB each way s':>17}")
        for name, backend_class in BACKENDS.items():
            backend = backend_class()
            if not backend.available()[0]:
                print(f"{name:<10} unavailable: {backend.available()[1]}")
                continue
            starts = []
            for _ in range(5):
                submission = Submission(backend, spec, 60.0)
                began = time.perf_counter()
                submission.start()
                starts.append(time.perf_counter() - began)
                submission.close()
            submission = Submission(backend, spec, 60.0)
            submission.start()
            try:
                for _ in range(200):
                    submission.echo([1, 2, 3])
                began = time.perf_counter()
                for _ in range(args.calls):
                    submission.echo([1, 2, 3])
                round_trip = (time.perf_counter() - began) / args.calls
                transfers = [submission.call("echo", (big,)).elapsed_s for _ in range(3)]
            finally:
                submission.close()
            print(f"{name:<10} {statistics.median(starts) * 1e3:9.1f} {round_trip * 1e6:14.1f} "
                  f"{min(transfers):17.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
