"""Stable fingerprints of findings: the same error keeps its id when the article is edited elsewhere.

A fingerprint hashes the rule code, the text each side's span covers (whitespace collapsed) and a little
context: the two words before and after the span (at most 24 characters each side, for scripts without
spaces), within its paragraph. Offsets, line numbers, messages and
severities are left out on purpose: they move when a paragraph is added above, when a rule's wording improves
or when a team re-grades a rule, and none of that makes it another finding. Two findings with the same
material (the same word flagged twice in the same phrase) are told apart by their order: the second gets
"#2" hashed in, as GitLab Code Quality and ruff's SARIF output do.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from mtcheck.model import Finding, Span

try:  # CPython's own SHA-256 (_sha2 from 3.12): hashlib's digest, without loading OpenSSL at each start-up
    from _sha256 import sha256
except ImportError:  # pragma: no cover
    try:
        from _sha2 import sha256
    except ImportError:
        from hashlib import sha256

VERSION = "1"
CONTEXT_WORDS = 2
CONTEXT_CHARS = 24
_WINDOW = 80  # characters scanned for the context words on each side


def _flat(text: str) -> str:
    return " ".join(text.split())


def _side(text: str, span: Span) -> str:
    before = text[max(0, span.start - _WINDOW):span.start]
    after = text[span.end:span.end + _WINDOW]
    before = before.rsplit("\n\n", 1)[-1]  # context stays inside the paragraph
    after = after.split("\n\n", 1)[0]
    # At most CONTEXT_CHARS of them nearest the span: Chinese and Japanese have no spaces, where "two words"
    # would be the whole window.
    left = " ".join(before.split()[-CONTEXT_WORDS:])[-CONTEXT_CHARS:]
    right = " ".join(after.split()[:CONTEXT_WORDS])[:CONTEXT_CHARS]
    return f"{left}\x1f{_flat(text[span.start:span.end])}\x1f{right}"


def material(finding: Finding, source: str, target: str) -> str:
    """What a fingerprint hashes, before the occurrence number."""
    parts = [VERSION, finding.code]
    parts.append(_side(target, finding.target_span) if finding.target_span else "")
    parts.append(_side(source, finding.source_span) if finding.source_span else "")
    if finding.file_location is not None:  # a finding about a file other than the texts (MT901: a waiver)
        parts.append(f"{finding.file_location[0]}\x1f{finding.message}")
    return "\x1e".join(parts)


def fingerprints(findings: Sequence[Finding], source: str, target: str) -> list[str]:
    """One 16-hex-digit fingerprint per finding, in order; equal material is numbered by occurrence."""
    seen: Counter[str] = Counter()
    out = []
    for f in findings:
        m = material(f, source, target)
        seen[m] += 1
        if seen[m] > 1:
            m += f"\x1e#{seen[m]}"
        out.append(sha256(m.encode("utf-8")).hexdigest()[:16])
    return out
