"""A memory allocator over an abstract arena of ``size`` bytes.

Addresses are integer offsets into the arena. ``malloc(n)`` reserves ``n`` contiguous bytes and returns
the offset of the first one, or ``None`` when no free run of ``n`` bytes exists anywhere in the arena.
``free(address)`` releases a block previously returned by ``malloc``; the freed bytes merge with any
free neighbours, so they can be reused by a later, larger request.
"""

from __future__ import annotations

from bisect import bisect_left, insort


class Allocator:
    """Manage the byte offsets ``0 .. size - 1`` of an arena of ``size`` bytes."""

    def __init__(self, size: int) -> None:
        """Create an allocator over an arena of ``size`` bytes, all free.

        ``size`` may be 0 (then every allocation fails). Raises ``ValueError`` if ``size`` is negative.
        """
        if size < 0:
            raise ValueError(f"arena size must be >= 0, got {size}")
        self._size = size
        self._live: dict[int, int] = {}  # start of an allocated block -> its length
        self._free_starts: list[int] = []  # starts of the maximal free runs, ascending
        self._free_length: dict[int, int] = {}  # start of a free run -> its length
        self._by_length: list[tuple[int, int]] = []  # (length, start) of every free run, ascending
        if size > 0:
            self._add_free(0, size)

    def malloc(self, n: int) -> int | None:
        """Reserve ``n`` contiguous bytes and return the address (offset) of the first one.

        The block ``[address, address + n)`` lies inside the arena and overlaps no block that is still
        allocated. Returns ``None`` when no contiguous free run of ``n`` bytes exists; any placement
        policy is allowed otherwise. Raises ``ValueError`` if ``n <= 0``.
        """
        if n <= 0:
            raise ValueError(f"allocation size must be positive, got {n}")
        # Best fit: the shortest free run that is long enough (lowest address among equals).
        index = bisect_left(self._by_length, (n, -1))
        if index == len(self._by_length):
            return None
        length, start = self._by_length[index]
        self._remove_free(start, length, length_index=index)
        if length > n:
            self._add_free(start + n, length - n)
        self._live[start] = n
        return start

    def free(self, address: int) -> None:
        """Release the block that starts at ``address`` (an address returned by ``malloc``).

        Raises ``ValueError`` if ``address`` is not the start of a currently allocated block
        (never allocated, inside a block, or already freed).
        """
        length = self._live.pop(address, None)
        if length is None:
            raise ValueError(f"address {address!r} is not the start of an allocated block")
        start, end = address, address + length
        position = bisect_left(self._free_starts, start)
        # Merge with the free run that ends exactly where the block starts ...
        if position > 0:
            left = self._free_starts[position - 1]
            left_length = self._free_length[left]
            if left + left_length == start:
                self._remove_free(left, left_length)
                start = left
        # ... and with the one that starts exactly where it ends.
        right_length = self._free_length.get(end)
        if right_length is not None:
            self._remove_free(end, right_length)
            end += right_length
        self._add_free(start, end - start)

    def _add_free(self, start: int, length: int) -> None:
        insort(self._free_starts, start)
        self._free_length[start] = length
        insort(self._by_length, (length, start))

    def _remove_free(self, start: int, length: int, length_index: int | None = None) -> None:
        del self._free_starts[bisect_left(self._free_starts, start)]
        del self._free_length[start]
        if length_index is None:
            length_index = bisect_left(self._by_length, (length, start))
        del self._by_length[length_index]
