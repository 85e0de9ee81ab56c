"""``.txt``: a title line, the body, optional front matter."""

from __future__ import annotations

from timeline.articles.metadata import apply_meta, front_matter, meta_from_mapping
from timeline.articles.problems import Sink, Skip
from timeline.model import Article


def parse_txt(text: str, source: str, sink: Sink) -> Article:
    """Title on the first line, body after; optional front matter on top.

    The first line is the title when more text follows and it is followed by a blank line
    or does not end like a sentence (``.!?:,``); otherwise (one paragraph, one line) there
    is no title and all of it is text. Front matter with a ``title`` makes all of it text.
    """
    raw, body = front_matter(text, source, sink)
    meta = meta_from_mapping(raw, source, None, sink)
    body = body.strip()
    title = ""
    first, sep, rest = body.partition("\n")
    if "title" not in meta and sep and rest.strip() and len(first) <= 300:
        if rest.startswith("\n") or not first.rstrip().endswith((".", "!", "?", ":", ",")):
            title, body = " ".join(first.split()), rest.strip()
    if not body:
        raise Skip("no text after the front matter and title")
    article = Article(text=body, source=source, title=title)
    apply_meta(article, meta)
    return article
