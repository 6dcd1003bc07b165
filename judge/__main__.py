"""`python -m judge` is the `judge` command.

A batch run (`judge grade` on Dask, `judge audit`) starts one of these per submission with JUDGE_PARENT_PID set:
the child then gets SIGINT when its parent dies (a Dask worker lost mid-task), so it stops its sandbox and exits
instead of judging for nobody (judge.grading.lifeline).
"""

from judge.cli import main
from judge.grading.lifeline import die_with_parent

die_with_parent()
main()
