"""Edge cases: empty and one-byte arenas, exact fits, every way two or three free runs must merge,
independent instances, requests far larger than the arena."""

from __future__ import annotations

import itertools

import pytest

from judge.testing import expect, expect_equal


def fill_with_unit_blocks(a, model) -> None:
    """Fill the whole arena with 1-byte blocks: afterwards every address is the start of a live block."""
    for _ in range(model.size):
        model.malloc(a, 1)
    expect(len(model.live) == model.size, "1-byte requests must succeed while any byte is free",
           input=model.transcript())
    model.malloc(a, 1)


def test_reuse_of_a_freed_address(check):
    a, model = check.arena(6)
    for _ in range(5):
        model.malloc(a, 6)
        model.free(a, 0)
    model.raises(a, "free", 0)
    model.malloc(a, 6)


def test_empty_arena(check):
    a, model = check.arena(0)
    for n in (1, 1, 2, 10**6, 10**18):
        model.malloc(a, n)
    model.raises(a, "free", 0)
    model.malloc(a, 1)


def test_one_byte_arena(check):
    a, model = check.arena(1)
    for _ in range(3):
        got = model.malloc(a, 1)
        expect_equal(got, 0, input=model.transcript(), what="address")
        model.malloc(a, 1)
        model.malloc(a, 2)
        model.free(a, 0)
        model.malloc(a, 2)


@pytest.mark.parametrize("size", [1, 7, 64, 10**6])
def test_whole_arena_and_larger_requests(check, size):
    a, model = check.arena(size)
    for n in (size + 1, 2 * size, 10**30):
        model.malloc(a, n)
    got = model.malloc(a, size)
    expect_equal(got, 0, input=model.transcript(), what="address of a block as large as the arena")
    model.malloc(a, 1)
    model.free(a, 0)
    model.malloc(a, size)


@pytest.mark.parametrize("hole", [(0, 3), (3, 3), (9, 3), (5, 1), (0, 12)])
def test_exact_fit_of_the_only_free_run(check, hole):
    """Free a run of exactly n bytes in a full arena: malloc(n) must use it, malloc(n + 1) must not."""
    start, length = hole
    a, model = check.arena(12)
    fill_with_unit_blocks(a, model)
    for address in range(start, start + length):
        model.free(a, address)
    model.malloc(a, length + 1)
    got = model.malloc(a, length)
    expect_equal(got, start, input=model.transcript(), what="address (the only free run)")


@pytest.mark.parametrize("run", [(0, 3), (4, 3), (9, 3), (2, 2), (10, 2)])
def test_freed_neighbours_merge_in_every_order(check, run):
    """A run of adjacent 1-byte blocks freed in every order (merge on the left, on the right, on both
    sides, at the start and at the end of the arena) must serve one request of the whole run."""
    start, length = run
    for order in itertools.permutations(range(start, start + length)):
        a, model = check.arena(12)
        fill_with_unit_blocks(a, model)
        for address in order:
            model.free(a, address)
        got = model.malloc(a, length)
        expect_equal(got, start, input=model.transcript(), what="address (the merged run)")


def test_everything_freed_merges_back_into_one_run(check, rng):
    for size in (5, 16, 33):
        for _ in range(4):
            a, model = check.arena(size)
            fill_with_unit_blocks(a, model)
            order = list(range(size))
            rng.shuffle(order)
            for address in order:
                model.free(a, address)
            got = model.malloc(a, size)
            expect_equal(got, 0, input=model.transcript(), what="address of the whole arena")


def test_mixed_block_sizes_merge_with_both_neighbours(check):
    """Blocks of 3, 5 and 2 bytes fill an arena of 10 exactly; freeing the outer ones, then the middle
    one, must merge the three runs."""
    for sizes in itertools.permutations((3, 5, 2)):
        a, model = check.arena(10)
        for n in sizes:
            model.malloc(a, n)
        if len(model.live) < 3:
            continue  # a placement that leaves the arena fragmented is allowed
        starts = sorted(model.live)
        for address in (starts[0], starts[2], starts[1]):
            model.free(a, address)
        model.malloc(a, 10)


def test_instances_are_independent(check):
    (a, model_a), (b, model_b) = check.arena(10), check.arena(10)
    model_a.malloc(a, 10)
    model_b.malloc(b, 10)
    model_a.free(a, 0)
    model_b.malloc(b, 1)
    model_a.malloc(a, 4)
    model_b.free(b, 0)
    model_b.check_raises("b.free(0)", b.free, 0)
    c, model_c = check.arena(3)
    model_c.malloc(c, 4)
    model_c.malloc(c, 3)
