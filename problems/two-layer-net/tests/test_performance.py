"""N=4096, D=1024, H=512, C=10, timed against the reference on the same machine, in the same run.

The forward and the backward pass share one budget: 5x the reference's forward + backward time (best
of three in the judge process), at least 3.5 s. The budget also pays for moving about 200 MB of arrays
to and from the sandbox, which the factor and the floor cover. Measured on the 2-core machine: the
reference's own time 0.3-1.2 s; solutions built on matrix products (the reference, einsum with
optimize=True, np.dot with a float mask) 0.8-2.5 s through the sandbox; a Python loop over the samples
(4096 matrix-vector products and rank-1 updates) 7-11 s, more than 10x the reference. np.einsum
without optimize (no BLAS, 3.5-9 s) and per-element Python in the ReLU are neither required to pass
nor to fail. Whether the arguments are modified is checked by the other groups, so these calls do
not ask for them back (that would only add transfer time to the submission's clock).
"""

from __future__ import annotations

import time

import numpy as np
import pytest

from judge.testing import TimeLimitExceeded, measure, scaled_limit, too_slow

pytestmark = pytest.mark.group("performance")

N, D, H, C = 4096, 1024, 512, 10
FACTOR = 5.0
FLOOR_S = 3.5


def test_large_batch(submission, reference, net, rng):
    gen = net.np_rng(rng)
    X = gen.standard_normal((N, D))
    W1 = gen.standard_normal((D, H)) / np.sqrt(D)
    b1 = gen.standard_normal(H) * 0.1
    W2 = gen.standard_normal((H, C)) / np.sqrt(H)
    b2 = gen.standard_normal(C)
    dscores = gen.standard_normal((N, C))
    params = (X, W1, b1, W2, b2)

    ref_forward_s = measure(reference.two_layer_forward, *params)
    expected_scores, ref_cache = reference.two_layer_forward(*params)
    ref_backward_s = measure(reference.two_layer_backward, dscores, ref_cache)
    expected_grads = reference.two_layer_backward(dscores, ref_cache)
    del ref_cache
    ref_s = ref_forward_s + ref_backward_s
    limit = scaled_limit(ref_s, factor=FACTOR, floor_s=FLOOR_S)
    what = f"N={N}, D={D}, H={H}, C={C}"
    message = (f"forward + backward on {what} took longer than {limit:.2f} s "
               f"({FACTOR:g}x the reference's {ref_s:.2f} s on this machine, at least {FLOOR_S:g} s)")

    started = time.perf_counter()
    try:
        scores, cache, _ = net.forward(submission, *params, check_args=False, timeout=limit)
        spent = time.perf_counter() - started
        if spent >= limit:
            too_slow(message, input=what)
        grads, _ = net.backward(submission, dscores, cache, check_args=False, timeout=limit - spent)
    except TimeLimitExceeded:
        too_slow(message, input=what)
    net.close(scores, expected_scores, what="scores", input=what)
    for name, got, want in zip(net.GRADS, grads, expected_grads, strict=True):
        net.close(got, want, what=name, input=what)
