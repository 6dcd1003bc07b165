# expect: accepted
# why: Norvig-style constraint propagation on a dict of candidate strings (eliminate + only-place
#      rule), then depth-first search on the square with the fewest candidates, copying the dict.

ROWS = "ABCDEFGHI"
COLS = "123456789"
DIGITS = "123456789"


def _cross(a, b):
    return [x + y for x in a for y in b]


SQUARES = _cross(ROWS, COLS)
UNITLIST = (
    [_cross(ROWS, c) for c in COLS]
    + [_cross(r, COLS) for r in ROWS]
    + [_cross(rs, cs) for rs in ("ABC", "DEF", "GHI") for cs in ("123", "456", "789")]
)
UNITS = {s: [u for u in UNITLIST if s in u] for s in SQUARES}
PEERS = {s: set(sum(UNITS[s], [])) - {s} for s in SQUARES}


def _assign(values, s, d):
    for other in values[s].replace(d, ""):
        if not _eliminate(values, s, other):
            return False
    return True


def _eliminate(values, s, d):
    if d not in values[s]:
        return True
    values[s] = values[s].replace(d, "")
    if not values[s]:
        return False
    if len(values[s]) == 1:
        last = values[s]
        if not all(_eliminate(values, p, last) for p in PEERS[s]):
            return False
    for unit in UNITS[s]:
        places = [sq for sq in unit if d in values[sq]]
        if not places:
            return False
        if len(places) == 1 and not _assign(values, places[0], d):
            return False
    return True


def _search(values):
    if values is False:
        return False
    if all(len(values[s]) == 1 for s in SQUARES):
        return values
    _n, s = min((len(values[s]), s) for s in SQUARES if len(values[s]) > 1)
    for d in values[s]:
        result = _search(_try(values, s, d))
        if result:
            return result
    return False


def _try(values, s, d):
    trial = dict(values)
    return trial if _assign(trial, s, d) else False


def solve_sudoku(board: list[str]) -> list[str]:
    if type(board) is not list or len(board) != 9:
        raise ValueError("need a list of 9 rows")
    givens = {}
    for r, row in enumerate(board):
        if type(row) is not str or len(row) != 9:
            raise ValueError("every row must be a str of length 9")
        for c, ch in enumerate(row):
            if ch == "*":
                continue
            if ch not in DIGITS:
                raise ValueError(f"bad character {ch!r}")
            givens[ROWS[r] + COLS[c]] = ch
    for unit in UNITLIST:
        placed = [givens[s] for s in unit if s in givens]
        if len(placed) != len(set(placed)):
            raise ValueError("conflicting givens")
    values = {s: DIGITS for s in SQUARES}
    for s, d in givens.items():
        if not _assign(values, s, d):
            raise ValueError("no solution")
    solved = _search(values)
    if not solved:
        raise ValueError("no solution")
    return ["".join(solved[r + c] for c in COLS) for r in ROWS]
