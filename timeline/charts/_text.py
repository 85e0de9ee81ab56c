"""Small text helpers every chart part uses: escaping, cutting, safe links.

A multi-valued cell is split by ``timeline.frame.split`` (the frame's own rule).
"""

from __future__ import annotations

import html
from typing import Any

import pandas as pd


def esc(text: str) -> str:
    """Escape text for Plotly's HTML subset (which shows ``&quot;`` literally, so keep quotes)."""
    return html.escape(text, quote=False)


def safe_url(url: Any) -> str | None:
    """Only http(s) URLs become links: ``javascript:`` and friends stay text."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    if not url.lower().startswith(("http://", "https://")):
        return None
    return None if any(c in url for c in " \"'<>\\") else url


def short(text: Any, limit: int) -> str:
    """Whitespace squeezed, cut to ``limit`` characters with an ellipsis."""
    if text is None or (not isinstance(text, str) and pd.isna(text)):
        return ""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def lane_name(value: str) -> str:
    """A file path shows as its file name (the hover box has the full source)."""
    if "/" in value and "://" not in value:
        return value.rstrip("/").rsplit("/", 1)[-1]
    return value
