"""End to end on the seed article: the dates the product promises, and every input
accounted for."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pytest
from conftest import SEED

import timeline
from timeline.dates import parse_date_arg
from timeline.errors import DateError, InputError
from timeline.model import Article


@pytest.fixture(scope="module")
def seed_events() -> pd.DataFrame:
    return timeline.extract(SEED.parent / SEED.name, published="2025-03-06")


def test_seed_dates(seed_events: pd.DataFrame) -> None:
    values = set(seed_events["value"])
    assert {"2023-10-07", "2023-11-29", "2025-02-15"} <= values
    wednesday = seed_events[seed_events["value"].str.startswith("2025-03-05")]
    stated = wednesday[wednesday["date_basis"] == "stated"]
    assert len(stated) == 1, "the Kremlin meeting, 'on Wednesday night'"


def test_seed_keeps_day_bounds(seed_events: pd.DataFrame) -> None:
    freed = seed_events[seed_events["value"] == "2025-02-15"].iloc[0]
    assert freed["start"] == pd.Timestamp("2025-02-15")
    assert freed["end"] == pd.Timestamp("2025-02-16")


def test_seed_never_dates_plain_numbers(seed_events: pd.DataFrame) -> None:
    for number in ("1,200", "251", "50,000"):
        assert not seed_events["date_text"].str.contains(number, regex=False).any()
    assert not seed_events["value"].str.match(r"^(1200|0251|5000)").any()


def test_seed_month_precision_is_kept_where_the_text_gives_only_a_month() -> None:
    tags = timeline.tag(SEED.read_text(encoding="utf-8"), dct=date(2025, 3, 6))
    october = [t for t in tags if t.text == "October 2023"]
    assert october and october[0].value == "2023-10" and october[0].precision == "month"
    assert october[0].latest.date() == date(2023, 11, 1)


def test_sidecar_supplies_the_seed_publication_date(seed_events: pd.DataFrame) -> None:
    # extract() without published= finds 2025-03-06 in the sidecar next to the seed
    events = timeline.extract(SEED)
    assert set(events["value"]) == set(seed_events["value"])


def test_without_publication_date_nothing_is_dated_from_today() -> None:
    text = SEED.read_text(encoding="utf-8").split("\n", 1)[1]
    events = timeline.extract(Article(text=text, source="undated.txt"))
    wednesday = events[events["date_text"].str.contains("Wednesday")]
    assert len(wednesday) == 1
    assert wednesday["start"].isna().all() and wednesday["needs_dct"].all()
    assert not events["value"].str.startswith(str(date.today().year)).any()


def test_every_article_is_accounted_for(tmp_path) -> None:
    (tmp_path / "dated.txt").write_text("Talks\nThe talks began on March 3, 2024.\n")
    (tmp_path / "nodates.txt").write_text("Opinion\nPeace is better than war.\n")
    (tmp_path / "empty.txt").write_text("")
    events = timeline.extract(tmp_path)
    report = events.timeline.report
    by_name = {status.source.rsplit("/", 1)[-1]: status for status in report.articles}
    assert set(by_name) == {"dated.txt", "nodates.txt", "empty.txt"}
    assert by_name["dated.txt"].status == "ok" and by_name["dated.txt"].events == 1
    assert by_name["nodates.txt"].status == "no_events"
    assert "no dates" in by_name["nodates.txt"].reason
    assert by_name["empty.txt"].status == "skipped" and by_name["empty.txt"].reason


def test_strict_mode_names_the_bad_input(tmp_path) -> None:
    (tmp_path / "empty.txt").write_text("")
    with pytest.raises(InputError, match="empty.txt"):
        timeline.extract(tmp_path / "empty.txt", strict=True)


@pytest.mark.parametrize("bad", ["06/03/2025x", "yesterday", "2025-13-01", "2025-03-06junk"])
def test_bad_published_date_is_a_clear_error(bad: str) -> None:
    with pytest.raises(DateError, match="YYYY-MM-DD"):
        parse_date_arg(bad)


def test_a_read_articles_stream_hands_its_skips_to_the_frame(tmp_path, recwarn) -> None:
    (tmp_path / "good.txt").write_text("Talks\nThe talks began on March 3, 2024.\n")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 50)
    events = timeline.extract(timeline.read_articles(tmp_path))
    skipped = events.timeline.report.skipped
    assert [s.source.rsplit("/", 1)[-1] for s in skipped] == ["binary.txt"]
    assert not [w for w in recwarn if issubclass(w.category, timeline.InputWarning)]


def test_each_json_lines_record_is_its_own_source_and_outlets_are_kept(tmp_path) -> None:
    record = {"text": "The summit opened in Geneva on March 3, 2024.", "source": "Wire"}
    lines = [json.dumps(record), json.dumps({**record, "source": "Daily"})]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n")
    events = timeline.extract(tmp_path / "feed.jsonl")
    assert len(events) == 1
    row = events.iloc[0]
    assert row["n_sources"] == 2
    assert row["sources"].split("; ") == [f"{tmp_path / 'feed.jsonl'}:{n}" for n in (1, 2)]
    assert row["outlets"] == "Wire; Daily"


def test_a_happening_reported_many_times_keeps_bounded_mentions_and_counts_all(tmp_path) -> None:
    """A dump that repeats one story: the frame keeps ``max_mentions`` mentions per event in
    full, yet counts every mention and lists every source and outlet."""
    lines = [
        json.dumps(
            {"text": f"The summit opened in Geneva on March 3, 2024, said {n}.", "source": f"S{n}"}
        )
        for n in range(30)
    ]
    (tmp_path / "dump.jsonl").write_text("\n".join(lines) + "\n")
    events = timeline.extract(tmp_path / "dump.jsonl", max_mentions=4)
    assert len(events) == 1
    row = events.iloc[0]
    assert len(row["mentions"]) == 4
    assert row["n_mentions"] == 30 and row["n_sources"] == 30
    assert len(row["sources"].split("; ")) == 30
    assert row["outlets"].split("; ") == [f"S{n}" for n in range(30)]
    assert (
        len(timeline.extract(tmp_path / "dump.jsonl", max_mentions=None).iloc[0]["mentions"]) == 30
    )
