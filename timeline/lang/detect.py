"""Which language an article is written in: py3langid, among the languages timeline reads.

py3langid (a naive Bayes model over byte n-grams; the model ships inside the wheel, so no
download happens at run time) is loaded on first use only: ``import timeline`` stays fast,
and an article whose language is given (front matter, a JSON field, ``--language``) never
loads it. Its choice is restricted to the languages timeline has date words for (its own
tables or dateparser's), so the answer is always one the tagger can read.

A text too short to tell (a headline, a date line) or one the model is unsure of is taken
to be in the default language, English: a wrong guess would cost more than a missed one.

Asking the model costs about as much as tagging the text, so ``detect_language`` first
reads the sample's stop words (a language's ``detection`` table: ``lang/en/detection.py``):
where one language's make up ``DECISIVE_SHARE`` of its words or more (English prose: 14-34%
in TimeBank, AQUAINT, the SemEval trial and the fixtures; Spanish text: at most 3%), the
text is in that language and the model is not asked; otherwise it is. Both give the same
answer on every text of those corpora (``tests/test_language_detection.py``).
"""

from __future__ import annotations

import re
from functools import cache
from itertools import islice
from typing import Any

DEFAULT = "en"
MIN_LETTERS = 20  # fewer letters than this say too little about the language
MIN_CONFIDENCE = 0.5  # below this probability the default language is kept
SAMPLE_CHARS = 3_000  # a page's worth: enough to tell, and the cost stays bounded
DECISIVE_SHARE = 0.10  # a language's stop words per word of the sample: no need to ask
DECISIVE_WORDS = 30  # fewer words than this are not enough for the stop-word test
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
    sample = text[:SAMPLE_CHARS] if isinstance(text, str) else ""
    if not _enough_letters(sample):
        return default
    decided = _by_stop_words(sample)
    if decided:
        return decided
    code, confidence = _identifier().classify(sample)
    return str(code) if code and confidence >= MIN_CONFIDENCE else default


def detect_with_confidence(text: str) -> tuple[str, float]:
    """The model's best guess and its probability (0-1); ("", 0.0) for text too short to
    tell."""
    sample = text[:SAMPLE_CHARS] if isinstance(text, str) else ""
    if not _enough_letters(sample):
        return "", 0.0
    code, confidence = _identifier().classify(sample)
    return str(code), float(confidence)


def _enough_letters(sample: str) -> bool:
    """Whether ``sample`` has ``MIN_LETTERS`` letters (counted up to that many only)."""
    return sum(1 for _ in islice(_LETTER.finditer(sample), MIN_LETTERS)) >= MIN_LETTERS


def _by_stop_words(sample: str) -> str | None:
    """The language whose stop words make up ``DECISIVE_SHARE`` of the sample's words (of
    ``DECISIVE_WORDS`` or more), if one does."""
    n_words = len(sample.split())
    if n_words < DECISIVE_WORDS:
        return None
    lowered = sample.lower()
    for code, stop_words in _stop_words():
        if len(stop_words.findall(lowered)) >= DECISIVE_SHARE * n_words:
            return code
    return None


@cache
def _stop_words() -> list[tuple[str, re.Pattern[str]]]:
    """Per bundled language with a ``detection`` table, its stop words as one pattern."""
    from timeline.lang import alternation, codes, get_language, has_table

    return [
        (code, re.compile(rf"\b{alternation(get_language(code).table('detection').STOP_WORDS)}\b"))
        for code in codes()
        if has_table(code, "detection")
    ]
