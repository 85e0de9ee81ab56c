"""Date tables for a language without its own folder, generated from dateparser's locale data.

dateparser ships, for about 200 locales, the names of months and weekdays, unit words, "ago"
and "in" words and phrases such as "el año pasado" (one year ago). Those files are plain
dicts (``info = {...}``), so they are read directly, without importing dateparser (whose
import is slow). The tables have the names the table-driven tagger reads
(``timeline/timex/generic.py``); each language's are built once.
"""

from __future__ import annotations

import importlib.util
import re
from functools import cache
from pathlib import Path
from types import SimpleNamespace
from typing import Any

_UNIT_LETTERS = {
    "year": "Y",
    "month": "M",
    "week": "W",
    "day": "D",
    "hour": "H",
    "minute": "M",
    "second": "S",
}
_MONTH_KEYS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_RELATIVE = re.compile(r"^(?:(?P<n>\d+) (?P<unit>\w+) ago|in (?P<n2>\d+) (?P<unit2>\w+))$")
_WORD = re.compile(r"^[^\W\d_]+(?:[ '’][^\W\d_]+)*$")
_STEM_ENDINGS = re.compile(r"^([^\W\d_]+)\(((?:[^\W\d_]*\|)*[^\W\d_]*)\)$")
# Languages whose numbers take an ordinal dot ("am 15. Februar", "15. februára", "15.
# helmikuuta"): there a dot after a day number ends no sentence. dateparser has no such fact.
ORDINAL_DOT = frozenset("de da nb nn no is fo fi et lv cs sk sl hr sr bs hu tr gsw lb".split())
MIN_WORD = 3  # "г", "a", "Lu": shorter forms are too ambiguous inside running text


def _data_dir() -> Path | None:
    spec = importlib.util.find_spec("dateparser")  # finds the package without importing it
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent / "data" / "date_translation_data"


@cache
def locales() -> list[str]:
    """The codes dateparser has locale data for ("de", "ru", "fr", ...), sorted."""
    folder = _data_dir()
    if folder is None or not folder.is_dir():
        return []
    return sorted(p.stem for p in folder.glob("*.py") if not p.stem.startswith("_"))


@cache
def _info(code: str) -> dict[str, Any] | None:
    folder = _data_dir()
    path = folder / f"{code}.py" if folder else None
    if path is None or not path.is_file():
        return None
    spec = importlib.util.spec_from_file_location(f"_dateparser_locale_{code}", path)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # a plain dict literal: ``info = {...}``
    info = getattr(module, "info", None)
    return info if isinstance(info, dict) else None


def _words(forms: list[str]) -> list[str]:
    return [
        f.lower() for f in forms if isinstance(f, str) and len(f) >= MIN_WORD and _WORD.match(f)
    ]


def _names(forms: list[str]) -> list[str]:
    """A month's or weekday's forms; an abbreviation (the start of a longer form, "die" of
    "dienstag") only with its dot, so the German article is no Tuesday."""
    words = _words(forms)
    return [w + "." if any(o != w and o.startswith(w) for o in words) else w for w in words]


def _numbers(info: dict[str, Any]) -> dict[str, int]:
    """Numbers in words from dateparser's simplifications: "zwei" -> 2, "дв(а|ух)" -> 2."""
    numbers: dict[str, int] = {}
    for item in info.get("simplifications", []) or []:
        for pattern, replacement in item.items():
            if not str(replacement).isdigit():
                continue
            stem = _STEM_ENDINGS.match(pattern)
            forms = [stem.group(1) + end for end in stem.group(2).split("|")] if stem else [pattern]
            for form in forms:
                if _WORD.match(form):
                    numbers[form.lower()] = int(replacement)
    return numbers


def skip_words(code: str) -> list[str]:
    """The words dateparser skips around dates in ``code`` ("um", "в", "le"), lowercase."""
    info = _info(code) or {}
    return [w.lower() for w in info.get("skip", []) or [] if isinstance(w, str) and _WORD.match(w)]


def _word(form: object) -> bool:
    return isinstance(form, str) and _WORD.match(form) is not None


def _year_after(info: dict[str, Any]) -> tuple[str, ...]:
    """The year words that follow a year ("года", "roku"): dateparser's year forms, and the
    words it skips that inflect one of them ("roku" of "rok")."""
    years = [f.lower() for f in info.get("year", []) if isinstance(f, str)]
    stems = [y for y in years if len(y) >= MIN_WORD]
    inflected = [
        w.lower()
        for w in info.get("skip", []) or []
        if _word(w) and w.lower() not in years and any(w.lower().startswith(y) for y in stems)
    ]
    return tuple(years + inflected)


@cache
def date_words(code: str) -> SimpleNamespace | None:
    """The tables of language ``code`` from dateparser's data, or None when it has none."""
    info = _info(code)
    if info is None:
        return None
    units = {}
    for unit, letter in _UNIT_LETTERS.items():
        for word in _words(info.get(unit, [])):
            units[word] = (letter, unit)
    deictic, phrases = {}, {}
    for key, forms in (info.get("relative-type") or {}).items():
        m = _RELATIVE.match(key)
        if m is None:
            continue
        n = int(m.group("n") or m.group("n2"))
        n = n if m.group("n2") else -n
        unit = m.group("unit") or m.group("unit2")
        for phrase in _words(forms):
            if unit == "day":
                deictic[phrase] = n
            elif unit in ("week", "month", "year"):
                phrases[phrase] = (unit, n)
    ago = _words(info.get("ago", []) or [])
    return SimpleNamespace(
        MONTHS={w: i for i, key in enumerate(_MONTH_KEYS, 1) for w in _names(info.get(key, []))},
        WEEKDAYS={
            w: i for i, key in enumerate(_WEEKDAY_KEYS, 1) for w in _names(info.get(key, []))
        },
        UNITS=units,
        NUMBERS=_numbers(info),
        AGO=tuple(ago),  # "vor zwei Wochen"
        AGO_AFTER=tuple(ago),  # "два года назад"
        LATER=tuple(_words(info.get("in", []) or [])),
        DEICTIC_DAYS=deictic,
        RELATIVE_PHRASES=phrases,
        # "15 de fevereiro de 2025": short, but only ever read between a day, month and year
        OF=tuple(f.lower() for f in info.get("pertain", []) or [] if _word(f)),
        YEAR_AFTER=_year_after(info),
        ORDINAL_DOT=code.split("-")[0] in ORDINAL_DOT,
    )
