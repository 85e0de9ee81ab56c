"""Events in languages without event words of their own (``timeline/events/neutral.py``):
each dated sentence is a happening, its clause without the date the label; sentences split
where the language ends them ("am 15. Februar" does not end one)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import extract
from timeline.cli import main
from timeline.events import build_events
from timeline.events.neutral import has_event_words, neutral_anchor
from timeline.events.sentences import split_sentences
from timeline.model import Article
from timeline.timex import tag

HERE = Path(__file__).resolve().parent
LANGUAGES = HERE / "fixtures" / "languages"
DCT = date(2025, 3, 6)


def rows(frame) -> list[tuple[str, str]]:
    return list(zip(frame["value"], frame["label"], strict=True))


# --- the Russian and the German article ---------------------------------------------------


def test_a_russian_article_gives_its_dated_events() -> None:
    frame = extract(LANGUAGES / "ru_trufanov_kremlin.md")
    assert set(frame["language"]) == {"ru"}
    assert rows(frame) == [
        ("2023-10-07", "Трюфанов был похищен боевиками ХАМАС во время нападения на Израиль"),
        (
            "2023-11-29",
            "Мать Елена Трюфанова и бабушка Ирина Татти были освобождены в ходе обмена …",
        ),
        ("2025-02-15", "Самого Трюфанова отпустили в рамках соглашения о прекращении огня"),
        ("2025-W08", "Он впервые дал интервью израильскому телевидению"),
        (
            "2025-03-05",
            "Президент России Владимир Путин вечером принял в Кремле Александра Трюфанова и"
            " членов …",
        ),
    ]


def test_a_german_article_gives_its_dated_events_with_whole_labels() -> None:
    frame = extract(LANGUAGES / "de_bruecke_gesperrt.md")
    assert set(frame["language"]) == {"de"}
    assert rows(frame) == [
        ("1972-10-03", "Die Brücke war eröffnet worden und galt lange als Wahrzeichen der Stadt"),
        ("2019", "Bereits im Sommer wurde sie für sechs Monate saniert"),
        ("2025-02-15", "Bei einer Prüfung hatten Gutachter tiefe Risse in zwei Pfeilern entdeckt"),
        ("2025-W08", "Der Stadtrat beschloss die Sperrung einstimmig"),
        ("2025-03-05", "Oberbürgermeisterin Petra Lindner sagte"),
        ("2025-03-10", "Die Stadt Auenfeld sperrt die Mainbrücke ab für den gesamten Verkehr"),
        ("2028", "Ein Neubau solle bis Ende fertig sein"),
    ]


def test_render_draws_both_articles_and_the_english_seed(tmp_path: Path) -> None:
    page, story = tmp_path / "story.html", tmp_path / "story.json"
    seed = HERE.parent / "data" / "articles" / "000_3c7464da4ecb93a4.txt"
    args = ["render", str(LANGUAGES), str(seed), "-o", str(page), "--timelinejs", str(story)]
    assert main([*args, "-q"]) == 0
    slides = json.loads(story.read_text(encoding="utf-8"))["events"]
    texts = " ".join(s["text"]["headline"] for s in slides)
    assert "Трюфанова отпустили" in texts and "Der Stadtrat beschloss" in texts
    assert "Putin" in texts
    assert "Самого Трюфанова отпустили" in page.read_text(encoding="utf-8")


# --- sentences ------------------------------------------------------------------------------


def texts(text: str, language: str) -> list[str]:
    return [s.text for s in split_sentences(text, language)]


def test_an_ordinal_dot_ends_no_german_sentence() -> None:
    text = "Die Brücke wurde am 3. Oktober 1972 eröffnet. Im 19. Jahrhundert stand hier eine Fähre."
    assert texts(text, "de") == [
        "Die Brücke wurde am 3. Oktober 1972 eröffnet.",
        "Im 19. Jahrhundert stand hier eine Fähre.",
    ]


def test_a_day_number_before_a_month_name_ends_no_sentence() -> None:
    # Norwegian takes the ordinal dot; in French a "1." before a month is the same day
    assert texts("Avtalen ble signert 15. Februar 2025 i Oslo.", "nb") == [
        "Avtalen ble signert 15. Februar 2025 i Oslo."
    ]
    assert texts("Le traité fut signé le 1. Mars 2024 à Paris. Il entra en vigueur.", "fr") == [
        "Le traité fut signé le 1. Mars 2024 à Paris.",
        "Il entra en vigueur.",
    ]


def test_a_one_letter_abbreviation_ends_no_sentence() -> None:
    assert texts("Завод открыли в 1972 г. Москва выделила средства.", "ru") == [
        "Завод открыли в 1972 г. Москва выделила средства."
    ]


def test_english_splits_as_before() -> None:
    text = "The toll rose to 12. Police said more were missing."
    assert texts(text, "en") == ["The toll rose to 12.", "Police said more were missing."]
    assert texts(text, "de") == [text]  # German: "12." reads on as an ordinal


# --- one sentence per language family --------------------------------------------------------

FAMILIES = [
    # Romance
    ("es", "El Gobierno aprobó el 15 de febrero de 2025 la nueva ley de vivienda.",
     "El Gobierno aprobó la nueva ley de vivienda"),
    ("fr", "Le Parlement a voté la réforme le 15 février 2025 après des mois de débat.",
     "Le Parlement a voté la réforme après des mois de débat"),
    ("it", "Il governo ha approvato la nuova legge il 15 febbraio 2025 dopo un lungo dibattito.",
     "Il governo ha approvato la nuova legge dopo un lungo dibattito"),
    ("pt", "O governo aprovou a nova lei em 15 de fevereiro de 2025, depois de meses de debate.",
     "O governo aprovou a nova lei"),
    # Germanic
    ("de", "Der Bundestag hat am 15. Februar 2025 das neue Gesetz verabschiedet.",
     "Der Bundestag hat das neue Gesetz verabschiedet"),
    ("nl", "Het parlement heeft op 15 februari 2025 de nieuwe wet aangenomen.",
     "Het parlement heeft de nieuwe wet aangenomen"),
    ("sv", "Riksdagen antog den nya lagen den 15 februari 2025 efter en lång debatt.",
     "Riksdagen antog den nya lagen efter en lång debatt"),
    # Slavic
    ("ru", "Государственная дума приняла новый закон 15 февраля 2025 года после долгих споров.",
     "Государственная дума приняла новый закон после долгих споров"),
    ("pl", "Sejm przyjął nową ustawę 15 lutego 2025 roku po długiej debacie.",
     "Sejm przyjął nową ustawę po długiej debacie"),
    ("cs", "Poslanecká sněmovna schválila nový zákon 15. února 2025 po dlouhé debatě.",
     "Poslanecká sněmovna schválila nový zákon po dlouhé debatě"),
    ("uk", "Верховна Рада ухвалила новий закон 15 лютого 2025 року після тривалих дебатів.",
     "Верховна Рада ухвалила новий закон після тривалих дебатів"),
]  # fmt: skip


@pytest.mark.parametrize(("language", "sentence", "label"), FAMILIES)
def test_a_dated_sentence_in_each_family(language: str, sentence: str, label: str) -> None:
    frame = extract(Article(text=sentence, published=DCT))  # the language detected
    assert list(frame["language"]) == [language]
    assert rows(frame) == [("2025-02-15", label)]


def test_a_relative_date_dates_its_sentence() -> None:
    text = "Der Stadtrat beschloss die Sperrung vor zwei Wochen. Hace tres días nada cambió."
    events = build_events(Article(text=text, published=DCT, language="de"), tag(text, DCT, "de"))
    assert [(e.timex.value, e.label) for e in events] == [
        ("2025-W08", "Der Stadtrat beschloss die Sperrung")
    ]


def test_english_keeps_its_own_event_rules() -> None:
    assert has_event_words("en") and has_event_words("")
    assert not has_event_words("de") and not has_event_words("es")


@pytest.mark.parametrize(
    ("sentence", "date_text", "label"),
    [
        ("15. Februar 2025", "15. Februar 2025", "15. Februar 2025"),  # nothing but the date
        ("Am 15. Februar:", "15. Februar", "Am 15. Februar"),
        ("Trotzdem, sagte er am 15. Februar, bleibt alles.", "15. Februar", "Trotzdem, sagte er"),
    ],
)
def test_a_label_is_never_empty(sentence: str, date_text: str, label: str) -> None:
    start = sentence.index(date_text)
    anchor = neutral_anchor(sentence, start, start + len(date_text), (), "de")
    assert anchor.label == label and anchor.role == "event"


# --- properties -------------------------------------------------------------------------------

_WORDS = (
    "Am am 15. Februar 2025 vor zwei Wochen sagte der Rat , ; : ( ) - — . ! ? "
    "15 февраля 2025 года в среду две недели назад принял Путин «Интерфакс» г. "
    "le 3 mars 2024 il y a trois jours a voté el 7 de octubre hace dos años aprobó "
    "15. února 2025 lutego roku 1972 19. Jahrhundert Mainbrücke"
).split()


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(["de", "ru", "fr", "es", "cs", "pl", "it"]),
    st.lists(st.one_of(st.sampled_from(_WORDS), st.text(max_size=6), st.just("\n")), max_size=40),
)
def test_events_in_any_language_never_raise_and_stay_inside_the_text(
    language: str, words: list[str]
) -> None:
    text = " ".join(words)
    timexes = tag(text, DCT, language=language)
    assert all(a.end <= b.start for a, b in zip(timexes, timexes[1:], strict=False))
    events = build_events(Article(text=text, published=DCT, language=language), timexes)
    spans = []
    for event in events:
        assert event.label.strip()
        for m in event.mentions:
            assert 0 <= m.char_start < m.char_end <= len(text)
            assert text[m.char_start : m.char_end] == m.date_text
            assert text[m.sentence_start : m.sentence_start + len(m.sentence)] == m.sentence
            assert m.language == language
            spans.append((m.char_start, m.char_end))
    spans.sort()
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(["de", "ru", "fr", "nb", "cs"]), st.lists(st.sampled_from(_WORDS)))
def test_sentences_cover_the_text_in_order(language: str, words: list[str]) -> None:
    text = " ".join(words)
    sentences = split_sentences(text, language)
    for s in sentences:
        assert text[s.start : s.end] == s.text and s.text.strip()
    assert all(a.end <= b.start for a, b in zip(sentences, sentences[1:], strict=False))
