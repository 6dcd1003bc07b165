"""Reference timings are measured once per machine and input shape, then reused, scaled by this run's load."""

from __future__ import annotations

from pathlib import Path

import pytest

from judge import timings


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "timings.json"
    monkeypatch.setenv(timings.CACHE_ENV, str(path))
    monkeypatch.setattr(timings, "_ordinals", {})
    monkeypatch.setattr(timings, "calibration_s", lambda: 0.005)
    return path


def _reference(items: list) -> list:
    return list(items)


def _time(items: list, measured: list[float], seconds: float) -> float:
    def measure() -> float:
        measured.append(seconds)
        return seconds

    return timings.reference_seconds(_reference, (items,), measure)


def test_measured_once_then_reused(cache: Path) -> None:
    measured: list[float] = []
    assert _time([1] * 10, measured, 0.25) == 0.25
    timings._ordinals.clear()  # the next run of the same test
    assert _time([2] * 10, measured, 9.0) == pytest.approx(0.25 * timings.CACHED_MARGIN)  # same shape: cached
    assert measured == [0.25]
    assert cache.is_file()


def test_another_input_shape_is_measured_again(cache: Path) -> None:
    measured: list[float] = []
    _time([1] * 10, measured, 0.25)
    timings._ordinals.clear()
    assert _time([1] * 11, measured, 0.5) == 0.5
    assert measured == [0.25, 0.5]


def test_a_busier_machine_gets_a_proportionally_longer_time(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    measured: list[float] = []
    _time([1] * 10, measured, 0.25)
    timings._ordinals.clear()
    monkeypatch.setattr(timings, "calibration_s", lambda: 0.010)  # this run's calibration took twice as long
    assert _time([1] * 10, measured, 9.0) == pytest.approx(0.5 * timings.CACHED_MARGIN)
    timings._ordinals.clear()
    monkeypatch.setattr(timings, "calibration_s", lambda: 0.0001)  # a quiet moment cannot make it tighter
    assert _time([1] * 10, measured, 9.0) == pytest.approx(0.25 * timings.CACHED_MARGIN)


def test_each_measurement_of_a_test_has_its_own_entry(cache: Path) -> None:
    measured: list[float] = []
    assert (_time([1], measured, 0.1), _time([1], measured, 0.2)) == (0.1, 0.2)
    timings._ordinals.clear()
    again = (_time([1], measured, 5.0), _time([1], measured, 5.0))
    assert again == (pytest.approx(0.1 * timings.CACHED_MARGIN), pytest.approx(0.2 * timings.CACHED_MARGIN))


@pytest.mark.parametrize("content", ["not json", '{"x": {"y": 1}}', ""])
def test_an_unreadable_cache_means_measuring(cache: Path, content: str) -> None:
    cache.write_text(content)
    measured: list[float] = []
    assert _time([1], measured, 0.3) == 0.3
    assert measured == [0.3]


def test_off_always_measures(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(timings.CACHE_ENV, "off")
    measured: list[float] = []
    _time([1], measured, 0.3)
    timings._ordinals.clear()
    _time([1], measured, 0.4)
    assert measured == [0.3, 0.4]


def test_off_unless_asked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(timings.CACHE_ENV, raising=False)
    assert timings.cache_path() is None
    monkeypatch.setenv(timings.CACHE_ENV, "on")
    assert timings.cache_path() is not None and timings.cache_path().name == "timings.json"
