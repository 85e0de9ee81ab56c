"""Static images of a chart (png, svg, pdf, jpeg, webp) through kaleido and Chromium."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from timeline.charts import still
from timeline.errors import TimelineError
from timeline.export.output import replacing
from timeline.export.page import figure_and_frame

IMAGE_FORMATS = {"png", "svg", "pdf", "jpeg", "jpg", "webp"}


def to_image(
    fig_or_df: go.Figure | pd.DataFrame,
    path: str | os.PathLike[str],
    *,
    width: int = 1200,
    height: int | None = None,
    scale: float = 1.0,
) -> Path:
    """Write a static image (format from the suffix: png, svg, pdf, jpeg, webp): the chart
    without its interactive controls (range slider, view buttons), labels kept.

    Uses kaleido, which drives a headless Chromium: Debian's ``/usr/bin/chromium`` is used
    when ``BROWSER_PATH`` is not set. Raises ``TimelineError`` when that can't work.
    """
    out = Path(path)
    fmt = out.suffix.lower().lstrip(".")
    if fmt not in IMAGE_FORMATS:
        raise TimelineError(f"{out}: unknown image type; use one of {sorted(IMAGE_FORMATS)}")
    fig, _ = figure_and_frame(fig_or_df, None, None, None)
    fig = still(fig, width)  # no slider or buttons in a picture; the labels that fit it
    browser = _chromium()
    if browser and not os.environ.get("BROWSER_PATH"):
        os.environ["BROWSER_PATH"] = browser  # kaleido's choreographer reads this
    try:
        import kaleido  # noqa: F401  (only to say clearly when it's missing)
    except ImportError as exc:
        raise TimelineError(
            "static images need kaleido: pip install 'news-timeline[image]'"
        ) from exc
    with replacing(out) as part:
        try:
            _write_image(fig, part, fmt, width, height, scale)
        except OSError:
            raise  # a full disk: replacing() says so in one line
        except Exception as exc:  # kaleido/choreographer raise many kinds; one clear message
            raise TimelineError(
                f"could not render {out} with kaleido and Chromium "
                f"({browser or 'no chromium found; apt-get install chromium or set BROWSER_PATH'})"
                f": {type(exc).__name__}: {exc}"
            ) from exc
    return out


def _write_image(
    fig: go.Figure, part: Path, fmt: str, width: int, height: int | None, scale: float
) -> None:
    # On a loaded machine Chromium can run kaleido's render call before kaleido's own page
    # script has defined it ("ReferenceError: kaleido_scopes is not defined"); a second
    # attempt in a fresh page succeeds. Any other failure, or a second one, is reported.
    for attempt in range(2):
        try:
            fig.write_image(part, format=fmt, width=width, height=height, scale=scale)
            return
        except OSError:
            raise
        except Exception as exc:
            if attempt or "kaleido_scopes" not in str(exc):
                raise


def _chromium() -> str | None:
    found = os.environ.get("BROWSER_PATH") or shutil.which("chromium")
    if not found and Path("/usr/bin/chromium").exists():
        found = "/usr/bin/chromium"
    return found
