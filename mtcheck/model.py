"""The data every rule and report shares: spans, severities, categories, findings and reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from mtcheck.locations import LineIndex

T = TypeVar("T")


class Severity(str, Enum):
    MINOR = "minor"
    MAJOR = "major"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.MINOR: 1, Severity.MAJOR: 2, Severity.CRITICAL: 3}


class Category(str, Enum):
    """MQM / ITS 2.0-like issue types; never parsed out of a rule code."""

    UNTRANSLATED = "untranslated"
    LENGTH = "length"
    NAMES = "names"
    PRONOUNS = "pronouns"
    NUMBERS = "numbers"
    OMISSION = "omission"
    ADDITION = "addition"
    MISTRANSLATION = "mistranslation"
    PUNCTUATION = "punctuation"
    SOURCE = "source"
    CONFIG = "config"  # about mtcheck's own inputs (a stale waiver), not the translation; never scored


@dataclass(frozen=True, slots=True, order=True, init=False)
class Span:
    """Half-open interval [start, end) of code points into the original text."""

    start: int
    end: int

    def __init__(self, start: int, end: int) -> None:
        # Written by hand: a check makes ~300 spans per short article, and the generated __init__ of a frozen
        # dataclass (object.__setattr__ per field, then __post_init__) took twice as long as the slots'
        # own setters, which a frozen class's __setattr__ does not stand in front of.
        if not 0 <= start <= end:
            raise ValueError(f"bad span [{start}, {end})")
        _set_start(self, start)
        _set_end(self, end)

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def to_list(self) -> list[int]:
        return [self.start, self.end]


_set_start = Span.start.__set__  # type: ignore[attr-defined]  # the slots' member descriptors
_set_end = Span.end.__set__  # type: ignore[attr-defined]


def _parameters(fn) -> tuple:
    code = fn.__code__
    return (code.co_varnames[:code.co_argcount], fn.__defaults__, code.co_kwonlyargcount, fn.__kwdefaults__)


def quick_init(cls: type[T]) -> type[T]:
    """Give a frozen dataclass an __init__ that sets its fields directly: through each slot's member
    descriptor (as Span's does), or, without slots, into the instance's __dict__. The generated one calls
    object.__setattr__ per field (the frozen class's own __setattr__ refuses), which looks the name up on the
    type each time; a check builds a few hundred such objects an article (segments, bracket scans, beads,
    quantities, mentions, people), and the generated __init__ cost 1.6x (five slots) to 2.1x (four fields
    in a __dict__) this one's instructions. The same signature (names, order, defaults) and the same fields
    set; refused (TypeError) for a class this could change: not a frozen dataclass, a __post_init__, a field
    with a default factory, kept out of __init__ or keyword-only, or (without slots) one whose name a data
    descriptor of the class holds (object.__setattr__ would call it)."""
    from dataclasses import MISSING, fields, is_dataclass

    params = getattr(cls, "__dataclass_params__", None)
    if not is_dataclass(cls) or params is None or not params.frozen:
        raise TypeError(f"quick_init: {cls.__name__} is no frozen dataclass")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"quick_init: {cls.__name__} has a __post_init__")
    own = fields(cls)  # type: ignore[arg-type]
    if any(f.default_factory is not MISSING or not f.init or f.kw_only for f in own):
        raise TypeError(f"quick_init: {cls.__name__} has a field with a factory, kept out of __init__ or kw-only")
    slots = "__slots__" in cls.__dict__
    namespace: dict[str, object] = {}
    args, body = [], [] if slots else ["    _dict = self.__dict__"]
    for f in own:
        if slots:
            namespace[f"_set_{f.name}"] = getattr(cls, f.name).__set__
            body.append(f"    _set_{f.name}(self, {f.name})")
        else:
            if any(hasattr(type(k.__dict__.get(f.name)), "__set__") for k in cls.__mro__ if f.name in k.__dict__):
                raise TypeError(f"quick_init: a data descriptor holds {cls.__name__}.{f.name}")
            body.append(f"    _dict[{f.name!r}] = {f.name}")
        if f.default is MISSING:
            args.append(f.name)
        else:
            namespace[f"_default_{f.name}"] = f.default
            args.append(f"{f.name}=_default_{f.name}")
    exec(f"def __init__(self, {', '.join(args)}):\n" + "\n".join(body or ["    pass"]), namespace)
    init = namespace["__init__"]
    # The same parameters and defaults as the generated __init__ (read from the code object: inspect would
    # load ast and tokenize, which a check's start-up does without, tests/test_cold_start.py).
    if _parameters(init) != _parameters(cls.__init__):
        raise TypeError(f"quick_init: {cls.__name__}'s __init__ has another signature")  # pragma: no cover
    init.__qualname__ = f"{cls.__qualname__}.__init__"  # type: ignore[attr-defined]
    cls.__init__ = init  # type: ignore[method-assign]
    return cls


@dataclass(frozen=True, slots=True)
class Waived:
    """Why a finding is accepted: the waiver that matched it (file and line of its `[[waiver]]` table)."""

    reason: str
    author: str
    date: str
    expires: str | None
    file: str
    line: int

    def to_dict(self) -> dict:
        return {"reason": self.reason, "author": self.author, "date": self.date, "expires": self.expires,
                "file": self.file, "line": self.line}


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """Where an article came from, for CI locations and waivers: its id and files (check, directory batch),
    or the JSONL input file and line (JSONL batch)."""

    id: str | None = None
    source_path: str | None = None
    target_path: str | None = None
    input_path: str | None = None
    input_line: int | None = None

    def to_dict(self) -> dict:
        return {k: getattr(self, k) for k in ("id", "source_path", "target_path", "input_path", "input_line")
                if getattr(self, k) is not None}


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem a rule found: its code, severity, message and exact spans in both texts."""
    code: str
    rule: str
    category: Category
    severity: Severity
    message: str
    source_span: Span | None
    target_span: Span | None
    suggestion: str | None = None
    confidence: float = 1.0
    evidence: tuple[str, ...] = ()
    fingerprint: str | None = None  # set by the engine (mtcheck/fingerprint.py)
    waived: Waived | None = None  # accepted by a waiver: shown, but counted in neither score nor gate
    # A finding about another file than the texts (MT901 points at its waiver): (path, 1-based line).
    file_location: tuple[str, int] | None = None

    @property
    def counts(self) -> bool:
        """Whether the finding counts in the score and the gate."""
        return self.waived is None

    def __post_init__(self) -> None:
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence {self.confidence} outside 0..1")

    def sort_key(self) -> tuple[int, int, str]:
        span = self.target_span or self.source_span
        return (span.start if span else -1, span.end if span else -1, self.code)

    def to_dict(self, source: str | None = None, target: str | None = None, *,
                source_lines: LineIndex | None = None, target_lines: LineIndex | None = None) -> dict:
        d: dict = {
            "code": self.code,
            "rule": self.rule,
            "category": self.category.value,
            "severity": self.severity.value,
            "message": self.message,
            "suggestion": self.suggestion,
            "confidence": round(self.confidence, 3),
            "source_span": self.source_span.to_list() if self.source_span else None,
            "target_span": self.target_span.to_list() if self.target_span else None,
        }
        if self.evidence:
            d["evidence"] = list(self.evidence)
        if self.fingerprint is not None:
            d["fingerprint"] = self.fingerprint
        d["waived"] = self.waived.to_dict() if self.waived else None
        if source_lines is not None and self.source_span:
            d["source_location"] = source_lines.location(self.source_span).to_dict()
        if target_lines is not None and self.target_span:
            d["target_location"] = target_lines.location(self.target_span).to_dict()
        if self.file_location is not None:
            d["file_location"] = {"path": self.file_location[0], "line": self.file_location[1]}
        # The covered text makes JSON output readable without the inputs at hand.
        if source is not None and self.source_span:
            d["source_text"] = source[self.source_span.start : self.source_span.end]
        if target is not None and self.target_span:
            d["target_text"] = target[self.target_span.start : self.target_span.end]
        return d


@dataclass(slots=True)
class Report:
    """Everything one check of an article produced: findings, score, gate and alignment."""
    source: str
    target: str
    source_lang: str
    target_lang: str
    findings: list[Finding]
    score: float
    passed: bool
    gate: dict
    source_words: int
    target_words: int
    penalty: float
    signature: str
    version: str
    timings_ms: dict[str, float] = field(default_factory=dict)
    reference_metrics: dict | None = None
    alignment: list[dict] = field(default_factory=list)
    # What the reader should know about how the article was checked ("the source language was uncertain").
    notes: list[str] = field(default_factory=list)
    article: ArticleRef | None = None
    baselined: int = 0  # findings left out because the baseline holds them

    @property
    def counted(self) -> list[Finding]:
        """The findings that count in score and gate (all but the waived)."""
        return [f for f in self.findings if f.counts]

    @property
    def waived(self) -> list[Finding]:
        return [f for f in self.findings if not f.counts]

    def counts_by_category(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for f in self.counted:
            counts[f.category.value] = counts.get(f.category.value, 0) + 1
        return dict(sorted(counts.items()))

    def counts_by_severity(self) -> dict[str, int]:
        counts = {s.value: 0 for s in Severity}
        for f in self.counted:
            counts[f.severity.value] += 1
        return counts
