"""Publishing a timeline: one offline HTML file, TimelineJS3 JSON, static images.

Reads only the events DataFrame (or a figure made by ``timeline.plot``, which remembers the
frame it was drawn from). Article text is data: every string from the frame is
HTML-escaped before it reaches the page, and only http(s) URLs become links.
"""

from __future__ import annotations

import html
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from timeline.errors import TimelineError
from timeline.model import SEPARATOR
from timeline.plot import ZOOM_LABELS, check_frame, frame_of, highlight_sentence, plot, safe_url

MAX_LISTED = 500  # the event list under the chart stays short; the chart has them all
ZOOM_MAX_LABELS = 200  # a dense chart labels the events in view once there are this few
IMAGE_FORMATS = {"png", "svg", "pdf", "jpeg", "jpg", "webp"}
PLOT_ID = "timeline-plot"
_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?$")  # valid HTML <time> values


def to_html(
    fig_or_df: go.Figure | pd.DataFrame,
    path: str | os.PathLike[str],
    title: str | None = None,
    *,
    group_by: str | None = None,
    color_by: str | None = None,
    max_listed: int = MAX_LISTED,
) -> Path:
    """Write one self-contained HTML page (plotly.js inlined, works offline) and return its path.

    The page has the title, the chart, a note of how many events came from how many
    articles, and a plain list of the events (date, label, source) for readers and screen
    readers, followed by the events that have no calendar date. ``group_by``/``color_by``
    apply when a DataFrame is given.
    """
    fig, frame = _figure_and_frame(fig_or_df, group_by, color_by, title)
    title = title or _figure_title(fig) or "Timeline"
    chart = _chart_html(fig)
    page = _PAGE.format(
        title=html.escape(title),
        note=html.escape(_note(frame)),
        chart=chart,
        events=_event_list(frame, max_listed),
    )
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
    return out


def to_timelinejs(
    df: pd.DataFrame, title: str | None = None, *, group_by: str | None = "source"
) -> dict[str, Any]:
    """The events as TimelineJS3 JSON (a dict; ``json.dump`` it for TimelineJS).

    Dates carry only the parts the precision allows (``2023-10`` gives year and month,
    no day); weeks, quarters and ranges get an ``end_date``. ``display_date`` is the date
    as written. Text is HTML-escaped, with the date words in bold. Undated events can't be
    placed on a TimelineJS timeline and are counted in the title slide instead.
    """
    frame = check_frame(df, group_by)
    dated = frame[frame["start"].notna()]
    events = [_tl_event(row, group_by) for row in dated.to_dict("records")]
    text = _note(frame)
    return {
        "title": {"text": {"headline": html.escape(title or "Timeline"), "text": text}},
        "events": events,
    }


def to_image(
    fig_or_df: go.Figure | pd.DataFrame,
    path: str | os.PathLike[str],
    *,
    width: int = 1200,
    height: int | None = None,
    scale: float = 1.0,
) -> Path:
    """Write a static image (format from the suffix: png, svg, pdf, jpeg, webp).

    Uses kaleido, which drives a headless Chromium: Debian's ``/usr/bin/chromium`` is used
    when ``BROWSER_PATH`` is not set. Raises ``TimelineError`` when that can't work.
    """
    out = Path(path)
    fmt = out.suffix.lower().lstrip(".")
    if fmt not in IMAGE_FORMATS:
        raise TimelineError(f"{out}: unknown image type; use one of {sorted(IMAGE_FORMATS)}")
    fig, _ = _figure_and_frame(fig_or_df, None, None, None)
    browser = _chromium()
    if browser and not os.environ.get("BROWSER_PATH"):
        os.environ["BROWSER_PATH"] = browser  # kaleido's choreographer reads this
    try:
        import kaleido  # noqa: F401  (only to say clearly when it's missing)
    except ImportError as exc:
        raise TimelineError(
            "static images need kaleido: pip install 'news-timeline[image]'"
        ) from exc
    out.parent.mkdir(parents=True, exist_ok=True)
    try:
        fig.write_image(out, format=fmt, width=width, height=height, scale=scale)
    except Exception as exc:  # kaleido/choreographer raise many kinds; one clear message
        raise TimelineError(
            f"could not render {out} with kaleido and Chromium "
            f"({browser or 'no chromium found; apt-get install chromium or set BROWSER_PATH'})"
            f": {type(exc).__name__}: {exc}"
        ) from exc
    return out


# ---------------------------------------------------------------- helpers


