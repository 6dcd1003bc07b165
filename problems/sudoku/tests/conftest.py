"""Shared data and checks for the sudoku hidden tests.

Boards are lists of 9 strings of 9 characters, ``'1'``-``'9'`` or ``'*'``. The tests build puzzles in
three ways:

* known puzzles (17-clue puzzles and published hard ones) stored with their unique solution;
* validity-preserving symmetries (digit relabelling, row swaps inside a band, band swaps, the same for
  columns, transposition) applied to a puzzle and its solution together: a puzzle with a unique
  solution stays a puzzle with a unique solution, and the transformed solution is that solution;
* clue removal from a full grid, in a drawn order, keeping a clue whenever removing it would allow a
  second solution; uniqueness is decided by the independent counting solver below, not the reference.

Helpers reach the test files through the ``check`` fixture (test files are imported with
``--import-mode=importlib``, so they cannot import this module by name).
"""

from __future__ import annotations

import pytest

from judge.testing import Check, expect, fail, timed_call

ENTRY = "solve_sudoku"
DIGITS = "123456789"
EMPTY = "*"

# Time limit of one solve: TIME_FACTOR times the reference's best time on the same board, at least
# TIME_FLOOR_S. Measured when the tests were written: a plain row-major backtracker needs 730 s on the
# anti-backtracking puzzle (the reference: 0.3 ms), so it is over 90x the limit; a backtracker that only
# branches on the most constrained cell (no propagation) needs at most 0.9 s on the published puzzles and
# up to about 3 s on a few permuted 17-clue puzzles, hence the generous floor.
TIME_FACTOR = 30.0
TIME_FLOOR_S = 8.0

# (name, puzzle, solution), the puzzle as 81 characters read row by row. Every one has exactly one
# solution (checked with the counting solver below when the tests were written).
SEVENTEEN_CLUE = [
    # built against backtracking: the first row is empty and the solution's first row is 987654321
    ("anti-backtracking", "**************3*85**1*2*******5*7*****4***1***9*******5******73**2*1********4***9",
     "987654321246173985351928746128537694634892157795461832519286473472319568863745219"),
    ("royle-17-1", "*******1*4*********2***********5*4*7**8***3****1*9****3**4**2***5*1********8*6***",
     "693784512487512936125963874932651487568247391741398625319475268856129743274836159"),
    ("royle-17-2", "*******1*4*********2***********5*6*4**8***3****1*9****3**4**2***5*1********8*7***",
     "793684512486512937125973846932751684578246391641398725319465278857129463264837159"),
    ("royle-17-3", "*******12****35******6***7*7*****3*****4**8**1***********12*****8*****4**5****6**",
     "673894512912735486845612973798261354526473891134589267469128735287356149351947628"),
    ("royle-17-4", "*******12**36**********7***41**2*******5**3**7*****6**28*****4****3**5***********",
     "679835412123694758548217936416723895892561374735489621287956143961342587354178269"),
    ("royle-17-5", "*******12**8*3***********4*12*5**********47***6*******5*7***3*****62*******1*****",
     "346795812258431697971862543129576438835214769764389251517948326493627185682153974"),
    ("top95-1", "4*****8*5*3**********7******2*****6*****8*4******1*******6*3*7*5**2*****1*4******",
     "417369825632158947958724316825437169791586432346912758289643571573291684164875293"),
]

