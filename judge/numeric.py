"""The numerical toolkit of hidden tests for NumPy problems.

Array comparison that says where and by how much, centred finite-difference gradient checks, input
mutation checks, hypothesis strategies for shapes, well-conditioned arrays and seeds, and statistical
bounds with an explicit false-failure probability. Runs in the judge process only.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from judge.render import array_excerpt
from judge.testing import Shown, fail, shown

RTOL = 1e-6
ATOL = 1e-8
FD_STEP = 1e-5
FD_THRESHOLD = 1e-7


def _index(flat: int, shape: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(int(i) for i in np.unravel_index(flat, shape)) if shape else ()


def describe_difference(got: Any, expected: np.ndarray, rtol: float = RTOL, atol: float = ATOL) -> str | None:
    """None when got matches expected within tolerance, else one line saying what is wrong and where."""
    if not isinstance(got, np.ndarray):
        return f"expected an ndarray of shape {expected.shape}, got {type(got).__name__}"
    if got.shape != expected.shape:
        return f"shape mismatch: expected {expected.shape}, got {got.shape}"
    if got.dtype.kind not in "fiub" or (expected.dtype.kind == "f" and got.dtype != expected.dtype
                                        and got.dtype.kind != "f"):
        return f"dtype mismatch: expected {expected.dtype}, got {got.dtype}"
    if np.bool_ in (expected.dtype, got.dtype):
        if got.dtype != expected.dtype:
            return f"dtype mismatch: expected {expected.dtype}, got {got.dtype}"
        bad = np.flatnonzero(got.ravel() != expected.ravel())
        if bad.size == 0:
            return None
        where = _index(int(bad[0]), got.shape)
        return (f"{bad.size} of {got.size} entries differ; first at index {where}: "
                f"expected {bool(expected[where])}, got {bool(got[where])}")
    g, e = got.astype(np.float64), expected.astype(np.float64)
    ok = _close_mask(g, e, rtol, atol)
    if ok.all():
        return None
    with np.errstate(invalid="ignore", over="ignore"):
        abs_err = np.abs(g - e)
    bad = np.flatnonzero(~ok.ravel())
    where = _index(int(bad[0]), g.shape)
    finite = np.where(np.isnan(abs_err), np.inf, abs_err)
    worst = _index(int(np.argmax(finite)), g.shape)
    nonzero = np.abs(e) > atol
    with np.errstate(divide="ignore", invalid="ignore"):
        rel = np.where(nonzero, finite / np.where(nonzero, np.abs(e), 1.0), 0.0)
    rel_text = f", max rel error {float(np.max(rel)):.3g}" if nonzero.any() else ""
    return (
        f"{bad.size} of {g.size} entries off (rtol {rtol:g}, atol {atol:g}); first at index {where}: "
        f"expected {float(e[where])!r}, got {float(g[where])!r}; max abs error {float(np.max(finite)):.3g} "
        f"at {worst}{rel_text}"
    )


def _close_mask(g: np.ndarray, e: np.ndarray, rtol: float, atol: float) -> np.ndarray:
    """Which entries of two float64 arrays of one shape agree (NaN agrees with NaN only)."""
    with np.errstate(invalid="ignore", over="ignore"):
        ok = (np.abs(g - e) <= atol + rtol * np.abs(e)) | (np.isnan(g) & np.isnan(e)) | (g == e)
    return ok & ~(np.isnan(g) != np.isnan(e))


def first_mismatch(got: Any, expected: np.ndarray, rtol: float = RTOL, atol: float = ATOL) -> tuple[int, ...] | None:
    """The index of the first entry that differs (arrays of one shape), for showing the arrays around it."""
    if not isinstance(got, np.ndarray) or got.shape != expected.shape or got.dtype.kind not in "fiub" \
            or expected.dtype.kind not in "fiub":
        return None
    if np.bool_ in (expected.dtype, got.dtype):
        ok = got == expected
    else:
        ok = _close_mask(got.astype(np.float64), expected.astype(np.float64), rtol, atol)
    bad = np.flatnonzero(~np.asarray(ok).ravel())
    return _index(int(bad[0]), got.shape) if bad.size else None


def allclose_failure(got: Any, expected: Any, *, rtol: float = RTOL, atol: float = ATOL,
                     what: str = "result") -> tuple[str, Shown, Shown] | None:
    """None when got is close to expected, else (message, expected, got): the message names `what`, where and
    by how much; both arrays are shown (shape, dtype, NumPy's printing) around the first mismatch."""
    expected = np.asarray(expected)
    problem = describe_difference(got, expected, rtol, atol)
    if problem is None:
        return None
    focus = first_mismatch(got, expected, rtol, atol)
    return f"{what}: {problem}", array_excerpt(expected, focus), array_excerpt(got, focus)


def expect_allclose(got: Any, expected: np.ndarray, *, rtol: float = RTOL, atol: float = ATOL,
                    what: str = "result", input: Any = None) -> None:
    """Fail with the first bad index, both values and the max errors when got is not close to expected; the
    arrays are shown around that index."""
    failure = allclose_failure(got, expected, rtol=rtol, atol=atol, what=what)
    if failure is not None:
        message, shown_expected, shown_got = failure
        shown_input = {} if input is None else {"input": input}
        fail(message, expected=shown_expected, got=shown_got, **shown_input)


def summarize_array(arr: np.ndarray) -> Shown:
    """A short printable form of an array for reports: shape, dtype and a few entries (`judge.testing.shown`)."""
    return shown(arr)


def expect_unchanged(before: Any, after: Any, *, what: str = "argument") -> None:
    """The argument as the worker reported it after the call must equal what was sent (no in-place edits).

    Arrays, numbers and nested tuples, lists and dicts of them (a cache) are compared item by item, and the
    message names the first item that changed (`cache[0][2]`).
    """
    difference = first_difference(before, after)
    if difference is not None:
        path, detail = difference
        where = f" ({what}{path} {detail})" if path else f" ({detail})"
        fail(f"the call modified its {what} in place{where}", expected=before, got=after)


def first_difference(before: Any, after: Any, max_depth: int = 2000) -> tuple[str, str] | None:
    """(path, what differs) of the first item where two plain values differ, or None when they are the same.

    Exact comparison: same types, arrays of the same dtype and shape with equal entries (NaN equal to NaN),
    numbers equal (NaN equal to NaN). The walk is iterative, so any nesting depth is safe.
    """
    stack: list[tuple[tuple, Any, Any]] = [((), before, after)]
    while stack:
        keys, a, b = stack.pop()
        detail = None
        if type(a) is not type(b):
            detail = f"was {_kind(a)}, is now {_kind(b)}"
        elif isinstance(a, np.ndarray):
            if a.shape != b.shape or a.dtype != b.dtype:
                detail = f"was {_kind(a)}, is now {_kind(b)}"
            elif not np.array_equal(a, b, equal_nan=a.dtype.kind in "fc"):
                index = _index(int(np.flatnonzero((a != b).ravel() & ~_both_nan(a, b))[0]), a.shape)
                detail = f"changed at index {index}: was {shown(a[index].item())}, is now {shown(b[index].item())}"
        elif isinstance(a, (list, tuple, dict)):
            if len(keys) >= max_depth:
                detail = f"is nested deeper than {max_depth} levels"
            elif len(a) != len(b) or (isinstance(a, dict) and list(a) != list(b)):
                detail = f"was {shown(a, 200)}, is now {shown(b, 200)}"
            else:
                inner = list(a) if isinstance(a, dict) else range(len(a))
                stack.extend(((*keys, k), a[k], b[k]) for k in reversed(inner))
        elif not _same_scalar(a, b):
            detail = f"was {shown(a, 200)}, is now {shown(b, 200)}"
        if detail is not None:
            return _path(keys), detail
    return None


def _path(keys: tuple) -> str:
    """`[0]["fc"][2]`: where an item sits in nested containers (made only for a failure)."""
    return "".join(f"[{shown(k, 60)}]" for k in keys)


def _both_nan(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    if a.dtype.kind not in "fc":
        return np.zeros(a.shape, dtype=bool).ravel()
    return (np.isnan(a) & np.isnan(b)).ravel()


def _same_scalar(a: Any, b: Any) -> bool:
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    try:
        return bool(a == b)
    except Exception:  # a value whose == does not give one truth value
        return False


def _kind(value: Any) -> str:
    if isinstance(value, np.ndarray):
        return f"an array{value.shape} {value.dtype}"
    return type(value).__name__


CACHE_KINDS = (np.ndarray, int, float, bool, complex, str, type(None))


def check_plain_cache(cache: Any, *, what: str = "cache", input: Any = None, max_depth: int = 2000) -> None:
    """A cache (what a forward pass returns for its backward pass) must be plain data: arrays, numbers,
    strings, None, and tuples, lists and dicts of them nested to any depth (the catalog's convention; the
    cap only bounds the walk, above what the codec carries). Fails naming the path of the first item that
    is not, as in `cache[0][2]`.

    Functions, generators and instances of the submission's own classes never get here (they cannot leave
    the sandbox: runtime_error); this catches the plain values outside the convention (sets, bytes, ...).
    """
    rule = "a cache must be plain data: arrays, numbers, strings, None, and tuples, lists and dicts of them"
    stack: list[tuple[tuple, Any]] = [((), cache)]
    while stack:
        keys, value = stack.pop()
        if type(value) in (tuple, list, dict):
            if len(keys) >= max_depth:
                fail(f"{rule}, but {what}{_path(keys)} is nested more than {max_depth} levels deep", input=input,
                     got=Shown(_kind(value)))
            if type(value) is dict:
                for key in value:
                    if type(key) not in CACHE_KINDS:
                        fail(f"{rule}, but {what}{_path(keys)} has a key of type {_kind(key)}", input=input, got=key)
            inner = list(value) if type(value) is dict else range(len(value))
            stack.extend(((*keys, k), value[k]) for k in reversed(inner))
        elif type(value) not in CACHE_KINDS:
            fail(f"{rule}, but {what}{_path(keys)} is {_kind(value)}", input=input, got=value)


def numerical_gradient(f: Callable[[np.ndarray], float], x: np.ndarray, h: float = FD_STEP) -> np.ndarray:
    """Centred differences of the scalar f at x, one coordinate at a time (x is restored afterwards)."""
    x = np.array(x, dtype=np.float64)
    grad = np.zeros_like(x)
    flat, g = x.reshape(-1), grad.reshape(-1)
    for i in range(flat.size):
        old = flat[i]
        flat[i] = old + h
        plus = f(x)
        flat[i] = old - h
        minus = f(x)
        flat[i] = old
        g[i] = (plus - minus) / (2 * h)
    return grad


def backward_by_differences(forward: Callable[..., Any], args: tuple, dout: np.ndarray,
                            wrt: tuple[int, ...] | None = None, h: float = FD_STEP) -> list[np.ndarray]:
    """Numerical gradients of any forward pass, for checking its backward pass.

    The loss is sum(forward(*args) * dout) (the first element when forward returns a tuple such as
    (out, cache)); returns d loss / d args[i] for each i in `wrt` (default: every array argument), which is
    exactly what a backward pass given `dout` must return.
    """
    def output(*call_args: Any) -> np.ndarray:
        out = forward(*call_args)
        return np.asarray(out[0] if isinstance(out, tuple) else out)

    positions = wrt if wrt is not None else tuple(i for i, a in enumerate(args) if isinstance(a, np.ndarray))
    grads = []
    for i in positions:
        def loss(x: np.ndarray, i: int = i) -> float:
            return float(np.sum(output(*args[:i], x, *args[i + 1:]) * dout))
        grads.append(numerical_gradient(loss, args[i], h))
    return grads


def relative_error(a: np.ndarray, b: np.ndarray) -> float:
    """max |a - b| / max(|a| + |b|, 1e-12): small for gradients that agree, scale-free."""
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    if a.shape != b.shape:
        return math.inf
    if a.size == 0:
        return 0.0
    return float(np.max(np.abs(a - b) / np.maximum(np.abs(a) + np.abs(b), 1e-12)))


def expect_gradient(analytic: Any, numeric: np.ndarray, *, threshold: float = FD_THRESHOLD,
                    what: str = "gradient", atol: float = 1e-9) -> None:
    """An analytic gradient agrees with centred differences (relative error, absolute floor for ~0 entries)."""
    numeric = np.asarray(numeric, dtype=np.float64)
    if not isinstance(analytic, np.ndarray) or analytic.shape != numeric.shape:
        shape = getattr(analytic, "shape", type(analytic).__name__)
        fail(f"{what}: expected an array of shape {numeric.shape}, got {shape}")
    diff = np.abs(analytic - numeric)
    scale = np.maximum(np.abs(analytic) + np.abs(numeric), 1e-12)
    bad = (diff / scale > threshold) & (diff > atol)
    if bad.any():
        where = _index(int(np.flatnonzero(bad.ravel())[0]), numeric.shape)
        fail(f"{what} disagrees with finite differences (relative error {float(np.max(diff / scale)):.3g} > "
             f"{threshold:g}); first at index {where}: numeric {float(numeric[where])!r}, "
             f"analytic {float(analytic[where])!r}",
             expected=array_excerpt(numeric, where), got=array_excerpt(analytic, where))


def hoeffding_interval(n: int, p: float, false_failure: float = 1e-9) -> tuple[float, float]:
    """Bounds on the count of successes in n Bernoulli(p) trials, outside which a correct solution falls
    with probability at most `false_failure` (two-sided Hoeffding: 2 exp(-2 t^2 / n))."""
    t = math.sqrt(n * math.log(2 / false_failure) / 2)
    return n * p - t, n * p + t


def shapes(min_dims: int = 1, max_dims: int = 4, min_side: int = 1, max_side: int = 6) -> st.SearchStrategy:
    return hnp.array_shapes(min_dims=min_dims, max_dims=max_dims, min_side=min_side, max_side=max_side)


def float_arrays(shape: Any, low: float = -10.0, high: float = 10.0) -> st.SearchStrategy:
    """Well-conditioned float64 arrays: finite, bounded, no subnormals."""
    elements = st.floats(low, high, allow_nan=False, allow_infinity=False, allow_subnormal=False, width=64)
    return hnp.arrays(np.float64, shape, elements=elements)


def seeds() -> st.SearchStrategy:
    return st.integers(0, 2**32 - 1)
