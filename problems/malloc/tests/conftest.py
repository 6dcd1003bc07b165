"""Shared helpers of the malloc hidden tests: a model of the arena that checks every answer."""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort

import pytest

from judge.testing import Check, expect, fail, shown


class ArenaModel:
    """The state any correct allocator is in, whatever its placement policy.

    It follows the submission's own placements: `live` maps the start of every allocated block to its
    length, and the free gaps between consecutive blocks (zero-length ones included) are kept as a sorted
    multiset of lengths, so that the longest free run is known in O(1) after O(log k) updates.
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self.live: dict[int, int] = {}
        self.starts: list[int] = []  # sorted starts of the live blocks
        self.gaps: list[int] = [size]  # sorted lengths of the free runs between blocks
        self.history: list[str] = [f"a = Allocator({size})"]

    # ----------------------------------------------------------------------------------------- queries
    def longest_free_run(self) -> int:
        return self.gaps[-1]

    def is_live_start(self, address: object) -> bool:
        return type(address) is int and address in self.live

    def transcript(self, last: int = 12) -> str:
        lines = self.history[-last:]
        if len(self.history) > last:
            lines = [f"... ({len(self.history) - last} earlier calls)", *lines]
        return "\n".join(lines)

    # ----------------------------------------------------------------------------------------- checks
    def _neighbours(self, address: int) -> tuple[int, int]:
        """End of the last block starting at or before `address` and start of the next block after it."""
        index = bisect_right(self.starts, address)
        previous_end = 0 if index == 0 else self.starts[index - 1] + self.live[self.starts[index - 1]]
        next_start = self.size if index == len(self.starts) else self.starts[index]
        return previous_end, next_start

    def check_malloc(self, n: int, got: object) -> None:
        """Judge the answer of `malloc(n)` and, when it is a valid block, record it."""
        self.history.append(f"a.malloc({n}) -> {shown(got, 100)}")
        longest = self.longest_free_run()
        if got is None:
            expect(
                longest < n,
                f"malloc({n}) returned None although a free run of {longest} bytes exists",
                input=self.transcript(), expected=f"an address a with [a, a + {n}) free", got=None,
            )
            return
        expect(
            type(got) is int,
            f"malloc({n}) must return an int address or None, not {type(got).__name__}",
            input=self.transcript(), expected="int or None", got=got,
        )
        expect(
            got >= 0 and got + n <= self.size,
            f"malloc({n}) returned block [{shown(got)}, {shown(got + n)}) outside the arena [0, {self.size})",
            input=self.transcript(), got=got,
        )
        previous_end, next_start = self._neighbours(got)
        expect(
            previous_end <= got and got + n <= next_start,
            f"malloc({n}) returned block [{shown(got)}, {shown(got + n)}) overlapping an allocated block",
            input=self.transcript(), expected=f"a block inside a free run of {n}+ bytes "
            f"(longest free run: {longest})", got=got,
        )
        self._take(got, n, previous_end, next_start)

    def malloc(self, allocator, n: int) -> object:
        """`allocator.malloc(n)`, judged; its answer."""
        got = allocator.malloc(n)
        self.check_malloc(n, got)
        return got

    def free(self, allocator, address: int) -> None:
        """`allocator.free(address)` of a live block, judged."""
        self.check_free(address, allocator.free(address))

    def check_free(self, address: int, got: object) -> None:
        """Record a successful `free(address)` of a live block (its return value must be None)."""
        self.history.append(f"a.free({address})")
        expect(got is None, f"free({address}) must return None", input=self.transcript(), expected=None, got=got)
        self._release(address)

    def raises(self, allocator, method: str, argument: int) -> None:
        """`allocator.<method>(argument)` must raise ValueError and leave the allocator unchanged."""
        self.check_raises(f"a.{method}({argument})", getattr(allocator, method), argument)

    def check_raises(self, call: str, method, *args) -> None:
        """`method(*args)` (shown as `call`) must raise ValueError and leave the allocator unchanged."""
        try:
            got = method(*args)
        except ValueError as exc:
            self.history.append(f"{call} -> {type(exc).__name__}")
            return
        self.history.append(f"{call} -> {shown(got, 100)}")
        fail(f"{call} must raise ValueError", input=self.transcript(), expected="ValueError", got=got)

    # ----------------------------------------------------------------------------------------- updates
    def _take(self, start: int, n: int, previous_end: int, next_start: int) -> None:
        self._discard_gap(next_start - previous_end)
        insort(self.gaps, start - previous_end)
        insort(self.gaps, next_start - start - n)
        insort(self.starts, start)
        self.live[start] = n

    def _release(self, start: int) -> None:
        n = self.live.pop(start)
        del self.starts[bisect_left(self.starts, start)]
        previous_end, next_start = self._neighbours(start)
        self._discard_gap(start - previous_end)
        self._discard_gap(next_start - start - n)
        insort(self.gaps, next_start - previous_end)

    def _discard_gap(self, length: int) -> None:
        del self.gaps[bisect_left(self.gaps, length)]


def construct(allocator_class, size: int):
    """`Allocator(size)` for a valid size: raising there is a wrong answer, not a crash."""
    try:
        return allocator_class(size)
    except ValueError as exc:
        fail(f"Allocator({size}) must not raise: an arena of {size} bytes is valid",
             input=f"Allocator({size})", expected="an allocator", got=f"ValueError: {exc}")


def check_constructor_raises(allocator_class, size: int) -> None:
    """`Allocator(size)` must raise ValueError."""
    try:
        allocator_class(size)
    except ValueError:
        return
    fail(f"Allocator({size}) must raise ValueError", input=f"Allocator({size})", expected="ValueError",
         got="an allocator")


class MallocCheck(Check):
    """``check.allocator(size)``: the submission's Allocator(size) (raising is a wrong answer); ``check.model(size)``
    the ArenaModel that judges its answers; ``check.constructor_raises(size)``. The statement's examples run each
    allocator they make against its own model, so any placement policy is accepted."""

    entry = "Allocator"
    ArenaModel = ArenaModel

    def __init__(self, submission, reference) -> None:
        super().__init__(submission, reference)
        self.models: dict[int, ArenaModel] = {}  # id(allocator) -> its model, for the examples' steps

    def allocator(self, size: int):
        return construct(self.submission.Allocator, size)

    def model(self, size: int) -> ArenaModel:
        return ArenaModel(size)

    def arena(self, size: int) -> tuple:
        """(the submission's Allocator(size), the ArenaModel that judges its answers)."""
        return self.allocator(size), ArenaModel(size)

    def constructor_raises(self, size: int) -> None:
        check_constructor_raises(self.submission.Allocator, size)

    def Allocator(self, size: int):
        allocator = self.allocator(size)
        self.models[id(allocator)] = ArenaModel(size)
        return allocator

    def step(self, step, args, kwargs, bound):
        if len(step.callee) == 1:
            return super().step(step, args, kwargs, bound)
        allocator = bound[step.callee[0]]
        model = self.models[id(allocator)]
        got = getattr(allocator, step.callee[1])(*args)
        if step.callee[1] == "malloc":
            model.check_malloc(args[0], got)
        else:
            model.check_free(args[0], got)
        return got

    def step_raises(self, step, kind, args, kwargs, bound) -> None:
        if len(step.callee) == 1:
            self.constructor_raises(args[0])
            return
        allocator = bound[step.callee[0]]
        self.models[id(allocator)].raises(allocator, step.callee[1], *args)


@pytest.fixture
def check(submission, reference) -> MallocCheck:
    return MallocCheck(submission, reference)
