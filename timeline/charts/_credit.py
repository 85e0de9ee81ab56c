"""Credit, not file paths: a source as a reader would name it, from outlet and title."""

from __future__ import annotations

from typing import Any

import pandas as pd

from timeline.charts._text import lane_name, short
from timeline.frame import split


def source_names(data: pd.DataFrame) -> dict[str, str]:
    """Each source (a path or URL) as a reader would credit it: "Outlet: Title"."""
    names: dict[str, str] = {}
    cols = [c for c in ("source", "outlets", "title") if c in data.columns]
    for r in data[cols].drop_duplicates("source").itertuples(index=False):
        src = getattr(r, "source", None)
        if isinstance(src, str) and src not in names:
            outlet = split(getattr(r, "outlets", None))
            names[src] = credit_name(outlet[0] if outlet else None, getattr(r, "title", None), src)
    for mentions in data["mentions"] if "mentions" in data.columns else []:
        for m in mentions if isinstance(mentions, (list, tuple)) else []:
            if isinstance(m, dict) and m.get("source") and m["source"] not in names:
                names[m["source"]] = credit_name(m.get("outlet"), m.get("title"), m["source"])
    return names


def credit_name(outlet: Any, title: Any, source: Any) -> str:
    """ "Outlet: Title", or either alone, or the source's file name without its folder and
    extension: never a local path."""
    outlet = short(outlet, 40) if isinstance(outlet, str) else ""
    title = short(title, 80) if isinstance(title, str) else ""
    if outlet and title:
        return f"{outlet}: {title}"
    if outlet or title:
        return outlet or title
    name = lane_name(str(source)) if isinstance(source, str) else "article"
    return name.rsplit(".", 1)[0] if "://" not in name and "." in name else name
