"""The hover box and the customdata contract.

Every mark that carries an event has ``customdata = [hover_html, link]``: the hover box's
HTML (escaped article text, date words in bold) and the event's http(s) URL or ``""``. The
hovertemplate shows ``customdata[0]``; the exported page opens ``customdata[1]`` on click
and reads the label back from the hover's first ``<b>`` for its zoom labels.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from timeline.charts._constants import HOVER_WIDTH
from timeline.charts._credit import credit_name, source_names
from timeline.charts._text import esc, safe_url, short
from timeline.frame import modality_mark, split

HOVERTEMPLATE = "%{customdata[0]}<extra></extra>"
HOVER, LINK = 0, 1  # positions in customdata


def with_hover(data: pd.DataFrame, brief: bool) -> pd.DataFrame:
    """The rows with ``_hover`` (the box's HTML) and ``_link`` (a safe URL or "") added."""
    hover = hover_texts(data, brief=brief)
    # a plain list: Series.map on an all-missing Arrow string column gives a null dtype
    links = [safe_url(url) or "" for url in data["url"].tolist()]
    return data.assign(_hover=hover.to_numpy(), _link=links)


def customdata(sub: pd.DataFrame) -> np.ndarray:
    """The per-mark ``[hover_html, link]`` pairs, in the order of ``HOVER`` and ``LINK``."""
    return np.stack([sub["_hover"].to_numpy(), sub["_link"].to_numpy()], axis=-1)


def hover_texts(data: pd.DataFrame, brief: bool = False) -> pd.Series:
    """The hover box of every row; ``brief`` (dense charts) keeps it short."""
    cols = ["label", "date_text", "value", "precision", "sentence", "mentions", "sources"]
    cols += ["url", "n_sources", "actors", "alt_values", "kind"]
    if "modality" not in data.columns:  # a hand-made frame: everything simply told
        data = data.assign(modality="asserted")
    cols.append("modality")
    records = data[cols].astype(object).where(data[cols].notna(), None)
    names = source_names(data)
    texts = [_hover(r, brief, names) for r in records.itertuples(index=False)]
    return pd.Series(texts, index=data.index, dtype=object)


def _hover(r: Any, brief: bool, names: dict[str, str]) -> str:
    lines = [f"<b>{esc(short(r.label, 120) or '(no label)')}</b>"]
    when = esc(str(r.date_text)) if r.date_text else "(date)"
    norm = esc(str(r.value or ""))
    prec = esc(str(r.precision or "unknown precision"))
    lines.append(f"{when} → {norm} ({prec}{', range' if r.kind == 'range' else ''})")
    mark = modality_mark(r.modality)
    if mark:  # planned, or (drawn on request) hypothetical / did not happen
        lines.append(f"<i>{esc(mark)}</i>")
    if r.alt_values:
        lines.append(f"<i>sources disagree; also given: {esc(str(r.alt_values))}</i>")
    if r.sentence:
        limit = 200 if brief else 600
        lines.append(highlight_sentence(str(r.sentence), r.date_text, r.mentions, limit))
    if r.actors and not brief:
        lines.append("Who: " + esc(short(str(r.actors), 160)))
    lines.append(_sources_line(r.sources, r.url, r.n_sources, brief, names))
    return "<br>".join(lines)


def _sources_line(
    sources: Any, url: Any, n_sources: Any, brief: bool, credits: dict[str, str]
) -> str:
    """ "2 sources: Outlet: Title, Outlet: Title": the first linked to its article."""
    names = [credits.get(s) or credit_name(None, None, s) for s in split(sources)]
    n = int(n_sources) if n_sources is not None else max(len(names), 1)
    link = safe_url(url)
    shown = []
    for i, name in enumerate(names[: 1 if brief else 4]):
        text = esc(short(name, 60))
        # only the primary source has a URL in the frame; it goes on the first name
        if i == 0 and link:
            text = f'<a href="{link}">{text}</a>'
        shown.append(text)
    more = f" +{len(names) - len(shown)} more" if len(names) > len(shown) else ""
    plural = "source" if n == 1 else "sources"
    return f"{n} {plural}: " + ", ".join(shown) + more


def highlight_sentence(sentence: str, date_text: Any, mentions: Any, limit: int) -> str:
    """The sentence, escaped and wrapped, with the date words in bold."""
    lo, hi = _date_span(sentence, date_text, mentions)
    if len(sentence) > limit:  # keep a window around the date words
        left = max(0, min(lo, len(sentence)) - limit // 3)
        cut = sentence[left : left + limit]
        lo, hi = lo - left, hi - left
        sentence = ("…" if left else "") + cut + "…"
        lo, hi = lo + (1 if left else 0), hi + (1 if left else 0)
    out, width = [], 0
    for i, word in enumerate(_words(sentence)):
        pos, token = word
        piece = _bold_part(token, lo - pos, hi - pos)
        if width and width + len(token) > HOVER_WIDTH:
            out.append("<br>")
            width = 0
        elif i:
            out.append(" ")
            width += 1
        out.append(piece)
        width += len(token)
    return "<i>“</i>" + "".join(out).replace("</b> <b>", " ") + "<i>”</i>"


def _bold_part(token: str, lo: int, hi: int) -> str:
    """Escape ``token``, bolding the characters in [lo, hi) (offsets within the token)."""
    lo, hi = max(lo, 0), min(hi, len(token))
    if lo >= hi:
        return esc(token)
    head, mid, tail = token[:lo], token[lo:hi], token[hi:]
    return f"{esc(head)}<b>{esc(mid)}</b>{esc(tail)}"


def _words(text: str) -> list[tuple[int, str]]:
    words, pos = [], 0
    for token in text.split():
        pos = text.index(token, pos)
        words.append((pos, token))
        pos += len(token)
    return words


def _date_span(sentence: str, date_text: Any, mentions: Any) -> tuple[int, int]:
    """Offsets of the date words in the sentence: from the mention, else by search."""
    m = mentions[0] if isinstance(mentions, (list, tuple)) and mentions else None
    if isinstance(m, dict):
        try:
            lo = int(m["char_start"]) - int(m["sentence_start"])
            hi = int(m["char_end"]) - int(m["sentence_start"])
            if 0 <= lo < hi <= len(sentence) and (not date_text or sentence[lo:hi] == date_text):
                return lo, hi
        except (KeyError, TypeError, ValueError):
            pass
    if date_text:
        lo = sentence.find(str(date_text))
        if lo >= 0:
            return lo, lo + len(str(date_text))
    return -1, -1
