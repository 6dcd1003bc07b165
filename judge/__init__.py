"""A LeetCode-style judge: hidden property-based tests run against a submission in a sandbox."""

import os

__version__ = "0.1.0"

# The reference is timed in the judge process and the submission in a worker pinned to one BLAS/OpenMP
# thread; pin the judge too (before anything imports numpy) so time limits compare like with like.
THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS",
                    "VECLIB_MAXIMUM_THREADS")
for _name in THREAD_VARIABLES:
    os.environ.setdefault(_name, "1")
