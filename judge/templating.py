"""The one jinja2 environment for the judge's templates (stubs, `judge new`, the CI workflow).

Every template renders Python, Markdown, TOML or YAML, never HTML, so nothing is auto-escaped; a name a
template uses but is not given is an error (StrictUndefined), not an empty string in a file a student gets.
"""

from __future__ import annotations

import jinja2

from judge.problems import templates_root


def environment() -> jinja2.Environment:
    """Templates by their path under `templates/` (e.g. `stub.py.j2`, `new/problem.toml.j2`)."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates_root())), keep_trailing_newline=True,
                              undefined=jinja2.StrictUndefined, autoescape=False)
