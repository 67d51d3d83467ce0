"""Baselines: adopt mtcheck on an archive and fail only on new errors.

`--write-baseline FILE` records every counted finding of the run (article, rule code, fingerprint; the
message only for the reader). `--baseline FILE` then drops the findings it holds from the reports, score and
gate, so only findings that are not in it are reported and can fail. Matching is by (article, code,
fingerprint) and counts occurrences: if the baseline holds one 'her' finding for an article and the article
now has two, one is new. Waived findings are never baselined: their waiver already accounts for them.

The file is JSON, sorted, one finding per line, so a baseline diff in review shows what was accepted:

    {"mtcheck_baseline": 1, "findings": [
    {"article": "rutte-kyiv/en", "code": "MT301", "fingerprint": "…", "message": "…"}
    ]}
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from mtcheck.errors import InputError
from mtcheck.io import write_atomic
from mtcheck.model import ArticleRef, Finding

FORMAT_VERSION = 1


def article_key(article: ArticleRef | None) -> str:
    if article is None:
        return ""
    return article.id or article.target_path or ""


@dataclass
class Baseline:
    """Findings accepted earlier (--baseline): counts by (article, rule, text), and the file they came from."""
    entries: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    path: str = ""

    def filter(self, findings: Sequence[Finding], article: ArticleRef | None) -> tuple[list[Finding], int]:
        """(the findings not in the baseline, how many were left out)."""
        key = article_key(article)
        left = Counter({k: v for k, v in self.entries.items() if k[0] == key})
        kept, dropped = [], 0
        for f in findings:
            k = (key, f.code, f.fingerprint or "")
            if f.counts and left[k] > 0:
                left[k] -= 1
                dropped += 1
            else:
                kept.append(f)
        return kept, dropped


def load_baseline(path: Path) -> Baseline:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{path}: cannot read baseline: {e}") from None
    except json.JSONDecodeError as e:
        raise InputError(f"{path}: invalid JSON at line {e.lineno}: {e.msg}") from None
    if not isinstance(data, dict) or data.get("mtcheck_baseline") != FORMAT_VERSION:
        raise InputError(f"{path}: not an mtcheck baseline (written by --write-baseline)")
    entries: Counter[tuple[str, str, str]] = Counter()
    for n, row in enumerate(data.get("findings", []), 1):
        if not isinstance(row, dict) or not all(isinstance(row.get(k), str) for k in ("article", "code",
                                                                                    "fingerprint")):
            raise InputError(f"{path}: finding {n} needs string 'article', 'code' and 'fingerprint'")
        entries[(row["article"], row["code"], row["fingerprint"])] += 1
    return Baseline(entries, str(path))


def baseline_rows(article: str, findings: Iterable[dict]) -> list[dict]:
    """Baseline rows from one report's JSON findings (the counted ones)."""
    return [{"article": article, "code": f["code"], "fingerprint": f["fingerprint"], "message": f["message"]}
            for f in findings if not f.get("waived") and f.get("fingerprint")]


def write_baseline(path: Path, rows: Iterable[dict]) -> int:
    ordered = sorted(rows, key=lambda r: (r["article"], r["code"], r["fingerprint"]))
    body = ",\n".join(json.dumps(r, ensure_ascii=False, sort_keys=True) for r in ordered)
    write_atomic(path, f'{{"mtcheck_baseline": {FORMAT_VERSION}, "findings": [\n{body}\n]}}\n')
    return len(ordered)
