"""``timeline.plot``: the public verb. The chart code lives in ``timeline.charts``.

``timeline.plot(df)`` and ``from timeline.plot import plot`` both give the default chart,
``timeline.charts.timeline``. Nothing else is exported here: chart constants and helpers
are imported from ``timeline.charts``.
"""

from __future__ import annotations

import sys
import types
from typing import Any

import plotly.graph_objects as go

from timeline.charts import plot

__all__ = ["plot"]


class _CallableModule(types.ModuleType):
    """``timeline.plot`` is both this module and the verb.

    Importing the submodule rebinds the package attribute ``timeline.plot`` to the module,
    which would hide the lazily exported function; calling the module calls ``plot``.
    """

    def __call__(self, *args: Any, **kwargs: Any) -> go.Figure:
        return plot(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