def _figure_and_frame(
    fig_or_df: Any, group_by: str | None, color_by: str | None, title: str | None
) -> tuple[go.Figure, pd.DataFrame | None]:
    if isinstance(fig_or_df, pd.DataFrame):
        fig = plot(fig_or_df, group_by=group_by, color_by=color_by, title=title)
        return fig, frame_of(fig)
    if isinstance(fig_or_df, go.Figure):
        return fig_or_df, frame_of(fig_or_df)
    raise TimelineError(
        f"expected a plotly Figure or an events DataFrame, got {type(fig_or_df).__name__}"
    )


def _chart_html(fig: go.Figure) -> str:
    """The chart's div with plotly.js inlined; the page's <h1> carries the title instead."""
    kept = fig.layout.title.text
    fig.layout.title.text = None
    try:
        return fig.to_html(
            include_plotlyjs=True,
            full_html=False,
            div_id=PLOT_ID,
            default_height=f"{fig.layout.height or 600}px",
            config={"responsive": True, "displaylogo": False, "scrollZoom": True},
            post_script=[_CLICK_TO_OPEN, _ZOOM_LABELS_JS],
        )
    finally:
        fig.layout.title.text = kept


def _figure_title(fig: go.Figure) -> str | None:
    text = fig.layout.title.text if fig.layout.title else None
    return html.unescape(text) if text else None  # plot() stored it escaped


def _chromium() -> str | None:
    found = os.environ.get("BROWSER_PATH") or shutil.which("chromium")
    if not found and Path("/usr/bin/chromium").exists():
        found = "/usr/bin/chromium"
    return found


def n_articles(frame: pd.DataFrame) -> int:
    """Articles the events came from: the pipeline's report if any, else distinct sources."""
    report = frame.attrs.get("report")
    if report is not None and getattr(report, "read", None) is not None:
        return len(report.read)
    column = "sources" if "sources" in frame.columns else "source"
    if column not in frame.columns:
        return 0
    names = {s for v in frame[column].dropna() for s in str(v).split(SEPARATOR) if s}
    return len(names)


def _note(frame: pd.DataFrame | None) -> str:
    if frame is None:
        return ""
    n, m = len(frame), n_articles(frame)
    undated = int(frame["start"].isna().sum())
    text = f"{n} event{'s' if n != 1 else ''} from {m} article{'s' if m != 1 else ''}"
    if undated:
        text += f" ({undated} without a calendar date, listed at the end)"
    return text + "."


def _event_list(frame: pd.DataFrame | None, max_listed: int) -> str:
    if frame is None or frame.empty:
        return ""
    dated = frame[frame["start"].notna()].sort_values("start", kind="stable")
    undated = frame[frame["start"].isna()]
    parts = [
        '<section aria-labelledby="events-heading">',
        '<h2 id="events-heading">Events</h2>',
        _table(dated.head(max_listed), "events in date order"),
    ]
    if len(dated) > max_listed:
        parts.append(f"<p>First {max_listed} of {len(dated)} dated events listed.</p>")
    parts.append("</section>")
    if not undated.empty:
        parts += [
            '<section aria-labelledby="undated-heading">',
            '<h2 id="undated-heading">Undated</h2>',
            "<p>These dates could not be placed on the calendar.</p>",
            _table(undated.head(max_listed), "events without a calendar date"),
            "</section>",
        ]
    return "\n".join(parts)


def _table(rows: pd.DataFrame, caption: str) -> str:
    body = "\n".join(_table_row(r) for r in rows.to_dict("records"))
    return (
        f'<table><caption class="sr-only">{html.escape(caption)}</caption>'
        '<thead><tr><th scope="col">Date</th><th scope="col">Event</th>'
        f'<th scope="col">Source</th></tr></thead>\n<tbody>\n{body}\n</tbody></table>'
    )


def _table_row(r: dict[str, Any]) -> str:
    value = _text(r.get("value"))
    written = _text(r.get("date_text")) or value
    attr = f' datetime="{html.escape(value)}"' if _ISO_DATE.match(value) else ""
    shown = html.escape(written) + (f" ({html.escape(value)})" if value != written else "")
    date = f"<time{attr}>{shown}</time>"
    return (
        f"<tr><td>{date}</td><td>{html.escape(_text(r.get('label')))}</td>"
        f"<td>{_source_html(r)}</td></tr>"
    )


