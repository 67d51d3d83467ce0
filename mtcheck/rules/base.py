"""The Rule base class: metadata as class constants, one `check` method, a helper to make findings."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from typing import Any, ClassVar

from mtcheck.errors import InputError
from mtcheck.model import Category, Finding, Severity, Span
from mtcheck.text.article import ArticlePair
from mtcheck.text.segment import Segment

SpanLike = Span | Segment | tuple[Segment, ...] | None


def to_span(where: SpanLike) -> Span | None:
    """A Span from a span, a segment, or a run of consecutive segments (first start to last end)."""
    if where is None or isinstance(where, Span):
        return where
    if isinstance(where, Segment):
        return Span(where.start, where.end)
    if not where:
        return None
    return Span(where[0].start, where[-1].end)


class Rule(ABC):
    """A detector. Subclasses set the class constants and implement `check`; the engine does the rest
    (selection, re-grading, suppression). A rule never reads configuration beyond its own `options`."""

    code: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[Category]
    default_severity: ClassVar[Severity]
    default_enabled: ClassVar[bool] = True
    # Named thresholds, overridable in config as [tool.mtcheck.rules.MTxxx]; keys in kebab-case.
    defaults: ClassVar[dict[str, Any]] = {}
    # Codes whose findings are dropped where this rule's findings, as grave or graver, already cover the same
    # text (target or source).
    suppresses: ClassVar[tuple[str, ...]] = ()
    # True where the rule's target span is where the reported text belongs rather than the text itself (MT502:
    # the aligned target sentence of an omitted clause): it suppresses by overlapping source text only, so
    # that a figure changed or missing in another clause of that sentence (MT401, MT403) is still reported.
    suppresses_by_source: ClassVar[bool] = False
    # True where the rule's target span is only where missing source text belongs (MT205: a name gone missing
    # points at its aligned target sentence; MT501: a dropped sentence at the point between two target
    # sentences, a merged one at the sentence it was merged into), not text at fault: another finding on
    # that sentence may be about another part of it, so suppression, both ways, judges by source spans (as `suppresses_by_source`, and as the suppressed).
    target_is_context: ClassVar[bool] = False
    # Target languages where the rule is unreliable and does not run, with the reason `mtcheck rules` shows.
    not_for: ClassVar[dict[str, str]] = {}
    # False for rules about mtcheck's own inputs (MT901 on waivers), which the engine runs apart and which
    # have no source/target fixtures or docstring examples to run.
    text_rule: ClassVar[bool] = True

    def __init__(self, options: dict[str, Any] | None = None) -> None:
        options = options or {}
        unknown = sorted(set(options) - set(self.defaults))
        if unknown:
            known = ", ".join(sorted(self.defaults)) or "none"
            raise InputError(f"{self.code}: unknown option(s) {', '.join(unknown)} (known: {known})")
        self.options: dict[str, Any] = {**self.defaults, **options}

    @abstractmethod
    def check(self, pair: ArticlePair) -> Iterator[Finding]:
        """Yield findings for one article pair."""

    def finding(self, message: str, *, source: SpanLike = None, target: SpanLike = None,
                suggestion: str | None = None, confidence: float = 1.0, severity: Severity | None = None,
                evidence: tuple[str, ...] = ()) -> Finding:
        return Finding(
            code=self.code,
            rule=self.name,
            category=self.category,
            severity=severity or self.default_severity,
            message=message,
            source_span=to_span(source),
            target_span=to_span(target),
            suggestion=suggestion,
            confidence=confidence,
            evidence=evidence,
        )

    @classmethod
    def doc(cls) -> str:
        return (cls.__doc__ or "").strip()

    @classmethod
    def summary(cls) -> str:
        return cls.doc().splitlines()[0] if cls.doc() else ""