HARD = [
    ("inkala-2012", "8**********36******7**9*2***5***7*******457*****1***3***1****68**85***1**9****4**",
     "812753649943682175675491283154237896369845721287169534521974368438526917796318452"),
    ("ai-escargot", "1****7*9**3**2***8**96**5****53**9***1**8***26****4***3******1**4******7**7***3**",
     "162857493534129678789643521475312986913586742628794135356478219241935867897261354"),
    ("golden-nugget", "*******39****1***5**3**58****8**9**6*7**2****1**4*******9**8*5**2****6**4**7*****",
     "751864239892317465643295871238179546974526318165483927319648752527931684486752193"),
    ("kolk", "***7**8****6****31*4***2****24*7*****1**3**8*****6*29****8***7*86****5****2**6***",
     "159743862276589431348612759624978315917235684583164297435821976861497523792356148"),
    # the "hard20" benchmark set (the anti-backtracking and two 17-clue puzzles above are its first,
    # seventeenth and eighteenth entries)
    ("hard20-02", "*******12********3**23**4****18****5*6**7*8*******9*****85*****9***4*5**47***6***",
     "839465712146782953752391486391824675564173829287659341628537194913248567475916238"),
    ("hard20-03", "*2**5*7**4**1****68****3***2****8**3*4**2*5*****6***1***2*9*****9******57*4***9**",
     "123456789457189236869273154271548693346921578985637412512394867698712345734865921"),
    ("hard20-04", "********3**1**56***9**4**7******9*5*7*******8*5*4*2****8**2**9***35**1**6********",
     "562987413471235689398146275236819754714653928859472361187324596923568147645791832"),
    ("hard20-05", "12*3****435****1****4********54**2**6***7*********8*9***31**5*******9*7*****6***8",
     "126395784359847162874621953985416237631972845247538691763184529418259376592763418"),
    ("hard20-06", "1*******2*9*4***5***6***7***5*9*3*******7*******85**4*7*****6***3***9*8***2*****1",
     "174385962293467158586192734451923876928674315367851249719548623635219487842736591"),
    ("hard20-07", "*******39*****1**5**3*5*8****8*9***6*7***2***1**4*******9*8**5**2****6**4**7*****",
     "751846239892371465643259871238197546974562318165438927319684752527913684486725193"),
    ("hard20-08", "12*3*****4*****3****3*5******42**5******8***9*6***5*7***15**2******9**6******7**8",
     "125374896479618325683952714714269583532781649968435172891546237257893461346127958"),
    ("hard20-09", "**3**6*8****1**2******7***4**9**8*6**3**4***1*7*2*****3****5*****5***6**98*****5*",
     "123456789457189236896372514249518367538647921671293845364925178715834692982761453"),
    ("hard20-10", "1*******9**67***2**8****4******75*3***5**2****6*3******9****8**6***4***1**25***6*",
     "123456789456789123789123456214975638375862914968314275591637842637248591842591367"),
    ("hard20-11", "**9***4***7*3***2*8***6***71**8****6****1**7*****56***3****5**1*4*****9***2***7**",
     "239187465675394128814562937123879546456213879798456312367945281541728693982631754"),
    ("hard20-12", "****9**5**1*****3***23**7****45***7*8*****2*******64***9**1*****8**6******54****7",
     "743892156518647932962351748624589371879134265351276489496715823287963514135428697"),
    ("hard20-13", "4***3*******6**8**********1****5**9**8****6***7*2********1*27**5*3****4*9********",
     "468931527751624839392578461134756298289413675675289314846192753513867942927345186"),
    ("hard20-14", "7*8***3*****2*1***5*********4*****263***8*******1***9**9*6****4****7*5***********",
     "728946315934251678516738249147593826369482157852167493293615784481379562675824931"),
    ("hard20-15", "3*7*4***********918********4*****7*****16*******25**********38**9****5***2*6*****",
     "317849265245736891869512473456398712732164958981257634174925386693481527528673149"),
    ("hard20-16", "********8**3***4***9**2**6*****79*******612***6*5*2*7***8***5***1*****2*4*5*****3",
     "621943758783615492594728361142879635357461289869532174238197546916354827475286913"),
    ("hard20-19", "1*******2*9*4***5***6***7***5*3*4*******6********58*4***2***6***3***9*8*7*******1",
     "174835962293476158586192734957324816428961375361758249812547693635219487749683521"),
    ("hard20-20", "*****1*2*3***4*5*****6****7**2*****1*8**9**3*4*****8**5****2****9**3*4****67*****",
     "869571324327849516145623987952368741681497235473215869514982673798136452236754198"),
]

# The statement's first example and its solution; also the base grid the generators permute.
EXAMPLE_PUZZLE = ["53**7****", "6**195***", "*98****6*", "8***6***3", "4**8*3**1",
                  "7***2***6", "*6****28*", "***419**5", "****8**79"]
EXAMPLE_SOLUTION = ["534678912", "672195348", "198342567", "859761423", "426853791",
                    "713924856", "961537284", "287419635", "345286179"]


def rows(flat: str) -> list[str]:
    """81 characters -> 9 rows."""
    return [flat[r * 9:r * 9 + 9] for r in range(9)]


def clues(board: list[str]) -> int:
    return sum(len(row) - row.count(EMPTY) for row in board)


# -- symmetries ------------------------------------------------------------------------------------------

