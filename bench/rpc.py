"""Worker start-up and RPC round-trip times per sandbox backend, measured side by side in one run.

    python bench/rpc.py [--calls 2000]

Prints, for each usable backend: time to a ready worker, round trip of a call with a small argument and
of one with a 1 MiB float64 array, and throughput of a call that returns a 64 MB array given to it (NumPy).
`measure` is shared with bench/run.py.
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


def measure(name: str, calls: int = 2000, big_mb: int = 64) -> dict | str:
    """One backend's figures (ready ms, round trips, transfer), or why it is unavailable."""
    import numpy as np

    from judge.sandbox import BACKENDS
    from judge.sandbox.base import WorkerSpec
    from judge.submission import Submission

    backend = BACKENDS[name]()
    usable, why = backend.available()
    if not usable:
        return why
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "echo.py"
        path.write_text(SOURCE)
        spec = WorkerSpec(submission=str(path), module="echo", entry_points=("echo",), preload=("numpy",),
                          memory_mb=2048)
        mib = np.random.default_rng(0).random(1024 * 1024 // 8)
        big = np.random.default_rng(0).random(big_mb * 1024 * 1024 // 8)
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
            for _ in range(calls):
                submission.echo([1, 2, 3])
            round_trip = (time.perf_counter() - began) / calls
            mib_trips = [submission.call("echo", (mib,)).elapsed_s for _ in range(20)]
            transfers = [submission.call("echo", (big,)).elapsed_s for _ in range(3)]
        finally:
            submission.close()
    return {"ready_ms": statistics.median(starts) * 1e3, "round_trip_us": round_trip * 1e6,
            "mib_round_trip_ms": statistics.median(mib_trips) * 1e3, "big_each_way_s": min(transfers)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=2000)
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    from judge.sandbox import BACKENDS

    print(f"{'backend':<10} {'ready ms':>9} {'round trip us':>14} {'1 MiB ms':>9} {'64 MB each way s':>17}")
    for name in BACKENDS:
        got = measure(name, args.calls)
        if isinstance(got, str):
            print(f"{name:<10} unavailable: {got}")
            continue
        print(f"{name:<10} {got['ready_ms']:9.1f} {got['round_trip_us']:14.1f} {got['mib_round_trip_ms']:9.2f} "
              f"{got['big_each_way_s']:17.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
