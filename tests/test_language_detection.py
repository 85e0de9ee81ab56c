"""Each article's language: detected from its text, or given by front matter, a JSON field,
``extract(language=)`` or ``--language``; the frame's ``language`` column says which."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from timeline import extract
from timeline.cli import main
from timeline.errors import TimelineError
from timeline.lang import language_code
from timeline.lang.detect import detect_language, detect_with_confidence
from timeline.model import Article

DCT = date(2025, 3, 6)

EN = "The council approved the new budget on 15 February 2025, after a long debate."
ES = "El ayuntamiento aprobó el nuevo presupuesto el 15 de febrero de 2025, tras un largo debate."
DE = "Der Stadtrat hat den neuen Haushalt am 15. Februar 2025 nach langer Debatte beschlossen."
RU = "Городской совет утвердил новый бюджет 15 февраля 2025 года после долгих дебатов."
FR = "Le conseil municipal a adopté le nouveau budget le 15 février 2025, après un long débat."
IT = "Il consiglio comunale ha approvato il nuovo bilancio il 15 febbraio 2025 dopo un dibattito."
PL = "Rada miasta przyjęła nowy budżet 15 lutego 2025 roku po długiej debacie."


@pytest.mark.parametrize(
    ("text", "code"),
    [(EN, "en"), (ES, "es"), (DE, "de"), (RU, "ru"), (FR, "fr"), (IT, "it"), (PL, "pl")],
)
def test_the_language_of_a_sentence_is_detected(text: str, code: str) -> None:
    assert detect_language(text) == code


@pytest.mark.parametrize("text", ["", "   ", "15.02.2025", "Putin, Trufanov", "12345 67890"])
def test_too_little_text_is_taken_as_english(text: str) -> None:
    assert detect_with_confidence(text) == ("", 0.0)
    assert detect_language(text) == "en"
    assert detect_language(text, default="de") == "de"


def test_every_detected_language_is_one_timeline_reads() -> None:
    from timeline.lang import supported
    from timeline.lang.detect import _identifier

    assert set(_identifier().nb_classes) <= set(supported())


def test_the_seed_and_bundled_articles_are_english() -> None:
    frame = extract("data/articles")
    assert set(frame["language"]) == {"en"}


@pytest.mark.parametrize(
    ("tag", "code"),
    [("es", "es"), ("DE", "de"), ("de-AT", "de"), ("pt_BR", "pt"), ("xx", None), (3, None)],
)
def test_language_tags_are_read_as_codes(tag: object, code: str | None) -> None:
    assert language_code(tag) == code


def _events(frame) -> list[tuple[str, str, str]]:
    return [(r.value, r.language, Path(r.source).name) for r in frame.itertuples()]


def test_each_article_of_a_mixed_story_is_read_in_its_language(tmp_path: Path) -> None:
    (tmp_path / "en.txt").write_text(f"Budget vote\n\n{EN}\n", encoding="utf-8")
    (tmp_path / "de.txt").write_text(f"Haushalt\n\n{DE}\n", encoding="utf-8")
    (tmp_path / "es.txt").write_text(f"Presupuesto\n\n{ES}\n", encoding="utf-8")
    frame = extract(tmp_path, published=DCT)
    pairs = zip(frame["source"], frame["language"], strict=True)
    assert {Path(source).name: code for source, code in pairs} == {
        "en.txt": "en",
        "de.txt": "de",
        "es.txt": "es",
    }
    assert set(frame["value"]) == {"2025-02-15"}
    # the chart and the exports read no language: the story draws as one, as before
    from timeline import plot
    from timeline.export import to_timelinejs
    from timeline.export.vis_timeline import to_vis_timeline

    without = frame.drop(columns="language")
    assert to_timelinejs(frame) == to_timelinejs(without)
    assert to_vis_timeline(frame) == to_vis_timeline(without)
    assert plot(frame).to_json() == plot(without).to_json()


def test_front_matter_names_the_language(tmp_path: Path) -> None:
    # "el 3 de marzo" read as Spanish only because the front matter says so
    text = "---\nlanguage: es\n---\nEl consejo votó el 3 de marzo de 2024 a favor del plan.\n"
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    frame = extract(tmp_path / "a.md", published=DCT)
    assert list(zip(frame["value"], frame["language"], strict=True)) == [("2024-03-03", "es")]


def test_a_json_lines_field_names_the_language(tmp_path: Path) -> None:
    records = [
        {"text": DE, "published": "2025-03-06", "language": "de"},
        {"text": "Der Rat stimmte am 3. März 2024 zu.", "published": "2025-03-06"},
    ]
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n")
    frame = extract(path)
    assert list(zip(frame["value"], frame["language"], strict=True)) == [
        ("2024-03-03", "de"),
        ("2025-02-15", "de"),
    ]


def test_an_unsupported_language_field_is_a_warning_and_the_text_decides(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(f"---\nlanguage: klingon\n---\n{DE}\n", encoding="utf-8")
    frame = extract(path, published=DCT)
    assert list(frame["language"]) == ["de"]
    reasons = [w.reason for w in frame.timeline.report.warnings]
    assert any("language 'klingon' not supported; detected from the text" in r for r in reasons)


def test_extract_language_is_for_articles_that_do_not_name_theirs(tmp_path: Path) -> None:
    given = Article(text="Der Rat stimmte am 3. März 2024 zu.", published=DCT, source="a")
    named = Article(text=EN, published=DCT, source="b", language="en")
    frame = extract([given, named], language="de")
    assert dict(zip(frame["source"], frame["language"], strict=True)) == {"a": "de", "b": "en"}
    assert given.language == "de" and named.language == "en"


def test_detection_does_not_change_the_callers_article() -> None:
    article = Article(text=DE, published=DCT)
    frame = extract(article)
    assert list(frame["language"]) == ["de"] and article.language == ""


def test_an_unknown_extract_language_is_a_clear_error() -> None:
    with pytest.raises(TimelineError, match="language 'xx' is not supported"):
        extract(Article(text=EN), language="xx")


def test_the_same_events_in_worker_processes(tmp_path: Path) -> None:
    for i, text in enumerate([EN, DE, RU, ES] * 3):
        (tmp_path / f"{i:02}.txt").write_text(f"Title {i}\n\n{text}\n", encoding="utf-8")
    one = extract(tmp_path, published=DCT, jobs=1)
    two = extract(tmp_path, published=DCT, jobs=2)
    assert one.drop(columns="mentions").equals(two.drop(columns="mentions"))
    assert list(one["mentions"]) == list(two["mentions"])


def test_cli_language_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Rat\n\nDer Rat stimmte am 3. März 2024 zu.\n", encoding="utf-8")
    out = tmp_path / "events.json"
    run = ["extract", str(path), "--published", "2025-03-06", "-o", str(out), "-q"]
    assert main([*run, "--language", "de"]) == 0
    given = json.loads(out.read_text())
    assert [(e["value"], e["language"]) for e in given] == [("2024-03-03", "de")]
    capsys.readouterr()
    with pytest.raises(SystemExit) as stop:
        main(["extract", str(path), "--language", "xx"])
    assert stop.value.code == 2
    assert "language 'xx' is not supported" in capsys.readouterr().err


_TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>d1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2025-03-06"
functionInDocument="CREATION_TIME">2025-03-06</TIMEX3></DCT>
<TEXT>
{text}
</TEXT>
</TimeML>
"""