def _source_html(r: dict[str, Any]) -> str:
    name = html.escape(_text(r.get("source")) or _text(r.get("sources")))
    url = safe_url(r.get("url"))
    if url:
        name = f'<a href="{html.escape(url, quote=True)}" rel="noopener">{name}</a>'
    n = _int(r.get("n_sources"), 1)
    return name + (f" and {n - 1} more" if n > 1 else "")


def _tl_event(r: dict[str, Any], group_by: str | None) -> dict[str, Any]:
    precision = _text(r.get("precision")) or "day"
    start, end = pd.Timestamp(r["start"]), pd.Timestamp(r["end"])
    event: dict[str, Any] = {
        "unique_id": _text(r.get("event_id")) or None,
        "start_date": _tl_date(start, precision),
        "display_date": html.escape(_text(r.get("date_text")) or _text(r.get("value"))),
        "text": {"headline": html.escape(_text(r.get("label"))), "text": _tl_text(r)},
    }
    last = _last_instant(end, precision) if pd.notna(end) else None
    spans = _text(r.get("kind")) == "range" or precision not in {"year", "month", "day", "time"}
    if spans and last is not None and last > start:
        event["end_date"] = _tl_date(last, "day" if precision == "time" else precision)
    if group_by and _text(r.get(group_by)):
        event["group"] = html.escape(_text(r.get(group_by)).split(SEPARATOR)[0])
    return {k: v for k, v in event.items() if v is not None}


def _last_instant(end: pd.Timestamp, precision: str) -> pd.Timestamp:
    """The exclusive end made inclusive: the last day (or minute) the date allows."""
    step = pd.Timedelta(minutes=1) if precision == "time" else pd.Timedelta(days=1)
    return end - step


_PARTS = {  # which date parts a precision can state
    "millennium": ("year",),
    "century": ("year",),
    "decade": ("year",),
    "year": ("year",),
    "half": ("year", "month"),
    "quarter": ("year", "month"),
    "season": ("year", "month"),
    "month": ("year", "month"),
    "week": ("year", "month", "day"),
    "day": ("year", "month", "day"),
    "time": ("year", "month", "day", "hour", "minute"),
}


def _tl_date(ts: pd.Timestamp, precision: str) -> dict[str, int]:
    return {part: int(getattr(ts, part)) for part in _PARTS.get(precision, _PARTS["day"])}


def _tl_text(r: dict[str, Any]) -> str:
    parts = []
    sentence = _text(r.get("sentence"))
    if sentence:
        quote = highlight_sentence(sentence, r.get("date_text"), r.get("mentions"), 1000)
        parts.append("<p>" + quote.replace("<br>", " ") + "</p>")
    sources = [html.escape(s) for s in _text(r.get("sources")).split(SEPARATOR) if s]
    url = safe_url(r.get("url"))
    if sources and url:
        sources[0] = f'<a href="{html.escape(url, quote=True)}">{sources[0]}</a>'
    if sources:
        parts.append("<p>Sources: " + ", ".join(sources) + "</p>")
    if _text(r.get("alt_values")):
        parts.append(f"<p>Sources disagree; also given: {html.escape(_text(r['alt_values']))}</p>")
    return "".join(parts)


def _text(value: Any) -> str:
    if value is None or (not isinstance(value, (str, list, dict)) and pd.isna(value)):
        return ""
    return str(value)


def _int(value: Any, default: int) -> int:
    try:
        return default if pd.isna(value) else int(value)
    except (TypeError, ValueError):
        return default


# Clicking an event opens its article; the URL was checked to be http(s) in Python, and is
# checked again here because a user may have edited the figure.
_CLICK_TO_OPEN = """
var gd = document.getElementById('{plot_id}');
gd.on('plotly_click', function (ev) {
  var p = ev && ev.points && ev.points[0];
  var url = p && p.customdata && p.customdata[1];
  if (typeof url === 'string' && /^https?:\\/\\//i.test(url)) {
    window.open(url, '_blank', 'noopener');
  }
});
"""

