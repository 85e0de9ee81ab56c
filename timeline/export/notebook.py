"""Figures that show in Jupyter and in the HTML nbconvert makes of a notebook, offline.

Plotly's default in a Jupyter kernel is ``plotly_mimetype``: JupyterLab draws it, but
nbconvert's HTML (what people publish, and what notebook viewers show) has no renderer for
that mimetype, so the figures come out blank. ``use_offline_html`` adds ``timeline_html``:
the same figure as ``text/html`` too, plotly.js inlined once per kernel (in the first
figure's output, so the page works with no network) and no MathJax from a CDN.
"""

from __future__ import annotations

from typing import Any

import plotly.io as pio
from plotly.io import base_renderers

RENDERER = "timeline_html"
PLOTLY_DEFAULT_IN_KERNELS = "plotly_mimetype"


class OfflineHtmlRenderer(base_renderers.MimetypeRenderer):
    """``text/html`` of a figure; the first one this kernel shows carries plotly.js."""

    def __init__(self) -> None:
        self.plotlyjs_sent = False

    def to_mimebundle(self, fig_dict: Any) -> dict[str, str]:
        page = pio.to_html(
            fig_dict,
            include_plotlyjs=not self.plotlyjs_sent,
            include_mathjax=False,
            full_html=False,
            default_width="100%",
            default_height=525,
            validate=False,
            config={"responsive": True, "displaylogo": False},
        )
        self.plotlyjs_sent = True
        return {"text/html": page}


def use_offline_html() -> None:
    """In a Jupyter kernel with plotly's default renderer, also embed figures as offline
    HTML; a renderer the user chose is left alone. Safe to call many times."""
    if RENDERER not in pio.renderers:
        pio.renderers[RENDERER] = OfflineHtmlRenderer()
    if pio.renderers.default == PLOTLY_DEFAULT_IN_KERNELS:
        pio.renderers.default = f"{PLOTLY_DEFAULT_IN_KERNELS}+{RENDERER}"
