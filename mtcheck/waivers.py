"""Waivers: accepted findings, written down with who accepted them, why, and until when.

A waivers file is TOML with one `[[waiver]]` table per accepted finding:

    [[waiver]]
    article = "rutte-kyiv/en"        # article id or a glob over ids and file paths; default: every article
    code = "MT202"                   # the rule code, exactly
    text = "Belada"                  # the covered text (target side, or source side) ...
    # fingerprint = "3f2a9c0d41b7e655"  ... or the finding's fingerprint (one of the two is required)
    reason = "the minister's own spelling in the press release"
    author = "dewi@newsroom"
    date = 2026-11-30                # when it was accepted (TOML date or "YYYY-MM-DD")
    expires = 2027-03-01             # optional: from this day on the waiver no longer applies

A waived finding stays in every report, marked with its waiver, but counts in neither the score nor the gate.
A waiver that applies to an article and matches none of its findings is reported there by MT901
(unused-waiver), so waivers do not outlive the errors they accepted. An expired waiver matches nothing and is
not reported as unused: the finding it accepted is back, which is the signal.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from fnmatch import fnmatchcase
from pathlib import Path, PurePath

from mtcheck.errors import InputError
from mtcheck.model import ArticleRef, Finding, Waived

KEYS = {"article", "code", "fingerprint", "text", "reason", "author", "date", "expires"}
REQUIRED = ("code", "reason", "author", "date")
_FINGERPRINT = re.compile(r"^[0-9a-f]{16}$")


@dataclass(frozen=True, slots=True)
class Waiver:
    """A finding accepted in the waivers file: which rule, why, by whom and when, and what it matches."""
    code: str
    reason: str
    author: str
    date: str
    article: str | None = None
    fingerprint: str | None = None
    text: str | None = None
    expires: str | None = None
    file: str = ""
    line: int = 0  # 1-based line of its [[waiver]] header

    @property
    def label(self) -> str:
        what = f"fingerprint {self.fingerprint}" if self.fingerprint else f"text {self.text!r}"
        where = f" in {self.article}" if self.article else ""
        return f"{self.code} {what}{where}"

    def expired(self, today: dt.date) -> bool:
        return self.expires is not None and dt.date.fromisoformat(self.expires) <= today

    def applies_to(self, article: ArticleRef | None) -> bool:
        """Whether this waiver is about the article: no `article` key, or its id or one of its paths matches."""
        if self.article is None:
            return True
        if article is None:
            return False
        names = [article.id] + [_posix(p) for p in (article.source_path, article.target_path, article.input_path)]
        return any(n is not None and (n == self.article or fnmatchcase(n, self.article)) for n in names)

    def matches(self, finding: Finding, source: str, target: str) -> bool:
        if finding.code != self.code:
            return False
        if self.fingerprint is not None:
            return finding.fingerprint == self.fingerprint
        covered = [text[s.start:s.end] for text, s in ((target, finding.target_span), (source, finding.source_span))
                   if s is not None]
        want = _flat(self.text or "")
        return any(_flat(c) == want for c in covered)

    def waived(self) -> Waived:
        return Waived(self.reason, self.author, self.date, self.expires, self.file, self.line)


def _posix(path: str | None) -> str | None:
    return None if path is None else PurePath(path).as_posix()


def _flat(text: str) -> str:
    return " ".join(text.split())


def _date(value: object, key: str, where: str) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError:
            pass
    raise InputError(f"{where}: '{key}' must be a date (2026-11-30), got {value!r}")


def _header_lines(text: str) -> list[int]:
    """1-based line of each `[[waiver]]` header, in order (tomllib keeps no positions)."""
    return [n for n, line in enumerate(text.splitlines(), 1) if re.match(r"^\s*\[\[\s*waiver\s*\]\]", line)]


def parse_waivers(text: str, where: str, known_codes: Iterable[str]) -> list[Waiver]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise InputError(f"{where}: invalid TOML: {e}") from None
    extra = sorted(set(data) - {"waiver"})
    if extra:
        raise InputError(f"{where}: unknown top-level key(s) {', '.join(extra)}; a waivers file holds "
                         "[[waiver]] tables")
    entries = data.get("waiver", [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise InputError(f"{where}: 'waiver' must be an array of tables ([[waiver]])")
    lines = _header_lines(text)
    known = set(known_codes)
    out = []
    for i, entry in enumerate(entries):
        line = lines[i] if i < len(lines) else 0
        at = f"{where}:{line}" if line else f"{where}: waiver {i + 1}"
        unknown = sorted(set(entry) - KEYS)
        if unknown:
            raise InputError(f"{at}: unknown key(s) {', '.join(unknown)}; known: {', '.join(sorted(KEYS))}")
        missing = [k for k in REQUIRED if k not in entry]
        if missing:
            raise InputError(f"{at}: missing {', '.join(missing)} (every waiver says what, who, when and why)")
        if ("fingerprint" in entry) == ("text" in entry):
            raise InputError(f"{at}: give exactly one of 'fingerprint' and 'text'")
        for key in ("code", "reason", "author", "article", "fingerprint", "text"):
            if key in entry and (not isinstance(entry[key], str) or not entry[key].strip()):
                raise InputError(f"{at}: '{key}' must be a non-empty string")
        if entry["code"] not in known:
            raise InputError(f"{at}: unknown rule code '{entry['code']}'")
        if "fingerprint" in entry and not _FINGERPRINT.match(entry["fingerprint"]):
            raise InputError(f"{at}: fingerprint must be 16 lowercase hex digits, as reports print them")
        out.append(Waiver(
            code=entry["code"], reason=entry["reason"], author=entry["author"],
            date=_date(entry["date"], "date", at), article=entry.get("article"),
            fingerprint=entry.get("fingerprint"), text=entry.get("text"),
            expires=_date(entry["expires"], "expires", at) if "expires" in entry else None,
            file=where, line=line))
    return out


def _toml_string(value: str) -> str:
    # JSON's string escapes (\", \\, \n, \uXXXX) are all valid in a TOML basic string.
    return json.dumps(value, ensure_ascii=False)


def format_waiver(code: str, reason: str, author: str, *, article: str | None = None,
                  fingerprint: str | None = None, text: str | None = None, date: dt.date | None = None,
                  expires: dt.date | None = None) -> str:
    """One `[[waiver]]` table as TOML text, for tools that accept findings (the review app, scripts):
    exactly one of `fingerprint` and `text`; `date` defaults to today."""
    if (fingerprint is None) == (text is None):
        raise ValueError("give exactly one of fingerprint and text")
    lines = ["[[waiver]]"]
    if article is not None:
        lines.append(f"article = {_toml_string(article)}")
    lines.append(f"code = {_toml_string(code)}")
    lines.append(f"fingerprint = {_toml_string(fingerprint)}" if fingerprint is not None
                 else f"text = {_toml_string(text or '')}")
    lines += [f"reason = {_toml_string(reason)}", f"author = {_toml_string(author)}",
              f"date = {(date or dt.date.today()).isoformat()}"]
    if expires is not None:
        lines.append(f"expires = {expires.isoformat()}")
    return "\n".join(lines) + "\n"


def append_waiver(path: Path, entry: str, known_codes: Iterable[str]) -> list[Waiver]:
    """Add a `format_waiver` table to a waivers file (created if missing), atomically, keeping everything
    the file holds; the result is parsed before it replaces the file, so a bad entry never lands."""
    from mtcheck.io import write_atomic

    old = path.read_text(encoding="utf-8") if path.exists() else ""
    new = old + ("\n" if old and not old.endswith("\n\n") else "") + entry if old else entry
    waivers = parse_waivers(new, str(path), known_codes)
    write_atomic(path, new)
    return waivers


def load_waivers(path: Path, known_codes: Iterable[str]) -> list[Waiver]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{path}: cannot read waivers: {e}") from None
    return parse_waivers(text, str(path), known_codes)


def apply_waivers(findings: Sequence[Finding], waivers: Sequence[Waiver], article: ArticleRef | None,
                  source: str, target: str, today: dt.date | None = None) -> tuple[list[Finding], list[Waiver]]:
    """(findings with `waived` set where a waiver matches, the waivers about this article that matched none).
    The first matching waiver in file order wins; one waiver may accept several findings (the same word
    flagged twice)."""
    today = today or dt.date.today()
    live = [w for w in waivers if w.applies_to(article) and not w.expired(today)]
    used: set[int] = set()
    out = []
    for f in findings:
        hit = next((i for i, w in enumerate(live) if w.matches(f, source, target)), None)
        if hit is None:
            out.append(f)
        else:
            used.add(hit)
            out.append(replace(f, waived=live[hit].waived()))
    return out, [w for i, w in enumerate(live) if i not in used]
