"""What the review app shows: articles with their reports, loaded from a batch output plus its inputs, a
batch input (JSONL or a directory, checked here), or one SOURCE TARGET pair."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from mtcheck.batch import Item, read_items
from mtcheck.config import Settings
from mtcheck.engine import check_pair
from mtcheck.errors import InputError
from mtcheck.fingerprint import fingerprints
from mtcheck.io import read_text
from mtcheck.model import Category, Finding, Report, Severity, Span, Waived


@dataclass
class Article:
    """One article of the review app: its report or load error and its findings' fingerprints."""
    id: str
    report: Report | None = None
    error: str | None = None
    fingerprints: tuple[str, ...] = ()  # one per finding, in report order

    @property
    def target_lang(self) -> str:
        return self.report.target_lang if self.report else ""


def _span(value: list[int] | None) -> Span | None:
    return Span(value[0], value[1]) if value else None


def finding_from_dict(d: dict) -> Finding:
    waived = d.get("waived")
    location = d.get("file_location")
    return Finding(code=d["code"], rule=d["rule"], category=Category(d["category"]),
                   severity=Severity(d["severity"]), message=d["message"], source_span=_span(d.get("source_span")),
                   target_span=_span(d.get("target_span")), suggestion=d.get("suggestion"),
                   confidence=float(d.get("confidence", 1.0)), evidence=tuple(d.get("evidence", ())),
                   fingerprint=d.get("fingerprint"),
                   waived=Waived(waived["reason"], waived["author"], waived["date"], waived.get("expires"),
                                 waived.get("file", ""), waived.get("line", 0)) if waived else None,
                   file_location=(location["path"], location["line"]) if location else None)


def report_from_record(record: dict, source: str, target: str) -> Report:
    """A Report again from its JSON form (a batch line) and the two texts its spans point into."""
    return Report(source=source, target=target, source_lang=record.get("source_lang", "id"),
                  target_lang=record["target_lang"], findings=[finding_from_dict(f) for f in record["findings"]],
                  score=record["score"], passed=record["passed"], gate=record["gate"],
                  source_words=record["words"]["source"], target_words=record["words"]["target"],
                  penalty=record["penalty"], signature=record["signature"], version=record["tool"]["version"],
                  timings_ms=record.get("timings_ms", {}), reference_metrics=record.get("reference_metrics"),
                  alignment=record.get("alignment", []), notes=list(record.get("notes", [])),
                  baselined=record.get("counts", {}).get("baselined", 0))


def _fingerprints(report: Report) -> tuple[str, ...]:
    """The engine's fingerprints; computed here for a batch output written before fingerprints existed."""
    computed = fingerprints(report.findings, report.source, report.target)
    return tuple(f.fingerprint or c for f, c in zip(report.findings, computed))


def _checked_all(items: list[Item], settings: Settings, jobs: int) -> list[Article]:
    """Check every item, on `jobs` processes (the batch's own pool) when there are several."""
    if jobs <= 1 or len(items) < 2:
        return [_checked(item, settings) for item in items]
    from mtcheck.cli.batch import check_items

    articles = []
    for item, (record, _) in zip(items, check_items(iter(items), settings, jobs, None)):
        if "error" in record:
            articles.append(Article(item.id, error=record["error"]))
            continue
        assert item.source is not None and item.target is not None
        report = report_from_record(record, item.source, item.target)
        report.article = item.ref()
        articles.append(Article(item.id, report, fingerprints=_fingerprints(report)))
    return articles


def _checked(item: Item, settings: Settings) -> Article:
    if item.error is not None:
        return Article(item.id, error=item.error)
    assert item.source is not None and item.target is not None
    try:
        report = check_pair(item.source, item.target, settings, target_lang=item.target_lang,
                            reference=item.reference, article=item.ref())
    except InputError as e:
        return Article(item.id, error=f"{item.id}: {e}")
    return Article(item.id, report, fingerprints=_fingerprints(report))


def _is_batch_output(path: Path) -> bool:
    """A batch output's rows carry "findings" or "error" and no texts; an input's rows carry "source"."""
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                if line.strip():
                    row = json.loads(line)
                    return isinstance(row, dict) and "source" not in row and ("findings" in row or "error" in row)
    except (OSError, json.JSONDecodeError):
        return False
    return False


def _from_output(path: Path, inputs: Path, settings: Settings) -> list[Article]:
    texts = {it.id: it for it in read_items(inputs, settings.max_bytes) if it.error is None}
    articles = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{path}: cannot read: {e}") from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            articles.append(Article(f"line-{n}", error=f"{path}:{n}: invalid JSON: {e.msg}"))
            continue
        article_id = str(record.get("id", f"line-{n}"))
        if "error" in record:
            articles.append(Article(article_id, error=str(record["error"])))
        elif article_id not in texts:
            articles.append(Article(article_id, error=f"{path}:{n}: article '{article_id}' is not in {inputs}"))
        else:
            item = texts[article_id]
            assert item.source is not None and item.target is not None
            try:
                report = report_from_record(record, item.source, item.target)
            except (KeyError, TypeError, ValueError) as e:
                articles.append(Article(article_id, error=f"{path}:{n}: not an mtcheck report line ({e})"))
                continue
            report.article = item.ref()
            articles.append(Article(article_id, report, fingerprints=_fingerprints(report)))
    return articles


def load_articles(paths: list[Path], settings: Settings, inputs: Path | None = None, jobs: int = 1
                  ) -> list[Article]:
    """Articles from `review PATH` (one path) or `review SOURCE TARGET` (two), checked on `jobs` processes."""
    if len(paths) == 2:
        source = read_text(str(paths[0]), settings.max_bytes, "source")
        target = read_text(str(paths[1]), settings.max_bytes, "target")
        item = Item(str(paths[1]), source=source, target=target, source_path=str(paths[0]),
                    target_path=str(paths[1]))
        return [_checked(item, settings)]
    if len(paths) != 1:
        raise InputError("review needs one PATH (batch output, JSONL or directory) or SOURCE TARGET")
    path = paths[0]
    if not path.exists():
        raise InputError(f"{path}: no such file or directory")
    if path.is_file() and _is_batch_output(path):
        if inputs is None:
            raise InputError(f"{path}: is a batch output, which holds no texts; pass the batch's input with "
                             "--inputs FILE_OR_DIR")
        return _from_output(path, inputs, settings)
    articles = _checked_all(list(read_items(path, settings.max_bytes)), settings, jobs)
    if not articles:
        raise InputError(f"{path}: no articles in it")
    return articles