# Dense figures carry no inline labels (100,000 would bury the chart); once the user zooms
# in to at most MAX events, label the ones in view, each cut short of the next mark in its
# row (or dropped when too little fits). Labels come from the hover text, already escaped.
_ZOOM_LABELS_JS = """
(function () {
  var gd = document.getElementById('{plot_id}');
  var meta = gd.layout.meta && gd.layout.meta.timeline;
  if (!meta || !meta.dense) { return; }
  var MAX = __MAX__, CHAR_PX = 6.5, LABEL_CHARS = 36, NAME = '__NAME__';
  var TYPES = {f8: Float64Array, f4: Float32Array, i4: Int32Array, u4: Uint32Array,
               i2: Int16Array, u2: Uint16Array, i1: Int8Array, u1: Uint8Array};
  function values(v) {
    if (!v || !v.bdata) { return v || []; }
    var bin = atob(v.bdata), bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) { bytes[i] = bin.charCodeAt(i); }
    return new (TYPES[v.dtype] || Float64Array)(bytes.buffer);
  }
  var pts = [], lastKey = '', busy = false, again = false;
  gd.data.forEach(function (t) {
    if (t.type !== 'scattergl' || !t.customdata) { return; }
    var x = values(t.x), y = values(t.y);
    for (var i = 0; i < x.length; i++) {
      var h = t.customdata[i][0], label = h.slice(3, h.indexOf('</b>'));
      if (label.length > LABEL_CHARS) { label = label.slice(0, LABEL_CHARS - 1) + '\u2026'; }
      pts.push([x[i], y[i], '\u2002' + label]);
    }
  });
  pts.sort(function (a, b) { return a[0] - b[0]; });
  function labelsInView() {
    var xa = gd._fullLayout.xaxis;
    var lo = xa.r2l(xa.range[0]), hi = xa.r2l(xa.range[1]), perPx = (hi - lo) / xa._length;
    var shown = [], rows = {}, n = 0;
    for (var i = 0; i < pts.length && n <= MAX; i++) {
      var p = pts[i];
      if (p[0] < lo || p[0] > hi) { continue; }
      n++;
      var row = rows[p[1]] || (rows[p[1]] = {last: null}), prev = row.last;
      if (prev && prev.text && prev.end > p[0]) {  // cut the previous label short of p
        var room = Math.floor(((p[0] - prev.x) / perPx - 14) / CHAR_PX);
        prev.text = room >= 8 ? prev.text.slice(0, room - 1) + '\u2026' : null;
      }
      row.last = {x: p[0], y: p[1], text: p[2], end: p[0] + (p[2].length * CHAR_PX + 10) * perPx};
      shown.push(row.last);
    }
    return n > MAX ? [] : shown.filter(function (s) { return s.text; });
  }
  // Plotly.restyle of a text trace hangs this mixed SVG/WebGL figure; add/delete does not.
  // The labels go on the twin axis x2 (follows x) so the range slider stays clean.
  function update() {
    if (busy) { again = true; return; }
    var shown = labelsInView();
    var key = shown.map(function (s) { return s.x + ',' + s.y + s.text; }).join(';');
    if (key === lastKey) { return; }
    lastKey = key;
    busy = true;
    var old = gd.data.findIndex(function (t) { return t.name === NAME; });
    var step = old >= 0 ? Plotly.deleteTraces(gd, old) : Promise.resolve();
    step.then(function () {
      if (!shown.length) { return null; }
      return Plotly.addTraces(gd, {
        type: 'scatter', mode: 'text', name: NAME, showlegend: false, hoverinfo: 'skip',
        xaxis: 'x2',
        x: shown.map(function (s) { return s.x; }), y: shown.map(function (s) { return s.y; }),
        text: shown.map(function (s) { return s.text; }), textposition: 'middle right',
        textfont: {size: 11, color: '#222'}
      });
    }).then(function () {
      busy = false;
      if (again) { again = false; update(); }
    });
  }
  gd.on('plotly_relayout', update);
})();
""".replace("__MAX__", str(ZOOM_MAX_LABELS)).replace("__NAME__", ZOOM_LABELS)

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 1rem auto; max-width: 1280px;
        padding: 0 1rem; color: #222; }}
h1 {{ font-size: 1.5rem; margin-bottom: .2rem; }}
.note {{ color: #555; margin-top: 0; }}
table {{ border-collapse: collapse; font-size: .9rem; width: 100%; }}
th, td {{ text-align: left; vertical-align: top; padding: .3rem .5rem;
          border-bottom: 1px solid #ddd; }}
.sr-only {{ position: absolute; width: 1px; height: 1px; overflow: hidden;
            clip: rect(0 0 0 0); white-space: nowrap; }}
</style>
</head>
<body>
<header>
<h1>{title}</h1>
<p class="note">{note} Hover an event for its sentence and sources; click it to open
the article.</p>
</header>
<main>
<figure aria-label="Interactive timeline chart; the same events are listed below">
{chart}
</figure>
{events}
</main>
</body>
</html>
"""
