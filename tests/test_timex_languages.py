"""Other languages: Spanish from its own tables, German, Russian and French from dateparser's
locale data, all read by the table-driven rules (timeline/timex/generic.py)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.lang import get_language
from timeline.timex import tag

DCT = date(2000, 6, 1)  # a Thursday


def values(text: str, language: str, dct: date | None = DCT) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(text, dct, language=language)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "La reunión fue el 19 de mayo de 2000.",
            [("el 19 de mayo de 2000", "DATE", "2000-05-19")],
        ),
        ("Lo dijo ayer, miércoles, en Madrid.", [("ayer, miércoles", "DATE", "2000-05-31")]),
        ("Llegó el pasado lunes.", [("el pasado lunes", "DATE", "2000-05-29")]),
        ("Volverá el próximo lunes.", [("el próximo lunes", "DATE", "2000-06-05")]),
        ("La semana pasada hubo huelga.", [("La semana pasada", "DATE", "2000-W21")]),
        ("Ganó el año pasado.", [("el año pasado", "DATE", "1999")]),
        ("Ocurrió hace dos años.", [("hace dos años", "DATE", "1998")]),
        ("Lo vi hace unos días.", [("hace unos días", "DURATION", "PXD")]),
        ("Trabajó durante tres meses.", [("tres meses", "DURATION", "P3M")]),
        ("Subió en la década de los noventa.", [("la década de los noventa", "DATE", "199")]),
        (
            "Cerró a finales de septiembre de 1998.",
            [("finales de septiembre de 1998", "DATE", "1998-09")],
        ),
        ("Se publica cada día.", [("cada día", "SET", "P1D")]),
        ("Ahora no hay agua.", [("Ahora", "DATE", "PRESENT_REF")]),
        ("Este año crecerá.", [("Este año", "DATE", "2000")]),
        ("Dentro de tres días se vota.", [("Dentro de tres días", "DATE", "2000-06-04")]),
        ("Empezó a las 13.00 GMT.", [("las 13.00 GMT", "TIME", "2000-06-01T13:00Z")]),
        ("Hoy por hoy nadie lo sabe.", [("Hoy por hoy", "DATE", "PRESENT_REF")]),
        ("Hoy en día se vende más.", [("Hoy en día", "DATE", "PRESENT_REF")]),
        ("Duró dos horas y 30 minutos.", [("dos horas y 30 minutos", "DURATION", "PT2H30M")]),
        ("Vivió allí dos años y tres meses.", [("dos años y tres meses", "DURATION", "P2Y3M")]),
        ("Ganará en las próximas elecciones.", [("próximas", "DATE", "FUTURE_REF")]),
        ("La producción diaria subió.", [("diaria", "SET", "P1D")]),
        ("Lo leen los diarios.", []),  # the newspapers
        ("Fue construido en el siglo XIX.", [("el siglo XIX", "DATE", "18")]),
        (
            "Creció en el primer trimestre de 1998.",
            [("el primer trimestre de 1998", "DATE", "1998-Q1")],
        ),
        (
            "Bajará en el segundo semestre de este año.",
            [("el segundo semestre de este año", "DATE", "2000-H2")],
        ),
        ("Nació en la primavera de 1983.", [("la primavera de 1983", "DATE", "1983-SP")]),
        ("Lloverá este verano.", [("este verano", "DATE", "2000-SU")]),
        ("Pidió una tregua los 100 primeros días.", [("100 primeros días", "DURATION", "P100D")]),
        ("Trabajó allí durante años.", [("años", "DURATION", "PXY")]),
        ("Años después volvió.", [("Años", "DURATION", "PXY")]),
        ("Los años pasan.", []),
        ("Pensó a largo plazo.", [("largo plazo", "DATE", "FUTURE_REF")]),
        ("Durante un decenio sufrió.", [("un decenio", "DURATION", "P10Y")]),
        ("Habló durante un par de horas.", [("un par de horas", "DURATION", "PT2H")]),
        ("El 25 de mayo pasado votaron.", [("El 25 de mayo pasado", "DATE", "2000-05-25")]),
        ("Será el 2 de julio próximo.", [("el 2 de julio próximo", "DATE", "2000-07-02")]),
        ("Llegará en noviembre de este año.", [("noviembre de este año", "DATE", "2000-11")]),
        ("Fue en mayo del año pasado.", [("mayo del año pasado", "DATE", "1999-05")]),
        (
            "Votarán hasta la mañana del miércoles.",
            [("la mañana del miércoles", "TIME", "2000-06-07TMO")],
        ),
        ("Para el domingo se pronostica lluvia.", [("el domingo", "DATE", "2000-06-04")]),
        ("Un segundo debate se celebró.", []),  # the ordinal
        ("Tardó un segundo.", [("un segundo", "DURATION", "PT1S")]),
    ],
)
def test_spanish(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert values(sentence, "es") == expected


def test_spanish_anaphora_counts_from_the_date_last_named() -> None:
    found = values("Llegó el 3 de enero de 1999 y al día siguiente se fue.", "es")
    assert found == [
        ("el 3 de enero de 1999", "DATE", "1999-01-03"),
        ("al día siguiente", "DATE", "1999-01-04"),
    ]


def test_a_spanish_day_range_gives_both_days() -> None:
    found = tag("Será del 7 al 11 de septiembre de 2001.", DCT, language="es")
    assert [(t.text, t.value) for t in found] == [
        ("del 7", "2001-09-07"),
        ("al 11 de septiembre de 2001", "2001-09-11"),
    ]
    assert found[0].range_end == found[1].tid


def test_spanish_without_a_dct_stays_underspecified() -> None:
    assert values("Llegó ayer.", "es", dct=None) == [("ayer", "DATE", "XXXX-XX-XX")]


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        ("de", "Am 15. Februar 2025 begann die Konferenz.", [("15. Februar 2025", "2025-02-15")]),
        ("de", "Vor zwei Wochen war sie geplant.", [("Vor zwei Wochen", "2025-W08")]),
        ("de", "Im März 2024 kam er.", [("März 2024", "2024-03")]),
        (
            "ru",
            "15 февраля 2025 года начались переговоры.",
            [("15 февраля 2025 года", "2025-02-15")],
        ),
        ("ru", "Это было два года назад.", [("два года назад", "2023")]),
        ("ru", "Вчера он уехал.", [("Вчера", "2025-03-05")]),
        ("fr", "Le sommet a eu lieu le 3 mars 2024.", [("3 mars 2024", "2024-03-03")]),
        ("fr", "Il est parti il y a 3 jours.", [("il y a 3 jours", "2025-03-03")]),
        ("es", "Se fue hace 3 días.", [("hace 3 días", "2025-03-03")]),
    ],
)
def test_languages_from_dateparser_data(language: str, sentence: str, expected) -> None:
    found = tag(sentence, date(2025, 3, 6), language=language)
    assert [(t.text, t.value) for t in found] == expected


def test_a_month_and_year_keeps_its_precision() -> None:
    (timex,) = tag("Im März 2024 kam er.", date(2025, 3, 6), language="de")
    assert timex.precision == "month" and timex.value == "2024-03"


def test_an_abbreviation_needs_its_dot() -> None:
    # "die" is the start of "dienstag" in dateparser's German data, and the article
    assert tag("Die Konferenz begann die Woche.", date(2025, 3, 6), language="de") == []


def test_unknown_language_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="language 'xx' is not supported"):
        get_language("xx")


def test_english_is_the_default() -> None:
    text = "The talks ended on Wednesday, March 5, 2025."
    assert tag(text, DCT) == tag(text, DCT, language="en")


_WORDS = (
    "el la de del hace años días semana pasado próximo lunes mayo 2000 19 ayer hoy "
    "vor zwei Wochen März 15. Februar назад года февраля вчера il y a jours mars , . - 08.00"
).split()


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(["es", "de", "ru", "fr"]),
    st.lists(st.one_of(st.sampled_from(_WORDS), st.text(max_size=6)), max_size=25),
)
def test_never_raises_and_spans_are_in_the_text(language: str, words: list[str]) -> None:
    text = " ".join(words)
    found = tag(text, DCT, language=language)
    for t in found:
        assert 0 <= t.start < t.end <= len(text) and text[t.start : t.end] == t.text
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))
