"""``read_articles``: files in, ``Article`` objects out. The only package that reads files.

Formats: .txt, .md/.markdown, .html/.htm (saved pages), .rss/.atom/.xml (feeds), .json,
.jsonl/.ndjson, .warc/.warc.gz, and URLs when fetching is asked for (see ``read_articles``).
Every input either yields Articles or is accounted for in the ``Report``: nothing is
dropped silently. The kinds of bad input handled are listed in docs/BAD_INPUT.md.

Inside, one module per concern, in the order a file goes through them::

    stream      read_articles, the lazy ArticleStream and its report
    paths       paths to files: directories walked in sorted order, each file once
    reader      one file to its articles: the reader for its format, sidecar, default date
    files       bytes within the size limit         encodings   bytes to text, guesses warned
    text, markdown, html, feeds, records, warc     one reader per format
    fetch       URLs, only when asked: robots.txt, timeout, size cap, disk cache
    metadata    title/date/url/outlet checked alike from front matter, JSON, HTML, sidecars
    problems    the skip/warning sink and the reasons, in words
"""

from __future__ import annotations

from timeline.articles.fetch import Fetcher
from timeline.articles.files import MAX_ARTICLE_BYTES
from timeline.articles.metadata import MAX_FRONT_MATTER, split_front_matter
from timeline.articles.problems import InputWarning, article_problem
from timeline.articles.reader import FORMATS
from timeline.articles.stream import ArticleStream, read_articles

__all__ = [
    "FORMATS",
    "MAX_ARTICLE_BYTES",
    "MAX_FRONT_MATTER",
    "ArticleStream",
    "Fetcher",
    "InputWarning",
    "article_problem",
    "read_articles",
    "split_front_matter",
]
