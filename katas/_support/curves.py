"""Learning curves: a training kata's test draws the learner's loss, epoch by epoch, as a small
terminal chart (uniplot), next to the line it has to get under.

A test calls :func:`record` with the losses the learner's code returned; conftest moves what was
recorded into the test's report (``kata_curve``), so a failed learning test shows the chart
under its message, and the runner shows it for a green kata (``katas run``, the practice screen).
"""

from __future__ import annotations

import math
from typing import Any

CURVE_KEY = "kata_curve"  # in a report's user_properties: the curves the test recorded
_pending: list[dict[str, Any]] = []


def record(values: Any, *, title: str, target: float | None = None, target_label: str = "target") -> None:
    """Remember ``values`` (one loss per epoch) for this test's report, with an optional
    ``target`` line ("below 0.02")."""
    floats = [float(v) for v in values]
    _pending.append({"title": title, "values": floats, "target": None if target is None else float(target),
                     "target_label": target_label})


def take() -> list[dict[str, Any]]:
    """What the running test recorded, and forget it."""
    taken = list(_pending)
    _pending.clear()
    return taken


def render(curve: dict[str, Any], width: int = 56, height: int = 7) -> str:
    """The curve as plain text (box-drawing characters, no colour), from 0 up, the target as a
    second line."""
    from uniplot import plot_to_string

    values = [v for v in curve["values"] if math.isfinite(v)]
    if len(values) < 2:
        return ""
    series, labels = [values], ["loss"]
    if curve.get("target") is not None:
        series.append([curve["target"]] * len(values))
        labels.append(f"{curve.get('target_label', 'target')} {curve['target']:g}")
    chart = plot_to_string(series, xs=[list(range(1, len(values) + 1))] * len(series), lines=True, width=width,
                           height=height, title=curve["title"], legend_labels=labels if len(series) > 1 else None,
                           y_min=min(0.0, *values), color=False)
    return chart if isinstance(chart, str) else "\n".join(chart)
