"""TimeML reading, writing and TempEval-3 Task A scoring (timeline.timeml).

The fixtures under tests/fixtures/timeml/gold are invented sentences, annotated by hand.
Scorer figures below are computed by hand from the spans listed in each test.
"""

from __future__ import annotations

import csv
import shutil
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from conftest import CORPORA, REPO, need
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import timeml
from timeline.errors import InputError
from timeline.model import Timex
from timeline.timeml.write import _non_overlapping

GOLD = REPO / "tests" / "fixtures" / "timeml" / "gold"
HARBOUR = GOLD / "news" / "harbour.tml"
COUNCIL = GOLD / "news" / "council.tml"
BAKERY = GOLD / "sentences" / "bakery.tml"


def finder(*items: tuple[str, str, str]):
    """A fake tagger: each (words, type, value) becomes a Timex at the first occurrence."""

    def tag(text: str, dct=None) -> list[Timex]:
        found = []
        for words, type_, value in items:
            start = text.index(words)
            found.append(Timex(start, start + len(words), words, type_, value))
        return sorted(found, key=lambda t: t.start)

    return tag


def gold_tagger(path: Path):
    """A fake tagger that returns the gold timexes of ``path`` (a perfect system)."""
    doc = timeml.read_timeml(path)
    return finder(*((t.text, t.type, t.value) for t in doc.timexes))


def write_system(tmp_path: Path, taggers: dict[str, object]) -> Path:
    """Tag chosen gold fixtures with fake taggers into tmp_path/system; returns that dir."""
    system = tmp_path / "system"
    for rel, tagger in taggers.items():
        target = system / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(timeml.tag_document((GOLD / rel).read_text("utf-8"), tagger), "utf-8")
    return system


