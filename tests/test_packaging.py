"""The package's promises about itself: dependencies in step, a fast, quiet import."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib

from conftest import REPO


def _pyproject_dependencies() -> dict[str, str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    return dict(_split(spec) for spec in project["dependencies"])


def _conda_dependencies() -> dict[str, str]:
    text = (REPO / "environment.yml").read_text()
    lines = text.split("dependencies:", 1)[1].splitlines()
    specs = [m.group(1) for line in lines if (m := re.match(r"^  - ([A-Za-z][^\s#]*)$", line))]
    return dict(_split(spec) for spec in specs if not spec.startswith(("python", "pip")))


def _split(spec: str) -> tuple[str, str]:
    name, version = re.match(r"([A-Za-z0-9_.-]+)(.*)", spec).groups()
    return name.lower(), version.strip()


def test_environment_yml_matches_pyproject() -> None:
    assert _conda_dependencies() == _pyproject_dependencies()


def test_import_is_light_and_silent() -> None:
    # A notebook's `import timeline` must not drag in pandas, plotly, dateparser or py3langid.
    code = (
        "import sys, timeline;"
        "heavy = [m for m in ('pandas', 'plotly', 'dateparser', 'py3langid') if m in sys.modules];"
        "print(','.join(heavy))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == ""
    assert run.stderr == ""


def test_top_level_verbs_resolve() -> None:
    import timeline

    for verb in ("read_articles", "extract", "plot", "to_html", "to_timelinejs", "tag"):
        assert callable(getattr(timeline, verb)), verb
