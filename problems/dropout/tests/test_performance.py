"""Arrays of 8,388,608 entries (64 MB of float64), timed against the reference on the same machine.

What the limit must separate, per entry, measured through the sandbox on this 2-core machine: moving the
arguments in and the results out costs about 0.05 us, the reference's forward pass 0.025 us (it is timed in
the judge process, best of three: about 0.2 s), a vectorised forward pass drawing with binomial() and
selecting with np.where 0.1-0.2 us, and a Python loop over the entries 1.5 us forward (0.8 us backward).
The whole call of a vectorised solution therefore takes 0.5-2 s and a Python loop more than 12 s. The
limit, 20x the reference's time with a floor of 3 s (about 4 s here), admits every vectorised solution with
a 2x margin and stops a per-element Python loop at a third of its running time; both margins are per-entry
ratios, so a larger array would not widen them. Under load the reference's time, and with it the limit,
grows too.

The results are checked as well (the dropped fraction at a false-failure probability of 1e-9, counted in
the budget of test_statistics.py). The arguments are not reported back (other groups check that they are
left unchanged): that would only add transfer time to the submission's clock.
"""

from __future__ import annotations

import numpy as np

from judge.numeric import hoeffding_interval
from judge.testing import expect, timed_call

SHAPE = (16, 32, 128, 128)
FACTOR = 20.0
FLOOR_S = 3.0


def test_large_forward(submission, reference, check, rng):
    x = np.random.default_rng(rng.getrandbits(64)).standard_normal(SHAPE)
    p, seed = 0.5, rng.getrandbits(32)
    res = timed_call(submission, reference, "dropout_forward", (x, p, True, seed), factor=FACTOR, floor_s=FLOOR_S,
                     what=f"x of shape {SHAPE} ({x.size:,} entries)")
    out, mask = check.forward_result(res, x, p, True, seed)
    check.check_train(out, mask, x, p, seed)
    dropped = mask.size - int(np.count_nonzero(mask))
    lo, hi = hoeffding_interval(mask.size, p, false_failure=1e-9)
    expect(lo <= dropped <= hi, f"{dropped} of {mask.size} entries dropped; with p = {p} a correct solution "
           f"drops between {lo:.0f} and {hi:.0f}", input=f"x of shape {SHAPE}, p = {p}, seed = {seed}",
           got=dropped)


def test_large_backward(submission, reference, check, rng):
    nprng = np.random.default_rng(rng.getrandbits(64))
    dout = nprng.standard_normal(SHAPE)
    mask = nprng.random(SHAPE) >= 0.3
    res = timed_call(submission, reference, "dropout_backward", (dout, mask, 0.3), factor=FACTOR, floor_s=FLOOR_S,
                     what=f"dout and mask of shape {SHAPE} ({dout.size:,} entries)")
    check.backward_result(res, dout, mask, 0.3)
