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
    a, model = check.arena(size)
    for n in (0, -1, -10**18):
        model.raises(a, "malloc", n)
    if size:
        model.malloc(a, size)  # the errors reserved nothing
        for n in (0, -5):
            model.raises(a, "malloc", n)  # also when the arena is full


def test_free_of_never_allocated_addresses(check):
    a, model = check.arena(10)
    for address in (0, 5, 9, 10, 11, -1, 10**20):
        model.raises(a, "free", address)
    model.malloc(a, 10)  # nothing was broken


def test_free_of_addresses_inside_or_after_a_block(check):
    a, model = check.arena(20)
    model.malloc(a, 20)
    model.free(a, 0)
    p = model.malloc(a, 7)
    expect(p is not None, "malloc(7) in an empty arena of 20 must succeed", input=model.transcript())
    for address in (p + 1, p + 3, p + 6, p + 7, p - 1):
        model.raises(a, "free", address)
    model.malloc(a, 20)  # the block is still allocated
    model.free(a, p)
    model.malloc(a, 20)


def test_double_free(check):
    a, model = check.arena(8)
    for _ in range(8):
        model.malloc(a, 1)
    expect(len(model.live) == 8, "1-byte requests must succeed while any byte is free", input=model.transcript())
    model.free(a, 3)
    model.raises(a, "free", 3)
    model.free(a, 4)
    model.raises(a, "free", 4)
    model.raises(a, "free", 3)
    # the two freed bytes form one run of exactly 2 bytes: a double free must not have added more
    model.malloc(a, 3)
    got = model.malloc(a, 2)
    expect(got == 3, "malloc(2) must use the only free run, [3, 5)", input=model.transcript(), expected=3, got=got)
    model.malloc(a, 1)


def test_free_of_an_address_reused_by_smaller_blocks(check):
    """A block freed and its bytes handed out again: only the new blocks' starts may be freed, once."""
    a, model = check.arena(9)
    model.malloc(a, 9)
    model.free(a, 0)
    for n in (3, 2, 3):
        model.malloc(a, n)
    for address in range(-1, 11):
        if not model.is_live_start(address):
            model.raises(a, "free", address)
    for address in sorted(model.live):
        model.free(a, address)
        model.raises(a, "free", address)
    model.malloc(a, 9)
