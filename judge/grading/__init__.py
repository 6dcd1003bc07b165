"""Grading many submissions: `model` (what a run is made of), `manifest` (grading.toml), `discovery` (finding
the submissions), `grading` (judging them all with one seed) and `pool` (one `judge run` process per judging,
on local threads or a Dask cluster)."""
