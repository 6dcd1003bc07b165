"""17-clue puzzles, published hard puzzles (one built against backtracking) and minimal generated ones.

Every solve has a time limit of max(8 s, 30x the reference's time on the same puzzle). A plain
backtracker (cells in row-major order, digits 1-9, no propagation) needs about 12 minutes on the first
puzzle; a solver that propagates constraints needs milliseconds, one that only branches on the most
constrained cell well under a second on the published puzzles (a few seconds at worst on permuted ones).
"""

from __future__ import annotations


def test_seventeen_clue_puzzles(check):
    # the anti-backtracking puzzle comes first: its first row is empty and solves to 987654321
    for _name, puzzle, solution in check.SEVENTEEN_CLUE:
        check.solve(check.rows(puzzle), check.rows(solution))


def test_published_hard_puzzles(check):
    for _name, puzzle, solution in check.HARD:
        check.solve(check.rows(puzzle), check.rows(solution))


def test_permuted_hard_puzzles(check, rng):
    # symmetries keep the solution unique and change which cells a fixed search order meets first
    known = check.SEVENTEEN_CLUE + check.HARD
    for _name, puzzle, solution in rng.sample(known, 10):
        sym = check.random_symmetry(rng)
        check.solve(check.transform(check.rows(puzzle), *sym),
                  check.transform(check.rows(solution), *sym))


def test_minimal_generated_puzzles(check, rng):
    # every clue left is needed for uniqueness (typically 22-27 clues)
    bases = [check.EXAMPLE_SOLUTION] + [check.rows(sol) for _, _, sol in check.SEVENTEEN_CLUE + check.HARD]
    for _ in range(6):
        grid = check.transform(rng.choice(bases), *check.random_symmetry(rng))
        order = list(range(81))
        rng.shuffle(order)
        puzzle = check.carve(grid, order, 0)
        check.solve(puzzle, grid)
