"""Shared test helpers: paths, and the rule for tests that need optional machinery."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data" / "articles"
SEED = DATA / "000_3c7464da4ecb93a4.txt"
CORPORA = REPO.parent / "shared" / "corpora"
UNDER_CI = os.environ.get("CI", "").lower() == "true"


def need(condition: bool, reason: str) -> None:
    """Skip when optional machinery is missing, but fail under CI, where it must be there."""
    if condition:
        return
    if UNDER_CI:
        pytest.fail(f"required under CI: {reason}")
    pytest.skip(reason)