def transform(board: list[str], relabel: str, row_order: list[int], col_order: list[int],
              transpose: bool) -> list[str]:
    """Apply a sudoku symmetry: digit d -> relabel[d-1], then take rows/columns in the given order."""
    table = str.maketrans(DIGITS, relabel)
    grid = [board[r].translate(table) for r in row_order]
    grid = ["".join(row[c] for c in col_order) for row in grid]
    if transpose:
        grid = ["".join(grid[r][c] for r in range(9)) for c in range(9)]
    return grid


def line_order(band_order: list[int], inner: list[list[int]]) -> list[int]:
    """Row (or column) order from a permutation of the bands and one permutation inside each band."""
    return [band * 3 + inner[band][i] for band in band_order for i in range(3)]


def random_symmetry(rng) -> tuple:
    """Random arguments for `transform` (the hypothesis tests draw the same shape with a strategy)."""
    def order() -> list[int]:
        return line_order(rng.sample(range(3), 3), [rng.sample(range(3), 3) for _ in range(3)])
    return "".join(rng.sample(DIGITS, 9)), order(), order(), rng.random() < 0.5


# -- the independent oracle: a solution counter ------------------------------------------------------------

def _box(r: int, c: int) -> int:
    return (r // 3) * 3 + c // 3


def count_solutions(board: list[str], limit: int = 2) -> int:
    """Number of solutions of a well-formed board, counting stops at `limit` (0 if givens conflict)."""
    row_used = [0] * 9
    col_used = [0] * 9
    box_used = [0] * 9
    empty = []
    for r in range(9):
        for c in range(9):
            ch = board[r][c]
            if ch == EMPTY:
                empty.append((r, c, _box(r, c)))
                continue
            bit = 1 << (int(ch) - 1)
            b = _box(r, c)
            if (row_used[r] | col_used[c] | box_used[b]) & bit:
                return 0
            row_used[r] |= bit
            col_used[c] |= bit
            box_used[b] |= bit
    found = 0

    def search(open_cells: list) -> bool:
        nonlocal found
        if not open_cells:
            found += 1
            return found >= limit
        best = -1
        best_free = 0
        best_count = 10
        for i, (r, c, b) in enumerate(open_cells):
            free = ~(row_used[r] | col_used[c] | box_used[b]) & 0x1FF
            n = bin(free).count("1")
            if n < best_count:
                best, best_free, best_count = i, free, n
                if n <= 1:
                    break
        if best_count == 0:
            return False
        r, c, b = open_cells[best]
        rest = open_cells[:best] + open_cells[best + 1:]
        while best_free:
            bit = best_free & -best_free
            best_free ^= bit
            row_used[r] |= bit
            col_used[c] |= bit
            box_used[b] |= bit
            stop = search(rest)
            row_used[r] ^= bit
            col_used[c] ^= bit
            box_used[b] ^= bit
            if stop:
                return True
        return False

    search(empty)
    return found


def carve(grid: list[str], order: list[int], min_clues: int) -> list[str]:
    """Remove clues of a full grid in `order` (cell indices) while the solution stays unique."""
    cells = [list(row) for row in grid]
    left = 81
    for index in order:
        if left <= min_clues:
            break
        r, c = divmod(index, 9)
        kept = cells[r][c]
        cells[r][c] = EMPTY
        if count_solutions(["".join(row) for row in cells]) == 1:
            left -= 1
        else:
            cells[r][c] = kept
    return ["".join(row) for row in cells]


# -- checks ----------------------------------------------------------------------------------------------

def check_solution(got: object, puzzle: list[str], expected: list[str] | None = None) -> None:
    """`got` must be a list of 9 digit strings forming a valid grid that keeps every given of `puzzle`.

    With `expected` (the puzzle's unique solution) the result must also equal it; it is shown in reports.
    """
    shown = expected if expected is not None else "a valid completion of the puzzle"
    if not isinstance(got, list):
        fail(f"the result must be a list of 9 str, not {type(got).__name__}", input=puzzle, expected=shown, got=got)
    expect(len(got) == 9, f"the result must have 9 rows, it has {len(got)}", input=puzzle, expected=shown, got=got)
    for r, row in enumerate(got):
        if not isinstance(row, str):
            fail(f"row {r} of the result must be a str, not {type(row).__name__}", input=puzzle, expected=shown,
                 got=got)
        expect(len(row) == 9 and all(ch in DIGITS for ch in row),
               f"row {r} of the result must be 9 characters '1'-'9'", input=puzzle, expected=shown, got=got)
    for r in range(9):
        for c in range(9):
            given = puzzle[r][c]
            if given != EMPTY and got[r][c] != given:
                fail(f"the given {given} at row {r}, column {c} was changed to {got[r][c]}", input=puzzle,
                     expected=shown, got=got)
    for r in range(9):
        expect(set(got[r]) == set(DIGITS), f"row {r} does not hold every digit once", input=puzzle,
               expected=shown, got=got)
    for c in range(9):
        expect({got[r][c] for r in range(9)} == set(DIGITS), f"column {c} does not hold every digit once",
               input=puzzle, expected=shown, got=got)
    for b in range(9):
        digits = {got[r][c] for r in range(9) for c in range(9) if _box(r, c) == b}
        expect(digits == set(DIGITS), f"box {b} does not hold every digit once", input=puzzle, expected=shown,
               got=got)
    if expected is not None:
        expect(got == expected, "not the puzzle's only solution", input=puzzle, expected=expected, got=got)


def _reference_call(reference, board):
    try:
        return reference.solve_sudoku(board)
    except ValueError:
        return None


def call_timed(submission, reference, board: list[str], report_args: bool = False):
    """One call on `board` within TIME_FACTOR times the reference's best time on it, at least TIME_FLOOR_S."""
    return timed_call(submission, reference, ENTRY, (board,), factor=TIME_FACTOR, floor_s=TIME_FLOOR_S,
                      what=f"the board {shown_board(board)}", report_args=report_args,
                      oracle=lambda board: _reference_call(reference, board))


def shown_board(board: object) -> str:
    return "".join(board) if isinstance(board, list) and all(isinstance(row, str) for row in board) else repr(board)


def solve(submission, reference, board: list[str], expected: list[str] | None = None) -> list[str]:
    """Run the submission on a solvable `board` within the scaled limit and check the result and the input."""
    original = list(board)
    res = call_timed(submission, reference, board, report_args=True)
    check_solution(res.value, original, expected)
    expect(res.args_after is not None and res.args_after[0] == original,
           "the input list was modified", input=original, expected=original,
           got=None if res.args_after is None else res.args_after[0])
    return res.value


def expect_value_error(submission, reference, board: object, why: str) -> None:
    """The submission must raise ValueError (a subclass is fine) for `board`, within the scaled limit."""
    try:
        res = call_timed(submission, reference, board) if _well_formed(board) \
            else submission.call(ENTRY, args=(board,))
    except ValueError:
        return
    fail(f"expected ValueError: {why}", input=board, expected="ValueError", got=res.value)


def _well_formed(board: object) -> bool:
    return (isinstance(board, list) and len(board) == 9
            and all(isinstance(row, str) and len(row) == 9 and set(row) <= set(DIGITS + EMPTY) for row in board))


class SudokuCheck(Check):
    """``check.solve(board, expected=None)`` and ``check.value_error(board, why)`` with the submission and the
    reference bound, plus the shared data and builders (``check.HARD``, ``check.transform``, ``check.carve``...)."""

    entry = ENTRY
    DIGITS, EMPTY, SEVENTEEN_CLUE, HARD = DIGITS, EMPTY, SEVENTEEN_CLUE, HARD
    EXAMPLE_PUZZLE, EXAMPLE_SOLUTION = EXAMPLE_PUZZLE, EXAMPLE_SOLUTION
    rows, clues, transform = staticmethod(rows), staticmethod(clues), staticmethod(transform)
    line_order, random_symmetry = staticmethod(line_order), staticmethod(random_symmetry)
    count_solutions, carve = staticmethod(count_solutions), staticmethod(carve)
    check_solution = staticmethod(check_solution)

    def solve(self, board: list[str], expected: list[str] | None = None) -> list[str]:
        return solve(self.submission, self.reference, board, expected)

    def solve_sudoku(self, board: list[str]) -> list[str]:
        """A solvable board whose only solution is the reference's (the statement's examples)."""
        return self.solve(board, _reference_call(self.reference, list(board)))

    __call__ = solve_sudoku

    def value_error(self, board: object, why: str) -> None:
        expect_value_error(self.submission, self.reference, board, why)

    def raises(self, kind: type[BaseException], entry: str, *args: object, **kwargs: object) -> None:
        self.value_error(args[0], "as the statement's example says")

    def call_timed(self, board: list[str], report_args: bool = False):
        return call_timed(self.submission, self.reference, board, report_args)


@pytest.fixture
def check(submission, reference) -> SudokuCheck:
    return SudokuCheck(submission, reference)
