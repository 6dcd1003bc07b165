"""Edge cases: empty and one-byte arenas, exact fits, every way two or three free runs must merge,
independent instances, requests far larger than the arena."""

from __future__ import annotations

import itertools

import pytest

from judge.testing import expect, expect_equal


def fill_with_unit_blocks(a, model) -> None:
    """Fill the whole arena with 1-byte blocks: afterwards every address is the start of a live block."""
    for _ in range(model.size):
        model.check_malloc(1, a.malloc(1))
    expect(len(model.live) == model.size, "1-byte requests must succeed while any byte is free",
           input=model.transcript())
    model.check_malloc(1, a.malloc(1))


def test_empty_arena(check):
    a = check.allocator(0)
    model = check.model(0)
    for n in (1, 1, 2, 10**6, 10**18):
        model.check_malloc(n, a.malloc(n))
    model.check_raises("a.free(0)", a.free, 0)
    model.check_malloc(1, a.malloc(1))


def test_one_byte_arena(check):
    a = check.allocator(1)
    model = check.model(1)
    for _ in range(3):
        got = a.malloc(1)
        model.check_malloc(1, got)
        expect_equal(got, 0, input=model.transcript(), what="address")
        model.check_malloc(1, a.malloc(1))
        model.check_malloc(2, a.malloc(2))
        model.check_free(0, a.free(0))
        model.check_malloc(2, a.malloc(2))


@pytest.mark.parametrize("size", [1, 7, 64, 10**6])
def test_whole_arena_and_larger_requests(check, size):
    a = check.allocator(size)
    model = check.model(size)
    for n in (size + 1, 2 * size, 10**30):
        model.check_malloc(n, a.malloc(n))
    got = a.malloc(size)
    model.check_malloc(size, got)
    expect_equal(got, 0, input=model.transcript(), what="address of a block as large as the arena")
    model.check_malloc(1, a.malloc(1))
    model.check_free(0, a.free(0))
    model.check_malloc(size, a.malloc(size))


@pytest.mark.parametrize("hole", [(0, 3), (3, 3), (9, 3), (5, 1), (0, 12)])
def test_exact_fit_of_the_only_free_run(check, hole):
    """Free a run of exactly n bytes in a full arena: malloc(n) must use it, malloc(n + 1) must not."""
    start, length = hole
    a = check.allocator(12)
    model = check.model(12)
    fill_with_unit_blocks(a, model)
    for address in range(start, start + length):
        model.check_free(address, a.free(address))
    model.check_malloc(length + 1, a.malloc(length + 1))
    got = a.malloc(length)
    model.check_malloc(length, got)
    expect_equal(got, start, input=model.transcript(), what="address (the only free run)")


@pytest.mark.parametrize("run", [(0, 3), (4, 3), (9, 3), (2, 2), (10, 2)])
def test_freed_neighbours_merge_in_every_order(check, run):
    """A run of adjacent 1-byte blocks freed in every order (merge on the left, on the right, on both
    sides, at the start and at the end of the arena) must serve one request of the whole run."""
    start, length = run
    for order in itertools.permutations(range(start, start + length)):
        a = check.allocator(12)
        model = check.model(12)
        fill_with_unit_blocks(a, model)
        for address in order:
            model.check_free(address, a.free(address))
        got = a.malloc(length)
        model.check_malloc(length, got)
        expect_equal(got, start, input=model.transcript(), what="address (the merged run)")


def test_everything_freed_merges_back_into_one_run(check, rng):
    for size in (5, 16, 33):
        for _ in range(4):
            a = check.allocator(size)
            model = check.model(size)
            fill_with_unit_blocks(a, model)
            order = list(range(size))
            rng.shuffle(order)
            for address in order:
                model.check_free(address, a.free(address))
            got = a.malloc(size)
            model.check_malloc(size, got)
            expect_equal(got, 0, input=model.transcript(), what="address of the whole arena")


def test_mixed_block_sizes_merge_with_both_neighbours(check):
    """Blocks of 3, 5 and 2 bytes fill an arena of 10 exactly; freeing the outer ones, then the middle
    one, must merge the three runs."""
    for sizes in itertools.permutations((3, 5, 2)):
        a = check.allocator(10)
        model = check.model(10)
        for n in sizes:
            model.check_malloc(n, a.malloc(n))
        if len(model.live) < 3:
            continue  # a placement that leaves the arena fragmented is allowed
        starts = sorted(model.live)
        for address in (starts[0], starts[2], starts[1]):
            model.check_free(address, a.free(address))
        model.check_malloc(10, a.malloc(10))


def test_reuse_of_a_freed_address(check):
    a = check.allocator(6)
    model = check.model(6)
    for _ in range(5):
        got = a.malloc(6)
        model.check_malloc(6, got)
        model.check_free(0, a.free(0))
    model.check_raises("a.free(0)", a.free, 0)
    model.check_malloc(6, a.malloc(6))


def test_instances_are_independent(check):
    a, b = check.allocator(10), check.allocator(10)
    model_a, model_b = check.model(10), check.model(10)
    model_a.check_malloc(10, a.malloc(10))
    model_b.check_malloc(10, b.malloc(10))
    model_a.check_free(0, a.free(0))
    model_b.check_malloc(1, b.malloc(1))
    model_a.check_malloc(4, a.malloc(4))
    model_b.check_free(0, b.free(0))
    model_b.check_raises("b.free(0)", b.free, 0)
    c = check.allocator(3)
    model_c = check.model(3)
    model_c.check_malloc(4, c.malloc(4))
    model_c.check_malloc(3, c.malloc(3))
