"""The public examples of the statement, judged by validity (any placement policy is accepted)."""

from __future__ import annotations

import pytest

from judge.testing import expect, expect_equal

pytestmark = pytest.mark.group("examples")


def test_example_1_full_arena_then_reuse(allocator, arena_model):
    a = allocator(10)
    model = arena_model(10)
    got = a.malloc(10)
    model.check_malloc(10, got)
    expect_equal(got, 0, input=model.transcript(), what="address (the only block of 10 bytes starts at 0)")
    model.check_malloc(1, a.malloc(1))
    model.check_free(0, a.free(0))
    for n in (4, 7):
        model.check_malloc(n, a.malloc(n))
    expect(len(model.live) == 1, "malloc(7) must return None after malloc(4) in an arena of 10",
           input=model.transcript())


def test_example_2_freed_neighbours_merge(allocator, arena_model):
    a = allocator(3)
    model = arena_model(3)
    blocks = []
    for _ in range(3):
        got = a.malloc(1)
        model.check_malloc(1, got)
        blocks.append(got)
    expect(sorted(blocks) == [0, 1, 2], "three 1-byte blocks must fill an arena of 3 bytes",
           input=model.transcript(), expected=[0, 1, 2], got=blocks)
    model.check_malloc(1, a.malloc(1))
    for address in (blocks[1], blocks[0], blocks[2]):
        model.check_free(address, a.free(address))
    got = a.malloc(3)
    model.check_malloc(3, got)
    expect_equal(got, 0, input=model.transcript(), what="address of the 3-byte block")


def test_example_3_errors(submission, allocator, arena_model, constructor_raises):
    a = allocator(5)
    model = arena_model(5)
    p = a.malloc(2)
    model.check_malloc(2, p)
    model.check_free(p, a.free(p))
    for address in (p, p + 1):
        model.check_raises(f"a.free({address})", a.free, address)
    model.check_raises("a.malloc(0)", a.malloc, 0)
    constructor_raises(submission.Allocator, -1)
    empty = allocator(0)
    expect(empty.malloc(1) is None, "Allocator(0).malloc(1) must return None", expected=None)
