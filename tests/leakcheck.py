"""Does any secret of the judge reach a sandboxed submission?  Run by tests/test_leaks.py with each install's Python.

    python tests/leakcheck.py --sandbox bwrap [--raw] [--expose PATH]

Uses the `judge` that the running interpreter imports (a wheel or an editable install in a virtual environment,
the system interpreter's): the secrets are every file of its problem folders, references and known submissions,
its `_data`, and this repository's tests when they sit beside the package. A hostile walker (fixtures/leaks/
walker.py) runs as a submission under the backend and hashes every file it can read whose size matches a secret's;
a secret found by content is a leak, wherever it was. `--raw` (bwrap only) runs the walker in the same bwrap
file-system view without the worker's audit hook, to check the mounts alone; `--expose PATH` binds PATH into that
view, so the test can show that the check does find a leak. Prints one JSON document; exit 1 when anything leaked,
3 when the backend cannot run with this install.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

WALKER = Path(__file__).resolve().parent / "fixtures" / "leaks" / "walker.py"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def secret_files() -> dict[str, str]:
    """sha256 -> one path, for every non-empty file the judge must keep from submissions."""
    import judge
    from judge import problems

    package = Path(judge.__file__).resolve().parent
    roots = [root / sub for root in problems.catalog_roots() for sub in ("problems", "solutions")]
    roots.append(package / "_data")
    tests = package.parent / "tests"
    if (tests / "leakcheck.py").is_file():
        roots.append(tests)
    secrets: dict[str, str] = {}
    for root in roots:
        if not root.is_dir():
            continue
        for path in root.rglob("*"):
            if path.is_file() and not path.is_symlink() and path.stat().st_size > 0 and path.resolve() != WALKER:
                secrets.setdefault(_sha(path), str(path))
    return secrets


def _walk_args(secrets: dict[str, str]) -> tuple[list[str], list[int], str]:
    probes = sorted(set(secrets.values()))
    sizes = sorted({os.path.getsize(p) for p in probes} | {os.path.getsize(os.__file__)})
    return probes, sizes, _sha(Path(os.__file__))


def run_worker(sandbox: str, probes: list[str], sizes: list[int]) -> dict:
    from judge.sandbox import get_sandbox
    from judge.sandbox.base import WorkerSpec
    from judge.submission import Submission

    spec = WorkerSpec(submission=str(WALKER), module="walker", entry_points=("walk",), preload=("numpy",))
    submission = Submission(get_sandbox(sandbox), spec, 120.0)
    submission.start()
    try:
        return submission.call("walk", args=(probes, sizes)).value
    finally:
        submission.close()


def run_raw_bwrap(probes: list[str], sizes: list[int], expose: list[str]) -> dict:
    from judge.sandbox import bwrap
    from judge.sandbox.base import WorkerSpec

    spec = WorkerSpec(submission=str(WALKER), module="walker", entry_points=("walk",), preload=("numpy",))
    argv, _ = bwrap.build_argv(spec)
    cut = argv.index(bwrap._interpreter())
    extra = [arg for path in expose for arg in ("--ro-bind", path, path)]
    code = ("import json, sys; sys.path.insert(0, '/tmp'); import walker; "
            "print(json.dumps(walker.walk(*json.loads(sys.argv[1]))))")
    command = [*argv[:cut], *extra, bwrap._interpreter(), "-I", "-S", "-c", code, json.dumps([probes, sizes])]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    if done.returncode != 0:
        raise SystemExit(f"raw walker failed: {done.stderr.strip()[-500:]}")
    return json.loads(done.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sandbox", required=True)
    parser.add_argument("--raw", action="store_true")
    parser.add_argument("--expose", action="append", default=[])
    options = parser.parse_args()
    if not options.raw:
        from judge.sandbox import BACKENDS

        usable, why = BACKENDS[options.sandbox]().available()
        if not usable:
            print(json.dumps({"python": sys.executable, "sandbox": options.sandbox, "unavailable": why}))
            return 3
    secrets = secret_files()
    probes, sizes, witness = _walk_args(secrets)
    found = run_raw_bwrap(probes, sizes, options.expose) if options.raw else run_worker(options.sandbox, probes, sizes)
    hashes = [tuple(pair) for pair in found["hashes"]]
    leaks = sorted({(path, secrets[digest]) for path, digest in hashes if digest in secrets})
    report = {
        "python": sys.executable, "prefix": sys.prefix, "sandbox": options.sandbox, "raw": options.raw,
        "secrets": len(secrets), "files_walked": found["files"], "dirs_walked": found["dirs"],
        "stdlib_read": any(digest == witness for _, digest in hashes),
        "leaks": [{"seen_at": seen, "secret": secret} for seen, secret in leaks],
    }
    print(json.dumps(report, indent=1))
    return 1 if leaks else 0


if __name__ == "__main__":
    sys.exit(main())