def test_tag_timeml_detects_each_documents_language(tmp_path: Path) -> None:
    corpus, out = tmp_path / "in", tmp_path / "out"
    corpus.mkdir()
    (corpus / "es.tml").write_text(_TML.format(text="El gobierno anunció el plan hace dos años ."))
    (corpus / "en.tml").write_text(
        _TML.format(text="The government announced the plan two years ago .")
    )
    assert main(["tag-timeml", str(corpus), str(out)]) == 0
    assert 'value="2023"' in (out / "es.tml").read_text()
    assert 'value="2023"' in (out / "en.tml").read_text()
    forced = tmp_path / "forced"
    assert main(["tag-timeml", str(corpus), str(forced), "--language", "en"]) == 0
    assert "hace dos años</TIMEX3>" not in (forced / "es.tml").read_text()


def _model_says(text: str, default: str = "en") -> str:
    """What the language model alone answers (detect_language without its stop-word test)."""
    from timeline.lang.detect import MIN_CONFIDENCE

    code, confidence = detect_with_confidence(text)
    return code if code and confidence >= MIN_CONFIDENCE else default


def _corpus_texts() -> list[tuple[str, str]]:
    """The texts of the shared corpora (TBAQ, Spanish TimeBank, the SemEval trial), as
    ``tag-timeml`` reads them, and of the fixtures and bundled articles."""
    import re
    from html import unescape

    from conftest import CORPORA, DATA, REPO

    texts = []
    for path in sorted(CORPORA.glob("**/*.tml")):
        tml = path.read_text(encoding="utf-8")
        body = re.search(r"<TEXT>(.*?)</TEXT>", tml, re.S)
        text = unescape(re.sub(r"<[^>]+>", "", body.group(1) if body else tml))
        texts.append((str(path), text))
    fixtures = [*sorted((REPO / "tests" / "fixtures").rglob("*")), *sorted(DATA.iterdir())]
    for path in fixtures:
        if path.is_file() and path.suffix in (".txt", ".md", ".html", ".jsonl", ".xml"):
            texts.append((str(path), path.read_text(encoding="utf-8", errors="replace")))
    return texts


def test_the_stop_word_test_answers_what_the_model_answers() -> None:
    from conftest import CORPORA, need

    need(CORPORA.is_dir(), "the shared corpora")
    texts = _corpus_texts()
    assert len(texts) > 450
    for name, text in texts:
        for sample in (text, text[:500], text[:200]):
            assert detect_language(sample) == _model_says(sample), name
            assert detect_language(sample, default="de") == _model_says(sample, "de"), name
    for text in (EN, ES, DE, RU, FR, IT, PL):
        assert detect_language(text) == _model_says(text)
