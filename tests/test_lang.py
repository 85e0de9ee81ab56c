"""timeline.lang: one home for each language's words, loaded on first use."""

from __future__ import annotations

import subprocess
import sys

import pytest

from timeline.lang import Language, codes, get_language


def test_a_language_is_found_by_its_code_in_any_case() -> None:
    assert get_language("EN") is get_language(" en ") is get_language()
    assert isinstance(get_language("en"), Language) and get_language("en").code == "en"
    assert "en" in codes()


@pytest.mark.parametrize("bad", ["xx", "", "../en", "en.dates", "e"])
def test_an_unknown_language_is_a_clear_error(bad: str) -> None:
    with pytest.raises(ValueError, match=r"language .* is not supported: use one of .*en"):
        get_language(bad)


def test_the_english_date_words_are_tables() -> None:
    dates = get_language("en").dates
    assert dates.MONTHS["sept"] == 9 and dates.WEEKDAYS["thurs"] == 4
    assert dates.FIXED_HOLIDAYS["christmas"] == (12, 25)
    assert get_language("en").table("dates") is dates


def test_import_timeline_reads_no_language_table() -> None:
    code = "import sys, timeline; print(any(m.startswith('timeline.lang.') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_an_alternation_tries_the_longest_word_first() -> None:
    import re

    from timeline.lang import alternation

    rx = re.compile(alternation(["sep", "sept", "new year's day"]))
    assert rx.match("sept.").group() == "sept"
    assert rx.match("new  year's\tday").group() == "new  year's\tday"
