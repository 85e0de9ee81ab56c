"""The chart types: thin public functions over the core, one per style of chart.

A new chart style is one function here (reusing ``_core``, ``_traces`` and ``_hover``) and
one line in ``timeline/charts/__init__.py``.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from timeline.charts._constants import DENSE_THRESHOLD
from timeline.charts._core import check_frame, keep_frame, layout_rows, note_not_drawn, style
from timeline.charts._traces import add_count_panel, add_event_traces, add_story_traces
from timeline.export.notebook import use_offline_html
from timeline.frame import on_the_chart


def timeline(
    df: pd.DataFrame,
    group_by: str | None = None,
    color_by: str | None = None,
    title: str | None = None,
    *,
    dense_threshold: int = DENSE_THRESHOLD,
    labels: bool | None = None,
    height: int | None = None,
    all_modalities: bool = False,
) -> go.Figure:
    """Draw the events frame as a timeline and return the Plotly figure.

    ``group_by`` puts each value of a column in its own lane (``"source"``, ``"actors"``;
    multi-valued columns put an event in every lane it names). ``color_by`` colours by a
    column; without it the colours tell exact dates, ranges and approximate dates apart.
    ``labels`` forces inline labels on or off (default: on unless dense).

    What did not happen, or only might (``modality`` hypothetical or negated), is left off
    with a note saying how many; ``all_modalities=True`` draws it too, marked in the hover
    box. Planned events are drawn, marked "planned". The frame keeps every row.
    """
    frame = check_frame(df, group_by, color_by)
    shown, left_off = on_the_chart(frame, all_modalities)
    dated = shown[shown["start"].notna()]
    dense = len(dated) > dense_threshold
    show_labels = (not dense) if labels is None else labels
    rows = layout_rows(dated, group_by, color_by, show_labels, dense)
    fig = go.Figure()
    if dense:
        add_event_traces(fig, rows, color_by, dense, show_labels)
    else:
        add_story_traces(fig, rows, color_by, show_labels)
    if dense:
        add_count_panel(fig, dated)
    style(fig, rows, dated, title, dense, height, all_modalities)
    note_not_drawn(fig, shown, left_off)
    keep_frame(fig, frame)
    use_offline_html()  # in a notebook: the figure also shows in nbconvert's HTML
    return fig
