"""Grading many submissions: `model` (what a run is made of), `manifest` (grading.toml), `discovery` (finding
the submissions), `grading` (judging them all with one seed), `pool` (a process per judging, on local threads or
a Dask cluster), `server` (the local executor's judging servers, forking each judging) and `lifeline` (dying
with the parent)."""
