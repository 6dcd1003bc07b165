"""An arena of 10**12 bytes: nothing may cost memory or time per byte of the arena.

100,000 mixed calls (malloc and free) on one allocator, every answer checked against the model, with a
time limit scaled from the reference's own time on the same sequence of calls (measured here, in the judge
process) plus the cost of the round trips to the sandbox, measured on the submission with calls that do
no work.
"""

from __future__ import annotations

from judge.testing import TimeLimit, expect, expect_equal, reference_time, time_limit, too_slow

ARENA = 10**12
OPERATIONS = 100_000
LIMIT_FACTOR = 10.0  # over the reference's own time; a per-byte allocator is many orders of magnitude slower
ROUND_TRIP_CAP_S = 5e-4  # the measured cost of one call to the sandbox never counts for more than this
TRANSPORT_MARGIN = 1.5  # over the measured round trips
SAMPLE_EVERY = 16  # one call that does no work every 16 calls measures the round trips


def make_operations(rng) -> list[tuple[str, float]]:
    """("malloc", n) or ("free", u): u in [0, 1) picks one of the live blocks when the call is made.

    Phases of 10,000 calls alternately grow and shrink the number of live blocks (up to about 1,500),
    sizes are spread over nine orders of magnitude and 2% of the requests are huge (up to the whole
    arena), so that the arena is fragmented, sometimes full, and requests fail."""
    operations: list[tuple[str, float]] = []
    for i in range(OPERATIONS):
        grow = (i // 10_000) % 2 == 0
        if rng.random() < (0.56 if grow else 0.44):
            huge = rng.random() < 0.02
            operations.append(("malloc", rng.randint(10**10, ARENA) if huge else int(10 ** rng.uniform(0, 9))))
        else:
            operations.append(("free", rng.random()))
    return operations


def run_reference(reference, operations) -> int:
    """The same calls on the reference, choosing what to free the same way; returns the Nones."""
    allocator = reference.Allocator(ARENA)
    live: list[int] = []
    nones = 0
    for kind, value in operations:
        if kind == "malloc":
            address = allocator.malloc(value)
            if address is None:
                nones += 1
            else:
                live.append(address)
        elif live:
            i = int(value * len(live))
            live[i], live[-1] = live[-1], live[i]
            allocator.free(live.pop())
    return nones


class RoundTrips:
    """The cost of calls to the sandbox that do no work (malloc(1) on an empty arena), sampled between
    the real calls so that they run under the same conditions (load, caches, scheduling)."""

    def __init__(self, empty_allocator) -> None:
        self.empty = empty_allocator
        self.spent = 0.0
        self.count = 0

    def sample(self, timeout: float) -> None:
        result = self.empty.call("malloc", (1,), timeout=timeout)
        expect(result.value is None, "Allocator(0).malloc(1) must return None", got=result.value)
        self.spent += result.elapsed_s
        self.count += 1

    def mean_s(self) -> float:
        return min(self.spent / max(self.count, 1), ROUND_TRIP_CAP_S)


def test_huge_arena_basics(check, reference):
    model = check.model(ARENA)
    calls = [("malloc", ARENA), ("malloc", 1), ("free", 0), ("malloc", 1), ("malloc", ARENA),
             ("malloc", ARENA - 1), ("malloc", 1), ("malloc", ARENA)]

    def on_reference() -> None:
        a = reference.Allocator(ARENA)
        for kind, value in calls:
            getattr(a, kind)(value)

    limit = time_limit(on_reference, factor=LIMIT_FACTOR, floor_s=2.0)  # for each call
    a = check.allocator(ARENA)
    for kind, value in calls:
        got = limit.call(a, kind, (value,), what=f"Allocator(10**12), {kind}({value})").value
        if kind == "malloc":
            model.check_malloc(value, got)
        else:
            model.check_free(value, got)
    expect_equal(len(model.live), 2, input=model.transcript(), what="number of live blocks")


def test_100k_mixed_operations(check, reference, rng):
    operations = make_operations(rng)
    reference_s = reference_time(run_reference, reference, operations, repeat=2)
    round_trips = RoundTrips(check.allocator(0))
    for _ in range(300):
        round_trips.sample(timeout=5.0)
    # Per-call timeout: generous on the round trips (the warm-up sample underestimates them); the
    # verdict is decided at the end, with the round trips sampled during the run.
    reference_limit = TimeLimit(reference_s, LIMIT_FACTOR, floor_s=1.0)
    call_timeout = reference_limit.seconds + 5 * round_trips.mean_s() * OPERATIONS
    round_trips = RoundTrips(round_trips.empty)

    a, model = check.arena(ARENA)
    live: list[int] = []
    calls, spent = 0, 0.0
    for done, (kind, value) in enumerate(operations):
        if done % SAMPLE_EVERY == 0:
            round_trips.sample(timeout=5.0)
        if kind == "free":
            if not live:
                continue
            i = int(value * len(live))
            live[i], live[-1] = live[-1], live[i]
            address = live.pop()
            result = a.call("free", (address,), timeout=max(call_timeout - spent, 0.01))
            model.check_free(address, result.value)
        else:
            result = a.call("malloc", (value,), timeout=max(call_timeout - spent, 0.01))
            model.check_malloc(value, result.value)
            if result.value is not None:
                live.append(result.value)
        calls += 1
        spent += result.elapsed_s
    transport_s = round_trips.mean_s() * calls
    limit = reference_limit.seconds + TRANSPORT_MARGIN * transport_s
    if spent > limit:
        too_slow(
            f"{calls} calls took {spent:.2f} s, over the limit of {limit:.2f} s ({LIMIT_FACTOR:g} x the "
            f"reference's {reference_s:.2f} s + {TRANSPORT_MARGIN:g} x {transport_s:.2f} s of round trips)",
            input=f"Allocator(10**12) and {OPERATIONS} mixed malloc/free calls",
        )
