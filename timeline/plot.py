"""``timeline.plot``: the verb, drawn by ``timeline.charts`` (where the chart code lives).

This module stays so ``from timeline.plot import plot`` and ``timeline.plot(df)`` keep
working. The private names below are kept importable only until ``timeline.export`` has
switched to their public home, ``timeline.charts``.
"""

from __future__ import annotations

import sys
import types
from typing import Any

import plotly.graph_objects as go

from timeline.charts import (  # noqa: F401  (re-exported)
    CHAR_PX,
    DENSE_THRESHOLD,
    PLOT_PX,
    ZOOM_LABELS,
    check_frame,
    esc,
    frame_of,
    highlight_sentence,
    plot,
    safe_url,
)


class _CallableModule(types.ModuleType):
    """``timeline.plot`` is both this module and the verb.

    Importing the submodule rebinds the package attribute ``timeline.plot`` to the module,
    which would hide the lazily exported function; calling the module calls ``plot``.
    """

    def __call__(self, *args: Any, **kwargs: Any) -> go.Figure:
        return plot(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
