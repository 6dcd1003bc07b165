"""Random sequences of calls (hypothesis rule-based state machine) checked against a model of the arena.

Every answer is judged by validity, never against one placement: a block must lie inside the arena and
overlap no live block, and `malloc(n)` may return None only when the model has no free run of `n` bytes.
Small arenas make the arena fill up, fragment and coalesce often.
"""

from __future__ import annotations

from hypothesis import seed as hypothesis_seed
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.errors import FlakyStrategyDefinition
from hypothesis.stateful import RuleBasedStateMachine, initialize, rule, run_state_machine_as_test

from judge.testing import fail

STEPS = 40  # calls per generated sequence

ARENA_SIZES = st.one_of(
    st.integers(0, 12),
    st.integers(13, 64),
    st.sampled_from([100, 255, 1000, 4096]),
)


def _request_sizes(size: int) -> st.SearchStrategy[int]:
    """Mostly small requests (so that many blocks coexist), sometimes up to a bit more than the arena."""
    return st.one_of(
        st.integers(1, max(1, size // 4)),
        st.integers(1, size + 2),
    )


PICK = st.integers(0, 2**16)  # chooses among the live blocks (modulo their number)


def make_machine(allocator, arena_model):
    # What hypothesis draws never depends on the submission's answers (no preconditions on the model,
    # fixed strategies, picks taken modulo the number of candidates): a correct allocator with a random
    # placement policy must not make data generation look flaky.
    class AllocatorMachine(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            self.allocator = None
            self.model = None
            self.freed: list[int] = []  # addresses freed once (candidates for a double free)

        @initialize(size=ARENA_SIZES)
        def create(self, size: int) -> None:
            self.allocator = allocator(size)
            self.model = arena_model(size)

        @rule(data=st.data())
        def malloc(self, data) -> None:
            n = data.draw(_request_sizes(self.model.size), label="n")
            self.model.malloc(self.allocator, n)

        @rule()
        def malloc_longest_free_run(self) -> None:
            """Exactly the longest free run: must succeed (None only when the arena is full)."""
            n = max(1, self.model.longest_free_run())
            self.model.malloc(self.allocator, n)

        @rule()
        def malloc_one_more_than_longest_run(self) -> None:
            """One byte more than the longest free run: must be None, however much is free in total."""
            n = self.model.longest_free_run() + 1
            self.model.malloc(self.allocator, n)

        @rule(pick=PICK)
        def free(self, pick: int) -> None:
            if not self.model.live:
                return
            starts = sorted(self.model.live)
            self._free(starts[pick % len(starts)])

        @rule(pick=PICK, right_first=st.booleans())
        def free_neighbours(self, pick: int, right_first: bool) -> None:
            """Free two consecutive blocks (touching, or with the smallest gap), so that runs must merge."""
            starts = sorted(self.model.live)
            if len(starts) < 2:
                return
            i = pick % (len(starts) - 1)
            pair = starts[i:i + 2]
            for address in reversed(pair) if right_first else pair:
                self._free(address)

        @rule(kind=st.sampled_from(["garbage", "freed", "interior"]), pick=PICK, data=st.data())
        def free_invalid(self, kind: str, pick: int, data) -> None:
            """An address that is not the start of a live block: freed before, inside a block, or garbage."""
            model = self.model
            address = data.draw(st.integers(-3, model.size + 3), label="garbage")
            interior = sorted(s + k for s, length in model.live.items() for k in (1, length - 1, length) if k > 0)
            if kind == "freed" and self.freed:
                address = self.freed[pick % len(self.freed)]
            elif kind == "interior" and interior:
                address = interior[pick % len(interior)]
            if model.is_live_start(address):
                return
            model.raises(self.allocator, "free", address)

        @rule(n=st.integers(-3, 0))
        def malloc_non_positive(self, n: int) -> None:
            self.model.raises(self.allocator, "malloc", n)

        def _free(self, address: int) -> None:
            self.model.free(self.allocator, address)
            self.freed.append(address)

    return AllocatorMachine


def recording(arena_model, failures: list):
    """The model class, remembering every failed check (for the report when replays are inconsistent)."""

    class RecordingModel(arena_model):
        def _recorded(self, check, *args) -> None:
            try:
                check(self, *args)
            except AssertionError as exc:
                failures.append((str(exc), self.transcript()))
                raise

        def check_malloc(self, n, got) -> None:
            self._recorded(arena_model.check_malloc, n, got)

        def check_free(self, address, got) -> None:
            self._recorded(arena_model.check_free, address, got)

        def check_raises(self, call, method, *args) -> None:
            self._recorded(arena_model.check_raises, call, method, *args)

    return RecordingModel


def test_random_call_sequences(check, run_seed, group_settings):
    failures: list[tuple[str, str]] = []
    machine = make_machine(check.allocator, recording(check.ArenaModel, failures))
    hypothesis_seed(run_seed)(machine)
    try:
        # group_settings: the harness' grading settings of this group (max_examples, no deadline, ...)
        run_state_machine_as_test(machine, settings=settings(group_settings, stateful_step_count=STEPS))
    except FlakyStrategyDefinition:
        # Draws never depend on the answers, so a replay that ends elsewhere means the submission failed
        # a check once and answered the same calls differently on a fresh allocator later.
        message, transcript = failures[0] if failures else ("a check failed", None)
        fail(f"{message} (and the same calls on a fresh Allocator gave other answers when replayed: "
             "state shared between instances, or randomness)", input=transcript)
