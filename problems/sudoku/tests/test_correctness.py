"""Generated puzzles: unique ones carved from permuted grids, and under-constrained ones (any solution).

Carved puzzles keep 30 to 50 clues here; minimal carved puzzles (22-27 clues) are in the hard group.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

_three = st.permutations([0, 1, 2])
_order = st.tuples(_three, st.tuples(_three, _three, _three)).map(
    lambda t: [band * 3 + t[1][band][i] for band in t[0] for i in range(3)]
)
# arguments of check.transform: digit relabelling, row order, column order, transposition
symmetries = st.tuples(st.permutations("123456789").map("".join), _order, _order, st.booleans())


def _base_grid(check, data) -> list[str]:
    solutions = [check.EXAMPLE_SOLUTION] + [check.rows(sol) for _, _, sol in check.SEVENTEEN_CLUE + check.HARD]
    return data.draw(st.sampled_from(solutions), label="base grid")


@given(data=st.data(), sym=symmetries, order=st.permutations(range(81)), min_clues=st.integers(30, 50))
def test_unique_puzzle_carved_from_a_permuted_grid(reference, check, data, sym, order, min_clues):
    grid = check.transform(_base_grid(check, data), *sym)
    puzzle = check.carve(grid, order, min_clues)
    expected = reference.solve_sudoku(list(puzzle))
    if expected != grid:  # cannot happen: the carved puzzle's only solution is the grid
        raise RuntimeError("the reference disagrees with the generated grid")
    check.solve(puzzle, expected)


@given(data=st.data(), sym=symmetries, kept=st.sets(st.integers(0, 80), max_size=30))
def test_puzzle_with_several_solutions_any_is_accepted(check, data, sym, kept):
    grid = check.transform(_base_grid(check, data), *sym)
    puzzle = ["".join(grid[r][c] if r * 9 + c in kept else check.EMPTY for c in range(9)) for r in range(9)]
    check.solve(puzzle)
