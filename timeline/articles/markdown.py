"""``.md``: front matter, a first ``# Title``, and the rest as prose with the syntax removed."""

from __future__ import annotations

import re

from timeline.articles.metadata import apply_meta, front_matter, meta_from_mapping
from timeline.articles.problems import Sink, Skip
from timeline.model import Article

_MD_FENCE = re.compile(r"^\s{0,3}(```|~~~)")


_MD_RULE = re.compile(r"^\s{0,3}([-*_=])(\s*\1){2,}\s*$")


_MD_REFDEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")


_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(\s+#+)?\s*$")


_MD_QUOTE = re.compile(r"^\s{0,3}(>\s?)+")


_MD_BULLET = re.compile(r"^(\s*)[-*+]\s+")


# Quantifiers are bounded so that hostile lines ("[[[[...") cost linear time, not quadratic.
_MD_INLINE = (
    (re.compile(r"!\[([^\[\]\n]{0,300})\]\([^()\s]{0,500}\)"), r"\1"),  # image -> alt text
    (re.compile(r"\[([^\[\]\n]{1,300})\]\([^()\s]{0,500}( \"[^\"\n]{0,200}\")?\)"), r"\1"),  # link
    (re.compile(r"\[([^\[\]\n]{1,300})\]\[[^\[\]\n]{0,100}\]"), r"\1"),  # reference link
    (re.compile(r"<(https?://[^<>\s]{1,500})>"), r"\1"),  # autolink
    (re.compile(r"(`{1,3})([^`\n]{1,300}?)\1"), r"\2"),  # inline code
    (re.compile(r"(\*\*|__)(?=\S)([^\n]{1,300}?)(?<=\S)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])\*(?=[^\s*])([^\n*]{1,300}?)(?<=\S)\*(?![\w*])"), r"\1"),  # italic
    (re.compile(r"(?<![\w_])_(?=[^\s_])([^\n_]{1,300}?)(?<=\S)_(?![\w_])"), r"\1"),  # not a_b
    (re.compile(r"~~(?=\S)([^\n~]{1,300}?)(?<=\S)~~"), r"\1"),  # strikethrough
    (re.compile(r"</?[a-zA-Z][a-zA-Z0-9]{0,20}(\s[^<>\n]{0,300})?/?>"), ""),  # inline HTML
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])"), r"\1"),  # backslash escapes
)


def parse_markdown(text: str, source: str, sink: Sink) -> Article:
    """Front matter, a first ``# Title``, and the rest as prose with the syntax removed.

    ``Article.text`` is the stripped prose, so offsets the pipeline computes point into it.
    """
    raw, body = front_matter(text, source, sink)
    meta = meta_from_mapping(raw, source, None, sink)
    title, prose = _markdown_prose(_drop_hidden_html(body))
    prose = re.sub(r"\n{3,}", "\n\n", prose).strip()
    if not prose:
        raise Skip("no text after the front matter and title")
    article = Article(text=prose, source=source, title=title)
    apply_meta(article, meta)
    return article


_HIDDEN_OPEN = re.compile(r"<(script|style)\b[^<>]{0,1000}>|<!--", re.IGNORECASE)


_HIDDEN_CLOSE = {
    "script": re.compile(r"</script\s*>", re.IGNORECASE),
    "style": re.compile(r"</style\s*>", re.IGNORECASE),
    None: re.compile("-->"),
}


def _drop_hidden_html(text: str) -> str:
    """``<script>``/``<style>`` elements and ``<!-- comments -->`` in Markdown: code and
    notes a rendered page never shows, so never labels or sentences. An element never
    closed runs to the end, as in a browser. One forward scan: linear on any input."""
    if "<" not in text:
        return text
    kept, pos = [], 0
    while (opener := _HIDDEN_OPEN.search(text, pos)) is not None:
        kept.append(text[pos : opener.start()])
        tag = opener.group(1)
        closer = _HIDDEN_CLOSE[tag.lower() if tag else None].search(text, opener.end())
        if closer is None:
            pos = len(text)
            break
        kept.append(" ")
        pos = closer.end()
    kept.append(text[pos:])
    return "".join(kept)


def _markdown_prose(body: str) -> tuple[str, str]:
    title, lines, in_fence = "", [], False
    for line in body.split("\n"):
        if _MD_FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            lines.append(line)
            continue
        if _MD_RULE.match(line) or _MD_REFDEF.match(line):
            lines.append("")
            continue
        heading = _MD_HEADING.match(line)
        if heading:
            words = _md_inline(heading.group(2))
            if len(heading.group(1)) == 1 and not title and not "".join(lines).strip():
                title = " ".join(words.split())
                continue
            lines.extend(["", words, ""])
            continue
        line = _MD_BULLET.sub(r"\1", _MD_QUOTE.sub("", line))
        lines.append(_md_inline(line).rstrip())
    return title, "\n".join(lines)


def _md_inline(line: str) -> str:
    for pattern, repl in _MD_INLINE:
        line = pattern.sub(repl, line)
    return line
