"""The words of each language, as data: ``lang/<code>/`` holds one language's tables.

Code never spells a language's words itself; it reads them from here, so adding a language
is adding a folder of tables (the tagger's dates, the events' event words and name cues).

``get_language("en")`` gives the ``Language``; each of its tables is a module of
``lang/<code>/`` (``dates``, ``events``, ``names``, ``sentences``) imported on first use,
so ``import timeline`` reads no table and a language's tables are read once.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
from collections.abc import Iterable
from functools import cache
from types import ModuleType
from typing import Any

DEFAULT = "en"
_CODE = re.compile(r"[a-z]{2,3}")


class Language:
    """One language: its code and its tables (``lang.dates.MONTHS``), loaded lazily."""

    __slots__ = ("code", "_tables")

    def __init__(self, code: str) -> None:
        self.code = code
        self._tables: dict[str, ModuleType] = {}

    def table(self, name: str) -> ModuleType:
        """The module ``timeline.lang.<code>.<name>``, imported once."""
        if name not in self._tables:
            self._tables[name] = importlib.import_module(f"timeline.lang.{self.code}.{name}")
        return self._tables[name]

    @property
    def dates(self) -> Any:
        """Date words: months, weekdays, numbers, units, modifiers, holidays, tense cues.

        A language without a folder of its own gets tables generated from dateparser's
        locale data (``generated.date_words``)."""
        if self.code not in self._tables and not _bundled(self.code):
            from timeline.lang.generated import date_words

            self._tables["dates"] = date_words(self.code)
        return self.table("dates")

    def __repr__(self) -> str:
        return f"Language({self.code!r})"


def has_table(code: str, name: str) -> bool:
    """Whether language ``code`` has a table ``name`` of its own (``lang/<code>/<name>.py``)."""
    return _bundled(code) and importlib.util.find_spec(f"timeline.lang.{code}.{name}") is not None


def get_language(code: str = DEFAULT) -> Language:
    """The ``Language`` for an ISO 639-1 code ("en", "ES"); ``ValueError`` when none is bundled."""
    key = code.strip().lower() if isinstance(code, str) else ""
    if not _CODE.fullmatch(key) or not (_bundled(key) or _dateparser_knows(key)):
        raise ValueError(
            f"language {code!r} is not supported: use one of {', '.join(codes())} or a"
            " code dateparser has locale data for (de, fr, ru, ...)"
        )
    return _language(key)


def language_code(value: object) -> str | None:
    """The supported code a language tag names ("de", "DE", "de-AT", "pt_BR" -> "pt"), or
    None when it names none timeline reads."""
    if not isinstance(value, str):
        return None
    key = value.strip().replace("_", "-").split("-")[0].lower()
    try:
        return get_language(key).code
    except ValueError:
        return None


@cache
def _bundled(key: str) -> bool:
    return importlib.util.find_spec(f"timeline.lang.{key}") is not None


@cache
def _dateparser_knows(key: str) -> bool:
    from timeline.lang.generated import locales

    return key in locales()


@cache
def _language(key: str) -> Language:
    return Language(key)


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of a table's words, longest first (so "sept" wins over "sep"),
    a space matching any run of whitespace."""
    items = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) + ")"


def supported() -> list[str]:
    """Every code ``get_language`` accepts: the bundled languages and dateparser's, sorted."""
    from timeline.lang.generated import locales

    return sorted({*codes(), *(c for c in locales() if _CODE.fullmatch(c))})


def codes() -> list[str]:
    """The codes of the bundled languages, sorted."""
    from importlib.resources import files

    root = files(__name__)
    return sorted(p.name for p in root.iterdir() if p.is_dir() and (p / "__init__.py").is_file())
