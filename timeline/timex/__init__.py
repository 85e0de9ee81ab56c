"""Temporal tagger: find TIMEX3 expressions in news text and normalize them.

``tag(text, dct)`` is the package's face. Inside, one stage a module:

- ``search``: candidates, found by a trigger-word scan and one alternation of all rules;
- ``rules/``: the rules by family, each pattern beside its handler, in one ``PRIORITY``;
- ``values``: TIMEX3 values from words (numbers, units, durations, modifiers);
- ``resolve``: the moving reference time, the tense and every publication-date fallback;
- ``engine``: the passes that run them over a document;
- ``calendar``, ``holidays``: calendar arithmetic at a stated precision.

The words are data, in ``timeline/lang/en/dates.py``. See docs/TAGGER.md.
"""

from __future__ import annotations

from timeline.timex.engine import tag
from timeline.timex.search import candidates

__all__ = ["candidates", "tag"]
