"""N=4096, D=1024, H=512, C=10, timed against the reference on the same machine, in the same run.

The forward and the backward pass share one budget: 20x the reference's forward + backward time (best
of three in the judge process, BLAS pinned to one thread on both sides), at least 8 s. The budget also
pays for moving about 200 MB of arrays to and from the sandbox. The catalog's fine print makes the limit
admit any fully vectorised solution, so it is sized for the slowest of them: np.einsum without
optimize=True (no BLAS) takes about 3 s on a quiet 2-core machine where the reference takes 0.2 s and
solutions built on matrix products 1-2 s. Per-element Python loops (billions of iterations) cannot come
near it. A Python loop over the samples (4096 matrix-vector products, 4-11 s) is neither required to pass
nor to fail, like per-element Python in the ReLU. Whether the arguments are modified is checked by the
other groups, so these calls do not ask for them back (that would only add transfer time).
"""

from __future__ import annotations

import time

import numpy as np

from judge.testing import TimeLimit, reference_time

N, D, H, C = 4096, 1024, 512, 10
FACTOR = 20.0
FLOOR_S = 8.0


def test_large_batch(submission, reference, check, rng):
    gen = check.np_rng(rng)
    X = gen.standard_normal((N, D))
    W1 = gen.standard_normal((D, H)) / np.sqrt(D)
    b1 = gen.standard_normal(H) * 0.1
    W2 = gen.standard_normal((H, C)) / np.sqrt(H)
    b2 = gen.standard_normal(C)
    dscores = gen.standard_normal((N, C))
    params = (X, W1, b1, W2, b2)

    ref_forward_s = reference_time(reference.two_layer_forward, *params)
    expected_scores, ref_cache = reference.two_layer_forward(*params)
    ref_backward_s = reference_time(reference.two_layer_backward, dscores, ref_cache)
    expected_grads = reference.two_layer_backward(dscores, ref_cache)
    del ref_cache
    limit = TimeLimit(ref_forward_s + ref_backward_s, factor=FACTOR, floor_s=FLOOR_S)  # one budget for both passes
    what, doing = f"N={N}, D={D}, H={H}, C={C}", "forward + backward"

    started = time.perf_counter()
    res = limit.call(submission, "two_layer_forward", params, what=what, doing=doing)
    scores, cache = check.forward_result(res, params)
    spent = time.perf_counter() - started
    if spent >= limit.seconds:
        limit.exceeded(doing, what)
    res = limit.call(submission, "two_layer_backward", (dscores, cache), what=what, doing=doing,
                     timeout=limit.seconds - spent)
    grads = check.backward_result(res, dscores, cache)
    check.close(scores, expected_scores, what="scores", input=what)
    for name, got, want in zip(check.GRADS, grads, expected_grads, strict=True):
        check.close(got, want, what=name, input=what)
