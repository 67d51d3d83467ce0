"""Load ../shared/corpora rows and group consecutive rows into multi-sentence "articles".

Articles: NTREX by document id; FLORES by source URL (metadata_devtest.tsv); TICO-19 by document prefix
("PubMed_8"); NusaX and Tatoeba (independent sentences) in groups of GROUP_SIZE consecutive rows.
Each article's source and target are its rows joined one per paragraph (blank line between).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_ROOT = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"
GROUP_SIZE = 8
FILES = {
    "ntrex": "ntrex/ntrex128.id-en-fr-zh-ja-ar.jsonl",
    "flores": "flores/flores200-devtest.id-en-fr-zh-ja-ar.jsonl",
    "tico19": "tico19/tico19-test.id-en-zh-ar.jsonl",
    "nusax": "nusax-mt/nusax-mt.id-en.jsonl",
    "tatoeba": "tatoeba/tatoeba-test-v2021-08-07.id-en.jsonl",
}
# Tatoeba has no multi-way rows: one file per language pair, read for the target language it holds.
LANG_FILES = {("tatoeba", lang): f"tatoeba/tatoeba-test-v2021-08-07.id-{lang}.jsonl" for lang in ("fr", "zh", "ja")}


def _quote_open(text: str) -> bool:
    return text.count('"') % 2 == 1 or text.count("“") > text.count("”")


def _paragraphs(rows: list[str], keep_together: list[bool]) -> str:
    out: list[str] = []
    for row, joined in zip(rows, keep_together):
        if joined and out:
            out[-1] += " " + row.strip()
        else:
            out.append(row.strip())
    return "\n\n".join(out)


@dataclass
class Article:
    """Rows become paragraphs, except that a row continues the previous paragraph while a quote opened there
    is still open on either side: the corpora split multi-sentence quotes into rows, articles do not."""

    id: str
    corpus: str
    sources: list[str]
    targets: list[str]
    # Each row's other languages (the sibling translations: en, fr, ...), for scripts that compare them.
    siblings: list[dict[str, str]] = field(default_factory=list)

    def _keep_together(self) -> list[bool]:
        keep, src_acc, tgt_acc = [], "", ""
        for s, t in zip(self.sources, self.targets):
            joined = bool(src_acc) and (_quote_open(src_acc) or _quote_open(tgt_acc))
            keep.append(joined)
            src_acc, tgt_acc = (src_acc + " " + s, tgt_acc + " " + t) if joined else (s, t)
        return keep

    @property
    def source(self) -> str:
        return _paragraphs(self.sources, self._keep_together())

    @property
    def target(self) -> str:
        return _paragraphs(self.targets, self._keep_together())


def _flores_urls(root: Path) -> dict[int, str]:
    with open(root / "flores" / "metadata_devtest.tsv", encoding="utf-8") as f:
        return {int(r["line"]): r["URL"] for r in csv.DictReader(f, delimiter="\t")}


def _doc_key(corpus: str, row_id: str, index: int, urls: dict[int, str]) -> str:
    parts = row_id.split("/")
    if corpus == "ntrex":
        return parts[1]
    if corpus == "flores":
        return urls[int(parts[-1])]
    if corpus == "tico19":
        return parts[-1].split(":")[0]
    return str(index // GROUP_SIZE)


def load_articles(root: Path, corpora: list[str], lang: str = "en") -> Iterator[Article]:
    urls = _flores_urls(root) if "flores" in corpora else {}
    for corpus in corpora:
        current: Article | None = None
        current_key = None
        with open(root / LANG_FILES.get((corpus, lang), FILES[corpus]), encoding="utf-8") as f:
            for index, line in enumerate(f):
                row = json.loads(line)
                if lang not in row:
                    continue
                key = _doc_key(corpus, row["id"], index, urls)
                if current is None or key != current_key:
                    if current is not None:
                        yield current
                    current = Article(f"{corpus}/{row['id']}", corpus, [], [])
                    current_key = key
                current.sources.append(row["id_text"])
                current.targets.append(row[lang])
                current.siblings.append({k: v for k, v in row.items() if k not in ("id", "id_text", lang)})
        if current is not None:
            yield current
