# expect: time_limit_exceeded
# why: plain backtracking: cells in row-major order, digits 1-9, no propagation and no choice of the
#      most constrained cell; correct, but it needs minutes on the anti-backtracking 17-clue puzzle.


def solve_sudoku(board: list[str]) -> list[str]:
    if not isinstance(board, list) or len(board) != 9:
        raise ValueError("board must be a list of 9 strings")
    for row in board:
        if not isinstance(row, str) or len(row) != 9:
            raise ValueError("each row must be a string of 9 characters")
        for ch in row:
            if ch not in "123456789*":
                raise ValueError(f"invalid character {ch!r}")
    grid = [list(row) for row in board]

    def allowed(r, c, ch):
        for i in range(9):
            if grid[r][i] == ch or grid[i][c] == ch:
                return False
        br, bc = r // 3 * 3, c // 3 * 3
        for i in range(br, br + 3):
            for j in range(bc, bc + 3):
                if grid[i][j] == ch:
                    return False
        return True

    for r in range(9):
        for c in range(9):
            ch = grid[r][c]
            if ch != "*":
                grid[r][c] = "*"
                if not allowed(r, c, ch):
                    raise ValueError("conflicting givens")
                grid[r][c] = ch

    def backtrack(pos):
        if pos == 81:
            return True
        r, c = divmod(pos, 9)
        if grid[r][c] != "*":
            return backtrack(pos + 1)
        for ch in "123456789":
            if allowed(r, c, ch):
                grid[r][c] = ch
                if backtrack(pos + 1):
                    return True
        grid[r][c] = "*"
        return False

    if not backtrack(0):
        raise ValueError("no solution")
    return ["".join(row) for row in grid]
