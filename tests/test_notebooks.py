"""The notebooks users open first run top to bottom on a fresh install, and are committed
without outputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import REPO

NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))

# The slowest cell takes a few seconds, 19 s with the machine's two cores shared by a dozen
# busy processes (load 10-13); one that takes longer than this is stuck, and fails naming its
# source instead of waiting nbclient's default ten minutes.
CELL_TIMEOUT_S = 90
# The kernel answers its first kernel_info request within a few seconds, even under load.
STARTUP_TIMEOUT_S = 60


def test_there_are_notebooks() -> None:
    names = [path.stem for path in NOTEBOOKS]
    assert "01_quickstart" in names


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_without_outputs(path: Path) -> None:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    for cell in cells:
        if cell["cell_type"] == "code":
            assert cell.get("outputs", []) == [], f"{path.name}: clear the outputs"
            assert cell.get("execution_count") is None, f"{path.name}: clear execution counts"


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_runs_top_to_bottom(path: Path, tmp_path: Path) -> None:
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=CELL_TIMEOUT_S,
        startup_timeout=STARTUP_TIMEOUT_S,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    errors = [
        output
        for cell in notebook.cells
        for output in cell.get("outputs", [])
        if output.get("output_type") == "error"
    ]
    assert not errors
