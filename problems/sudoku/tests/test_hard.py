"""17-clue puzzles, published hard puzzles (one built against backtracking) and minimal generated ones.

Every solve has a time limit of max(8 s, 30x the reference's time on the same puzzle). A plain
backtracker (cells in row-major order, digits 1-9, no propagation) needs about 12 minutes on the first
puzzle; a solver that propagates constraints needs milliseconds, one that only branches on the most
constrained cell well under a second on the published puzzles (a few seconds at worst on permuted ones).
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.group("hard")


def test_seventeen_clue_puzzles(submission, reference, kit):
    # the anti-backtracking puzzle comes first: its first row is empty and solves to 987654321
    for _name, puzzle, solution in kit.SEVENTEEN_CLUE:
        kit.solve(submission, reference, kit.rows(puzzle), kit.rows(solution))


def test_published_hard_puzzles(submission, reference, kit):
    for _name, puzzle, solution in kit.HARD:
        kit.solve(submission, reference, kit.rows(puzzle), kit.rows(solution))


def test_permuted_hard_puzzles(submission, reference, kit, rng):
    # symmetries keep the solution unique and change which cells a fixed search order meets first
    known = kit.SEVENTEEN_CLUE + kit.HARD
    for _name, puzzle, solution in rng.sample(known, 10):
        sym = kit.random_symmetry(rng)
        kit.solve(submission, reference, kit.transform(kit.rows(puzzle), *sym),
                  kit.transform(kit.rows(solution), *sym))


def test_minimal_generated_puzzles(submission, reference, kit, rng):
    # every clue left is needed for uniqueness (typically 22-27 clues)
    bases = [kit.EXAMPLE_SOLUTION] + [kit.rows(sol) for _, _, sol in kit.SEVENTEEN_CLUE + kit.HARD]
    for _ in range(6):
        grid = kit.transform(rng.choice(bases), *kit.random_symmetry(rng))
        order = list(range(81))
        rng.shuffle(order)
        puzzle = kit.carve(grid, order, 0)
        kit.solve(submission, reference, puzzle, grid)