def gold_subset(tmp_path: Path, *rels: str) -> Path:
    gold = tmp_path / "gold"
    for rel in rels:
        (gold / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(GOLD / rel, gold / rel)
    return gold


# ----------------------------------------------------------------------------- reading


def test_reader_gives_plain_text_with_entities_decoded_and_right_offsets() -> None:
    doc = timeml.read_timeml(HARBOUR)
    assert doc.text.startswith("\nThe Port of Alden & Co. reopened its north pier on Tuesday")
    assert '"a relief"' in doc.text and "<" not in doc.text
    assert [t.tid for t in doc.timexes] == ["t1", "t2", "t3", "t4", "t5", "t6"]
    for timex in doc.timexes:
        assert doc.text[timex.start : timex.end] == timex.text
    tuesday = doc.timexes[0]
    # "\nThe Port of Alden & Co. " is 25 characters: the raw "&amp;" counts as one
    assert (tuesday.start, tuesday.end) == (52, 59)
    assert doc.text.index("Tuesday") == 52
    assert (tuesday.type, tuesday.value, tuesday.anchor) == ("DATE", "2024-03-12", "t0")
    assert doc.timexes[3].start == doc.text.index("next month")


def test_reader_takes_the_dct_and_keeps_it_out_of_the_text_timexes() -> None:
    doc = timeml.read_timeml(HARBOUR)
    assert (doc.dct, doc.dct_tid, doc.dct_date) == ("2024-03-14", "t0", date(2024, 3, 14))
    assert "20240314" not in doc.text
    assert all(t.tid != "t0" for t in doc.timexes)


def test_reader_keeps_set_attributes_and_semeval_sentences() -> None:
    council = timeml.read_timeml(COUNCIL)
    every_year = council.timexes[3]
    assert (every_year.type, every_year.value, every_year.quant) == ("SET", "P1Y", "EVERY")
    bakery = timeml.read_timeml(BAKERY)
    assert bakery.text.startswith("June 7 , 2010A small bakery")
    assert [(t.start, t.end) for t in bakery.timexes] == [(0, 13), (64, 72), (117, 121)]
    assert [e.name for e in bakery.elements].count("s") == 3
    assert "Smith & Daughters" in bakery.text


def test_reader_agrees_with_elementtree_on_every_fixture() -> None:
    for _, path in timeml.iter_timeml(GOLD):
        doc = timeml.read_timeml(path)
        text = ET.parse(path).getroot().find("TEXT")
        assert doc.text == "".join(text.itertext())
        assert [t.text for t in doc.timexes] == ["".join(x.itertext()) for x in text.iter("TIMEX3")]


def test_reader_names_the_file_when_it_is_not_timeml(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tml"
    bad.write_text("<TimeML><DOCID>x</DOCID></TimeML>", "utf-8")
    with pytest.raises(InputError, match="bad.tml.*TEXT"):
        timeml.read_timeml(bad)
    with pytest.raises(InputError, match="never closed"):
        timeml.parse_timeml("<TEXT>a <TIMEX3 tid='t1'>b</TEXT>")


# ----------------------------------------------------------------------------- writing


def test_writer_keeps_the_text_and_replaces_the_annotation() -> None:
    raw = HARBOUR.read_text("utf-8")
    tagger = finder(("Tuesday", "DATE", "2024-03-12"), ("2019", "DATE", "2019"))
    out = timeml.tag_document(raw, tagger)
    ET.fromstring(out)  # well-formed
    doc = timeml.parse_timeml(out)
    assert doc.text == timeml.read_timeml(HARBOUR).text
    assert [(t.text, t.value) for t in doc.timexes] == [("Tuesday", "2024-03-12"), ("2019", "2019")]
    assert "<EVENT" not in out and "<TLINK" not in out and "next month</TIMEX3>" not in out
    assert 'functionInDocument="CREATION_TIME">20240314</TIMEX3>' in out  # DCT untouched
    assert "Alden &amp; Co." in out


def test_writer_numbers_tids_around_the_dct_and_writes_anchor_and_mod() -> None:
    def tagger(text: str, dct=None) -> list[Timex]:
        start = text.index("next month")
        return [
            Timex(start, start + 10, "next month", "DATE", "2024-04", mod="START", anchor="dct")
        ]

    raw = HARBOUR.read_text("utf-8").replace('tid="t0"', 'tid="t1"')
    out = timeml.tag_document(raw, tagger)
    assert '<TIMEX3 tid="t2" type="DATE" value="2024-04" mod="START" anchorTimeID="t1">' in out


def test_writer_gives_the_tagger_the_dct_and_sentence_breaks() -> None:
    seen = {}

    def tagger(text: str, dct=None) -> list[Timex]:
        seen.update(text=text, dct=dct)
        start = text.index("Saturday")
        return [Timex(start, start + 8, "Saturday", "DATE", "2010-06-05")]

    out = timeml.tag_document(BAKERY.read_text("utf-8"), tagger)
    assert seen["dct"] == date(2010, 6, 7)
    assert seen["text"].startswith("June 7 , 2010\nA small bakery")
    doc = timeml.parse_timeml(out)
    assert doc.text == timeml.read_timeml(BAKERY).text  # the newline is only the tagger's view
    assert doc.text[doc.timexes[0].start : doc.timexes[0].end] == "Saturday"
    assert out.count("<s id=") == 3
    ET.fromstring(out)


def test_writer_survives_a_timex_that_fills_a_whole_sentence() -> None:
    out = timeml.tag_document(BAKERY.read_text("utf-8"), gold_tagger(BAKERY))
    assert (
        '<s id="1"><TIMEX3 tid="t1" type="DATE" value="2010-06-07">June 7 , 2010</TIMEX3></s>'
        in out
    )
    ET.fromstring(out)


def test_tag_directory_mirrors_the_layout(tmp_path: Path) -> None:
    count = timeml.tag_directory(GOLD, tmp_path / "out", tagger=finder())
    assert count == 3
    written = sorted(p.relative_to(tmp_path / "out").as_posix() for p in tmp_path.rglob("*.tml"))
    assert written == ["news/council.tml", "news/harbour.tml", "sentences/bakery.tml"]
    assert timeml.read_timeml(tmp_path / "out" / "news" / "council.tml").timexes == []


@settings(max_examples=60, deadline=None)
@given(
    st.text(alphabet="ab &<>\"'\n,.0123", min_size=1, max_size=60),
    st.lists(st.tuples(st.integers(0, 59), st.integers(1, 8)), max_size=5),
)
def test_writer_round_trip_keeps_any_text_and_spans(text: str, spans: list) -> None:
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    dct = '<DCT><TIMEX3 tid="t0" functionInDocument="CREATION_TIME" value="2020-01-01">'
    raw = f"<TimeML>{dct}x</TIMEX3></DCT><TEXT>{escaped}</TEXT></TimeML>"
    chosen = _non_overlapping(
        [
            Timex(s, min(s + n, len(text)), text[s : s + n], "DATE", "2020")
            for s, n in spans
            if s < len(text)
        ]
    )
    out = timeml.tag_document(raw, lambda t, dct=None: chosen)
    doc = timeml.parse_timeml(out)
    assert doc.text == text
    assert [(t.start, t.end) for t in doc.timexes] == [(t.start, t.end) for t in chosen]
    ET.fromstring(out)


# ----------------------------------------------------------------------------- TimeML conventions


def _tiny_doc(text: str) -> str:
    dct = '<DCT><TIMEX3 tid="t0" functionInDocument="CREATION_TIME" value="2024-03-14">'
    return f"<TimeML>{dct}March 14, 2024</TIMEX3></DCT><TEXT>{text}</TEXT></TimeML>"


def _written(text: str, *items: tuple[str, str, str]) -> list[tuple[str, str, str]]:
    out = timeml.tag_document(_tiny_doc(text), finder(*items))
    ET.fromstring(out)
    return [(t.text, t.type, t.value) for t in timeml.parse_timeml(out).timexes]


def test_writer_writes_a_weekday_with_a_part_of_day_as_a_date() -> None:
    text = (
        "The ferry ran aground on Saturday night. Divers came on Monday morning, "
        "the owners on Sunday evening, and the press this morning."
    )
    written = _written(
        text,
        ("Saturday night", "TIME", "2024-03-09TNI"),
        ("Monday morning", "TIME", "2024-03-11TMO"),
        ("Sunday evening", "TIME", "2024-03-10TEV"),
        ("this morning", "TIME", "2024-03-14TMO"),
    )
    assert written == [
        ("Saturday night", "DATE", "2024-03-09"),
        ("Monday morning", "DATE", "2024-03-11"),
        ("Sunday evening", "DATE", "2024-03-10TEV"),
        ("this morning", "TIME", "2024-03-14TMO"),  # no weekday: stays a TIME
    ]


def test_writer_writes_an_offset_in_days_or_weeks_as_the_duration() -> None:
    text = (
        "The pier shut on May 2. Four days later it reopened; several weeks later it "
        "shut again, a day after the storm. Profit fell from a year earlier."
    )

    def tagger(text: str, dct=None) -> list[Timex]:
        found = finder(
            ("May 2", "DATE", "2024-05-02"),
            ("Four days later", "DATE", "2024-05-06"),
            ("several weeks later", "DATE", "2024-06"),
            ("a day after", "DATE", "2024-05-07"),
            ("a year earlier", "DATE", "2023"),
        )(text, dct)
        found[0].tid = "t5"
        for later in found[1:3]:
            later.anchor = "t5"
        return found

    out = timeml.tag_document(_tiny_doc(text), tagger)
    written = [(t.text, t.type, t.value, t.anchor) for t in timeml.parse_timeml(out).timexes]
    assert written == [
        ("May 2", "DATE", "2024-05-02", None),
        ("Four days", "DURATION", "P4D", None),  # "later" is a signal, outside
        ("several weeks", "DURATION", "PXW", None),
        ("a day", "DURATION", "P1D", None),
        ("a year earlier", "DATE", "2023", None),  # the compared year stays a DATE
    ]


def test_writer_leaves_day_anaphora_and_plain_dates_alone() -> None:
    text = "It shut the day before the vote and reopened the next day, Friday."
    items = (
        ("the day before", "DATE", "2024-03-07"),
        ("the next day", "DATE", "2024-03-09"),
        ("Friday", "DATE", "2024-03-08"),
    )
    assert _written(text, *items) == list(items)


def test_writer_leaves_a_generic_today_unannotated() -> None:
    text = "Music shapes today's teenagers, the mayor said today."
    written = _written(text, ("today", "DATE", "PRESENT_REF"), ("said today", "DATE", "2024-03-14"))
    assert written == [("said today", "DATE", "2024-03-14")]


def test_conventions_copy_the_timexes_and_leave_the_tagger_output_alone() -> None:
    night = Timex(0, 12, "Friday night", "TIME", "2024-03-08TNI", precision="time")
    later = Timex(20, 36, "three days later", "DATE", "2024-03-11", anchor="t1")
    mapped = timeml.timeml_conventions([night, later])
    assert [(t.type, t.value, t.text, t.end) for t in mapped] == [
        ("DATE", "2024-03-08", "Friday night", 12),
        ("DURATION", "P3D", "three days", 30),
    ]
    assert (night.type, night.value) == ("TIME", "2024-03-08TNI")
    assert (later.type, later.value, later.end, later.anchor) == ("DATE", "2024-03-11", 36, "t1")


def test_writer_writes_a_hyphenated_year_end_as_december_31() -> None:
    hyphen = Timex(30, 38, "year-end", "DATE", "2024", precision="year", mod="END")
    spaced = Timex(50, 58, "year end", "DATE", "2024", precision="year", mod="END")
    fiscal = Timex(70, 90, "fiscal year-end", "DATE", "2024", precision="year", mod="END")
    mapped = timeml.timeml_conventions([hyphen, spaced, fiscal])
    assert [(t.value, t.mod) for t in mapped] == [
        ("2024-12-31", None),
        ("2024", "END"),
        ("2024", "END"),
    ]
    assert (hyphen.value, hyphen.mod) == ("2024", "END")


def test_real_tagger_keeps_pipeline_values_while_the_writer_maps_them() -> None:
    tag = _real_tagger()
    text = "The dam broke on Friday night. Three days later the river fell."
    timexes = tag(text, date(2024, 3, 14))
    assert [(t.text, t.type, t.value) for t in timexes] == [
        ("Friday night", "TIME", "2024-03-08TNI"),
        ("Three days later", "DATE", "2024-03-11"),
    ]
    written = _written_by(text, tag)
    assert written == [
        ("Friday night", "DATE", "2024-03-08"),
        ("Three days", "DURATION", "P3D"),
    ]


def _written_by(text: str, tagger) -> list[tuple[str, str, str]]:
    out = timeml.tag_document(_tiny_doc(text), tagger)
    return [(t.text, t.type, t.value) for t in timeml.parse_timeml(out).timexes]


# ----------------------------------------------------------------------------- scoring


def test_perfect_system_scores_one_everywhere(tmp_path: Path) -> None:
    rels = ["news/harbour.tml", "news/council.tml", "sentences/bakery.tml"]
    system = write_system(tmp_path, {rel: gold_tagger(GOLD / rel) for rel in rels})
    result = timeml.evaluate(GOLD, system)
    assert (result["documents"], result["gold"], result["system"]) == (3, 15, 15)
    for key in ("strict", "relaxed"):
        assert result[key]["precision"] == result[key]["recall"] == result[key]["f1"] == 1.0
    assert result["value"]["f1"] == result["type"]["f1"] == 1.0
    assert result["errors"] == [] and result["warnings"] == []


HARBOUR_SYSTEM = finder(
    ("Tuesday", "DATE", "2024-03-12"),  # exact, right
    ("a three-week", "DURATION", "P3W"),  # overlaps "three-week": relaxed only
    ("February 19", "DATE", "2024-02-19"),  # inside "February 19, 2024": relaxed only
    ("2019", "DATE", "2019-03"),  # exact span, wrong value
    ("two years", "DATE", "P2Y"),  # exact span, wrong type
    ("Repairs", "DATE", "PRESENT_REF"),  # spurious
)  # "next month" is missed


def test_hand_computed_partial_overlap_miss_spurious_wrong_value(tmp_path: Path) -> None:
    gold = gold_subset(tmp_path, "news/harbour.tml")
    result = timeml.evaluate(gold, write_system(tmp_path, {"news/harbour.tml": HARBOUR_SYSTEM}))
    # gold 6, system 6; relaxed 5 (all but "next month"/"Repairs"); strict 3
    assert (result["gold"], result["system"]) == (6, 6)
    assert result["relaxed"]["match"] == 5 and result["strict"]["match"] == 3
    assert result["strict"]["precision"] == result["strict"]["recall"] == 0.5
    assert result["strict"]["f1"] == pytest.approx(0.5)
    assert result["relaxed"]["precision"] == pytest.approx(5 / 6)
    assert result["relaxed"]["recall"] == pytest.approx(5 / 6)
    assert result["relaxed"]["f1"] == pytest.approx(5 / 6)
    # value right on 4 of 5 relaxed matches (not "2019"); type right on 4 (not "two years")
    assert result["value"]["accuracy"] == pytest.approx(0.8)
    assert result["value"]["f1"] == pytest.approx(0.8 * 5 / 6)
    assert result["type"]["accuracy"] == pytest.approx(0.8)
    assert result["type"]["f1"] == pytest.approx(2 / 3)
    kinds = sorted(e["error"] for e in result["errors"])
    assert kinds == ["boundary", "boundary", "missed", "spurious", "wrong_type", "wrong_value"]
    missed = next(e for e in result["errors"] if e["error"] == "missed")
    assert (missed["gold_text"], missed["gold_value"], missed["system_text"]) == (
        "next month",
        "2024-04",
        "",
    )
    assert "staffed by [next month]. In 2019" in missed["context"]
    wrong = next(e for e in result["errors"] if e["error"] == "wrong_value")
    assert (wrong["gold_value"], wrong["system_value"], wrong["dct"]) == (
        "2019",
        "2019-03",
        "2024-03-14",
    )


def test_micro_average_over_documents_and_missing_system_file(tmp_path: Path) -> None:
    gold = gold_subset(tmp_path, "news/harbour.tml", "news/council.tml", "sentences/bakery.tml")
    system = write_system(
        tmp_path,
        {"news/harbour.tml": HARBOUR_SYSTEM, "news/council.tml": gold_tagger(COUNCIL)},
    )
    result = timeml.evaluate(gold, system)
    # harbour 6/6 (relaxed 5, strict 3, value 4), council 6/6 perfect, bakery 3 gold, no file
    assert (result["gold"], result["system"]) == (15, 12)
    assert result["relaxed"]["match"] == 11 and result["strict"]["match"] == 9
    assert result["relaxed"]["precision"] == pytest.approx(11 / 12)
    assert result["relaxed"]["recall"] == pytest.approx(11 / 15)
    assert result["relaxed"]["f1"] == pytest.approx(22 / 27)
    assert result["value"]["f1"] == pytest.approx(10 / 11 * 22 / 27)
    assert result["warnings"] == [
        "sentences/bakery.tml: no system file; its timexes count as missed"
    ]
    per_doc = {d["document"]: d for d in result["per_document"]}
    assert per_doc["news/council.tml"]["value"]["f1"] == 1.0
    assert per_doc["sentences/bakery.tml"]["relaxed"]["recall"] == 0.0


def test_one_to_one_matching_prefers_the_identical_span() -> None:
    gold = timeml.parse_timeml("<TEXT>from May 3 to May 4</TEXT>")
    gold.timexes = [Timex(5, 10, "May 3", "DATE", "2020-05-03")]
    system = [
        Timex(0, 10, "from May 3", "DATE", "x"),
        Timex(5, 10, "May 3", "DATE", "2020-05-03"),
    ]
    counts, errors = timeml.score_document(gold, system)
    assert (counts.relaxed, counts.strict, counts.value) == (1, 1, 1)
    assert [e["error"] for e in errors] == ["spurious"]


def test_format_scores_and_error_csv(tmp_path: Path) -> None:
    gold = gold_subset(tmp_path, "news/harbour.tml")
    result = timeml.evaluate(gold, write_system(tmp_path, {"news/harbour.tml": HARBOUR_SYSTEM}))
    table = timeml.format_scores(result)
    assert "relaxed   83.33  83.33  83.33" in table
    assert "value" in table and "66.67" in table and "80.00" in table
    path = timeml.write_errors(result, tmp_path / "errors.csv")
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert len(rows) == 6 and rows[0]["document"] == "news/harbour.tml"


def test_evaluate_tagger_in_memory_equals_the_files_route(tmp_path: Path) -> None:
    gold = gold_subset(tmp_path, "news/harbour.tml")
    in_memory = timeml.evaluate_tagger(gold, HARBOUR_SYSTEM)
    files = timeml.evaluate(gold, write_system(tmp_path, {"news/harbour.tml": HARBOUR_SYSTEM}))
    assert in_memory["value"] == files["value"] and in_memory["strict"] == files["strict"]


# ----------------------------------------------------------------------------- the real tagger


def _real_tagger():
    try:
        from timeline.timex import tag
    except ImportError:  # the tagger is written by another engineer; absent early on
        pytest.skip("timeline.timex.tag is not available")
    return tag


def test_real_tagger_on_the_fixtures(tmp_path: Path) -> None:
    tag = _real_tagger()
    count = timeml.tag_directory(GOLD, tmp_path / "system", tagger=tag)
    result = timeml.evaluate(GOLD, tmp_path / "system")
    assert count == 3 and result["warnings"] == []
    assert result["gold"] == 15
    # floors set from a real run; they guard against regressions, not a target
    assert result["relaxed"]["f1"] >= FIXTURE_FLOOR["relaxed"]
    assert result["value"]["f1"] >= FIXTURE_FLOOR["value"]


# Real run of 2026-11-26 19:07 UTC: fixtures relaxed 1.00, value 1.00 (15 timexes: one
# error costs ~0.07); TBAQ (256 documents, 1822 timexes) relaxed 0.9459, strict 0.8921,
# value 0.8205. The floors leave room for noise, not for a regression.
FIXTURE_FLOOR = {"relaxed": 0.9, "value": 0.85}
CORPUS_FLOOR = {"relaxed": 0.93, "strict": 0.87, "value": 0.80}


@pytest.mark.corpus
@pytest.mark.slow
def test_real_tagger_on_tbaq_stays_above_the_floor() -> None:
    tbaq = CORPORA / "tbaq-cleaned"
    need(tbaq.is_dir(), f"corpus not found: {tbaq}")
    result = timeml.evaluate_tagger(tbaq, _real_tagger())
    assert result["documents"] == 256 and result["gold"] == 1822
    assert result["relaxed"]["f1"] >= CORPUS_FLOOR["relaxed"]
    assert result["strict"]["f1"] >= CORPUS_FLOOR["strict"]
    assert result["value"]["f1"] >= CORPUS_FLOOR["value"]


def test_evaluate_names_a_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a directory"):
        timeml.evaluate(GOLD, tmp_path / "nowhere")
    with pytest.raises(InputError, match="no .tml files"):
        timeml.evaluate(tmp_path, tmp_path)


def test_cli_evaluate_prints_the_table_json_and_error_csv(tmp_path: Path, capsys) -> None:
    import json

    from timeline.cli import main

    gold = gold_subset(tmp_path, "news/harbour.tml")
    system = write_system(tmp_path, {"news/harbour.tml": HARBOUR_SYSTEM})
    assert main(["evaluate", str(gold), str(system)]) == 0
    assert "relaxed   83.33  83.33  83.33" in capsys.readouterr().out
    errors = tmp_path / "errors.csv"
    assert main(["evaluate", str(gold), str(system), "--json", "--errors", str(errors)]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["value"]["f1"] == pytest.approx(2 / 3)
    assert len(errors.read_text("utf-8").splitlines()) == 7  # header + 6 errors


@pytest.mark.corpus
@pytest.mark.slow
def test_tagging_the_semeval_trial_documents_keeps_text_and_sentences(tmp_path: Path) -> None:
    trial = CORPORA / "timeline-trial" / "documents"
    need(trial.is_dir(), f"corpus not found: {trial}")
    assert timeml.tag_directory(trial, tmp_path, tagger=_real_tagger()) == 30
    for rel, path in timeml.iter_timeml(trial):
        out = (tmp_path / rel).read_text("utf-8")
        root = ET.fromstring(out)
        assert "".join(root.find("TEXT").itertext()) == timeml.read_timeml(path).text
        assert out.count("<s id=") == path.read_text("utf-8").count("<s id=")


def test_importing_the_timeml_package_does_not_load_the_tagger() -> None:
    import subprocess
    import sys

    code = (
        "import sys, timeline.timeml, timeline.timeml.score; "
        "print(any(m.startswith('timeline.timex') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
