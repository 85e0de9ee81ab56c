"""TimeML: read, write and score inline TimeML (``.tml``) against the tagger.

- ``read``: ``read_timeml(path)`` / ``parse_timeml(tml)`` give the ``<TEXT>`` content as plain
  text, the document creation time and the gold TIMEX3s;
- ``write``: ``tag_document(tml)`` / ``tag_directory(in_dir, out_dir)`` replace the gold
  annotation inside ``<TEXT>`` with the tagger's TIMEX3s, leaving the text unchanged, after
  ``conventions`` maps the few shapes TimeML annotates differently;
- ``score``: ``evaluate(gold_dir, system_dir)``, TempEval-3 Task A, every error listed;
- ``report``: ``format_scores(result)`` as a table, ``write_errors(result, path)`` as CSV.

Importing the package does not load the tagger; tagging a document does.
"""

from __future__ import annotations

from timeline.timeml.conventions import timeml_conventions
from timeline.timeml.read import Element, TimeMLDocument, iter_timeml, parse_timeml, read_timeml
from timeline.timeml.report import ERROR_FIELDS, format_scores, write_errors
from timeline.timeml.score import evaluate, score_document, score_documents
from timeline.timeml.write import (
    Tagger,
    evaluate_tagger,
    system_timexes,
    tag_directory,
    tag_document,
)

__all__ = [
    "ERROR_FIELDS",
    "Element",
    "Tagger",
    "TimeMLDocument",
    "evaluate",
    "evaluate_tagger",
    "format_scores",
    "iter_timeml",
    "parse_timeml",
    "read_timeml",
    "score_document",
    "score_documents",
    "system_timexes",
    "tag_directory",
    "tag_document",
    "timeml_conventions",
    "write_errors",
]
