# expect: accepted
# why: no propagation at all: recursive backtracking that always fills the empty cell with the fewest
#      candidates (row/column/box sets), trying its candidates in increasing order.


def solve_sudoku(board: list[str]) -> list[str]:
    if not isinstance(board, list) or len(board) != 9:
        raise ValueError("board must be a list of 9 strings")
    if not all(isinstance(row, str) and len(row) == 9 for row in board):
        raise ValueError("each row must be a string of 9 characters")
    grid = [[0] * 9 for _ in range(9)]
    rows = [set() for _ in range(9)]
    cols = [set() for _ in range(9)]
    boxes = [set() for _ in range(9)]
    empty = []
    for r in range(9):
        for c in range(9):
            ch = board[r][c]
            if ch == "*":
                empty.append((r, c))
                continue
            if ch not in "123456789":
                raise ValueError(f"invalid character {ch!r}")
            v = int(ch)
            b = (r // 3) * 3 + c // 3
            if v in rows[r] or v in cols[c] or v in boxes[b]:
                raise ValueError("conflicting givens")
            grid[r][c] = v
            rows[r].add(v)
            cols[c].add(v)
            boxes[b].add(v)

    full = set(range(1, 10))

    def backtrack(remaining):
        if not remaining:
            return True
        best = None
        best_options = None
        for i, (r, c) in enumerate(remaining):
            options = full - rows[r] - cols[c] - boxes[(r // 3) * 3 + c // 3]
            if best_options is None or len(options) < len(best_options):
                best, best_options = i, options
                if len(options) <= 1:
                    break
        r, c = remaining[best]
        b = (r // 3) * 3 + c // 3
        rest = remaining[:best] + remaining[best + 1:]
        for v in sorted(best_options):
            grid[r][c] = v
            rows[r].add(v)
            cols[c].add(v)
            boxes[b].add(v)
            if backtrack(rest):
                return True
            rows[r].remove(v)
            cols[c].remove(v)
            boxes[b].remove(v)
        grid[r][c] = 0
        return False

    if not backtrack(empty):
        raise ValueError("the puzzle has no solution")
    return ["".join(str(v) for v in row) for row in grid]
