"""The mask's statistics and its seeding, on arrays of 10,000 to 200,000 entries.

False-failure budget. A correct solution fails a statistical check only by bad luck; the checks of a whole
run share a budget of 1e-7 (a correct solution fails less than once in ten million runs, well under the
required one in a million):

- dropped fraction: 10 checks (p in 0.1, 0.25, 0.5, 0.75, 0.9, two shapes each), two-sided Hoeffding
  bounds on the number of dropped entries at 5e-9 each: 5e-8;
- independence: 8 checks (4 axes, 2 values of p) of how often neighbouring entries agree, at 1e-9: 8e-9;
- the performance group checks the dropped fraction of its large call once more, at 1e-9;
- different seeds give different masks: with n entries, two independent masks coincide with probability
  (p^2 + (1 - p)^2)^n <= 0.82^10000 < 1e-800 for 0.1 <= p <= 0.9: nothing measurable.

Reproducibility checks are exact: a solution whose mask comes from a generator seeded from `seed`
passes them with certainty, and one that draws from unseeded (global) randomness fails them with
probability 1 - 2^-10000.
"""

from __future__ import annotations

import numpy as np
import pytest

from judge.numeric import hoeffding_interval
from judge.testing import expect, fail

FRACTION_FALSE_FAILURE = 5e-9     # per check, 10 checks
AGREEMENT_FALSE_FAILURE = 1e-9    # per check, 8 checks


def _x(rng, shape) -> np.ndarray:
    return np.random.default_rng(rng.getrandbits(64)).standard_normal(shape)


@pytest.mark.parametrize(
    ("p", "shape"),
    [
        (0.1, (200_000,)), (0.1, (20, 20, 25, 20)),
        (0.25, (400, 500)), (0.25, (8, 5, 5000, 1)),
        (0.5, (2, 100_000)), (0.5, (50, 4, 1000)),
        (0.75, (100_000, 2)), (0.75, (1, 200_000)),
        (0.9, (4, 10, 10, 500)), (0.9, (500, 400)),
    ],
)
def test_dropped_fraction(check, rng, p, shape):
    """The number of dropped entries is Binomial(n, p): it must lie within Hoeffding's bounds."""
    x = _x(rng, shape)
    seed = rng.getrandbits(32)
    out, mask = check.forward(x, p, True, seed)
    check.check_train(out, mask, x, p, seed)
    n = mask.size
    dropped = n - int(np.count_nonzero(mask))
    lo, hi = hoeffding_interval(n, p, false_failure=FRACTION_FALSE_FAILURE)
    expect(lo <= dropped <= hi,
           f"{dropped} of {n} entries dropped ({dropped / n:.4f}); with p = {p} a correct solution drops "
           f"between {lo:.0f} and {hi:.0f} (p is the probability of dropping, not of keeping)",
           input=check.describe(x, p, True, seed), expected=f"about {p * n:.0f} dropped", got=dropped)


@pytest.mark.parametrize("p", [0.3, 0.7])
def test_entries_are_dropped_independently(check, rng, p):
    """Along every axis, entries 2i and 2i+1 are independent: they agree (both kept or both dropped) with
    probability p^2 + (1 - p)^2. A mask shared along an axis (a whole channel, row or sample dropped at
    once) agrees every time."""
    shape = (20, 20, 20, 20)
    x = _x(rng, shape)
    seed = rng.getrandbits(32)
    out, mask = check.forward(x, p, True, seed)
    check.check_train(out, mask, x, p, seed)
    q = p * p + (1 - p) * (1 - p)
    for axis in range(len(shape)):
        even = np.take(mask, np.arange(0, shape[axis], 2), axis=axis)
        odd = np.take(mask, np.arange(1, shape[axis], 2), axis=axis)
        n = even.size
        agree = int(np.count_nonzero(even == odd))
        lo, hi = hoeffding_interval(n, q, false_failure=AGREEMENT_FALSE_FAILURE)
        expect(lo <= agree <= hi,
               f"along axis {axis}, neighbouring entries agree {agree} times in {n} pairs ({agree / n:.4f}); "
               f"independent entries agree with probability {q:.2f} (between {lo:.0f} and {hi:.0f} times): "
               "each entry must be kept or dropped independently of the others",
               input=check.describe(x, p, True, seed), expected=f"about {q * n:.0f}", got=agree)


@pytest.mark.parametrize("p", [0.1, 0.5, 0.9])
def test_same_seed_same_mask(check, rng, p):
    """Calls with seed a, then seed b, a test-mode call, and seed a again: the first and last masks are equal."""
    x = _x(rng, (100, 100))
    a, b = rng.sample(range(2**32), 2)
    _, first = check.forward(x, p, True, a)
    check.forward(x, p, True, b)
    check.forward(x, p, False, b)
    out, again = check.forward(x, p, True, a)
    check.expect_same_mask(first, again, check.describe(x, p, True, a),
                             "two calls with the same seed (other calls in between) must give the same mask")
    check.check_train(out, again, x, p, a)


@pytest.mark.parametrize("p", [0.1, 0.5, 0.9])
def test_other_seeds_other_masks(check, rng, p):
    """Seeds a, a + 1 and an unrelated seed b give three different masks."""
    x = _x(rng, (10, 1000))
    a = rng.randrange(2**32 - 1)
    b = rng.choice([s for s in rng.sample(range(2**32), 3) if s not in (a, a + 1)])
    masks = {s: check.forward(x, p, True, s)[1] for s in (a, a + 1, b)}
    for s, t in ((a, a + 1), (a, b), (a + 1, b)):
        if np.array_equal(masks[s], masks[t]):
            fail(f"seeds {s} and {t} gave the same mask: the mask must depend on the seed",
                 input={"x": check.shown(x), "p": p, "train": True, "seeds": (s, t)},
                 expected="different masks", got=check.shown(masks[s]))
