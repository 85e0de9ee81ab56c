"""Names a package exports without importing their modules until first use (PEP 562).

``import timeline`` must not load pandas, plotly or dateparser: a package lists which module
defines each heavy name, and ``attach`` gives it the module ``__getattr__`` and ``__dir__``
that import that module when the name is first read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from importlib import import_module
from typing import Any


def attach(
    package: str, homes: dict[str, str], public: Iterable[str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``__getattr__, __dir__ = attach(__name__, {"name": "pkg.module"}, __all__)``."""
    names = sorted(public)

    def __getattr__(name: str) -> Any:
        if name in homes:
            return getattr(import_module(homes[name]), name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    def __dir__() -> list[str]:
        return list(names)

    return __getattr__, __dir__
