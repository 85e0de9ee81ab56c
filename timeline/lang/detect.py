"""Which language an article is written in: py3langid, among the languages timeline reads.

py3langid (a naive Bayes model over byte n-grams; the model ships inside the wheel, so no
download happens at run time) is loaded on first use only: ``import timeline`` stays fast,
and an article whose language is given (front matter, a JSON field, ``--language``) never
loads it. Its choice is restricted to the languages timeline has date words for (its own
tables or dateparser's), so the answer is always one the tagger can read.

A text too short to tell (a headline, a date line) or one the model is unsure of is taken
to be in the default language, English: a wrong guess would cost more than a missed one.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

DEFAULT = "en"
MIN_LETTERS = 20  # fewer letters than this say too little about the language
MIN_CONFIDENCE = 0.5  # below this probability the default language is kept
SAMPLE_CHARS = 3_000  # a page's worth: enough to tell, and the cost stays bounded
_LETTER = re.compile(r"[^\W\d_]")


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from timeline.lang import supported

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    known = set(identifier.labels)
    identifier.set_languages(sorted(known & set(supported())))
    return identifier


def detect_language(text: str, default: str = DEFAULT) -> str:
    """The ISO 639-1 code of the language ``text`` is written in ("en", "es", "de", "ru").

    Only the first ``SAMPLE_CHARS`` are read; ``default`` is returned for text with fewer
    than ``MIN_LETTERS`` letters or when the best guess has a probability under
    ``MIN_CONFIDENCE``."""
    code, confidence = detect_with_confidence(text)
    return code if code and confidence >= MIN_CONFIDENCE else default


def detect_with_confidence(text: str) -> tuple[str, float]:
    """The best guess and its probability (0-1); ("", 0.0) for text too short to tell."""
    sample = text[:SAMPLE_CHARS] if isinstance(text, str) else ""
    if len(_LETTER.findall(sample)) < MIN_LETTERS:
        return "", 0.0
    code, confidence = _identifier().classify(sample)
    return str(code), float(confidence)
