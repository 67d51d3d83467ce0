"""mtcheck: a linter for machine translations of Indonesian news articles.

Library API (see README, "Library"): `mtcheck.check(source, target, *, target_lang=None, config=None)`
returns a `Report`; `mtcheck.check_many(articles, ...)` yields one `Result` per article. They are imported
on first use, so that `import mtcheck` (and the CLI's start-up) stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["Finding", "InputError", "Report", "Result", "Settings", "Severity", "__version__", "check",
           "check_many"]

if TYPE_CHECKING:
    from mtcheck.api import Result, check, check_many
    from mtcheck.config import Settings
    from mtcheck.errors import InputError
    from mtcheck.model import Finding, Report, Severity

_LAZY = {"check": "mtcheck.api", "check_many": "mtcheck.api", "Result": "mtcheck.api",
         "Settings": "mtcheck.config", "InputError": "mtcheck.errors", "Report": "mtcheck.model",
         "Finding": "mtcheck.model", "Severity": "mtcheck.model"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        value = getattr(import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'mtcheck' has no attribute {name!r}")
