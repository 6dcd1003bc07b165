"""ValueError for a negative arena, a non-positive request and every kind of bad free; a call that
raises leaves the allocator working as before."""

from __future__ import annotations

import pytest

from judge.testing import expect


@pytest.mark.parametrize("size", [-1, -2, -10**12, -10**30])
def test_negative_arena(check, size):
    check.constructor_raises(size)


@pytest.mark.parametrize("size", [0, 1, 10, 1000])
def test_non_positive_request(check, size):
    a = check.allocator(size)
    model = check.model(size)
    for n in (0, -1, -10**18):
        model.check_raises(f"a.malloc({n})", a.malloc, n)
    if size:
        model.check_malloc(size, a.malloc(size))  # the errors reserved nothing
        for n in (0, -5):
            model.check_raises(f"a.malloc({n})", a.malloc, n)  # also when the arena is full


def test_free_of_never_allocated_addresses(check):
    a = check.allocator(10)
    model = check.model(10)
    for address in (0, 5, 9, 10, 11, -1, 10**20):
        model.check_raises(f"a.free({address})", a.free, address)
    model.check_malloc(10, a.malloc(10))  # nothing was broken


def test_free_of_addresses_inside_or_after_a_block(check):
    a = check.allocator(20)
    model = check.model(20)
    model.check_malloc(20, a.malloc(20))
    model.check_free(0, a.free(0))
    p = a.malloc(7)
    model.check_malloc(7, p)
    expect(p is not None, "malloc(7) in an empty arena of 20 must succeed", input=model.transcript())
    for address in (p + 1, p + 3, p + 6, p + 7, p - 1):
        model.check_raises(f"a.free({address})", a.free, address)
    model.check_malloc(20, a.malloc(20))  # the block is still allocated
    model.check_free(p, a.free(p))
    model.check_malloc(20, a.malloc(20))


def test_double_free(check):
    a = check.allocator(8)
    model = check.model(8)
    for _ in range(8):
        model.check_malloc(1, a.malloc(1))
    expect(len(model.live) == 8, "1-byte requests must succeed while any byte is free", input=model.transcript())
    model.check_free(3, a.free(3))
    model.check_raises("a.free(3)", a.free, 3)
    model.check_free(4, a.free(4))
    model.check_raises("a.free(4)", a.free, 4)
    model.check_raises("a.free(3)", a.free, 3)
    # the two freed bytes form one run of exactly 2 bytes: a double free must not have added more
    model.check_malloc(3, a.malloc(3))
    got = a.malloc(2)
    model.check_malloc(2, got)
    expect(got == 3, "malloc(2) must use the only free run, [3, 5)", input=model.transcript(), expected=3, got=got)
    model.check_malloc(1, a.malloc(1))


def test_free_of_an_address_reused_by_smaller_blocks(check):
    """A block freed and its bytes handed out again: only the new blocks' starts may be freed, once."""
    a = check.allocator(9)
    model = check.model(9)
    model.check_malloc(9, a.malloc(9))
    model.check_free(0, a.free(0))
    for n in (3, 2, 3):
        model.check_malloc(n, a.malloc(n))
    for address in range(-1, 11):
        if not model.is_live_start(address):
            model.check_raises(f"a.free({address})", a.free, address)
    for address in sorted(model.live):
        model.check_free(address, a.free(address))
        model.check_raises(f"a.free({address})", a.free, address)
    model.check_malloc(9, a.malloc(9))
