"""Batch input: JSONL rows or a directory of articles, read lazily; each item is checkable or an error.

JSONL: one object per line, {"id", "source", "target", "target_lang"?, "reference"?}. Blank lines are
skipped. A line that is not UTF-8, not JSON, not an object, or lacks a field becomes an error item.

Directory, either layout (both may be mixed):
    <dir>/<article>/id.txt  + <dir>/<article>/<lang>.txt   (+ optional reference.<lang>.txt)
    <dir>/<article>.id.txt  + <dir>/<article>.<lang>.txt   (+ optional <article>.reference.<lang>.txt)
Each translation file is one item, id "<article>/<lang>". An original with no translation is an error item.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from mtcheck.errors import InputError
from mtcheck.io import NotRegularFile, decode_text, open_regular, read_text
from mtcheck.model import ArticleRef

_LANG_FILE = re.compile(r"^(?:(?P<stem>.+)\.)?(?P<lang>[a-z]{2,3})\.txt$")


@dataclass
class Item:
    """One row of a batch: its id, texts and target language, or the error that keeps it from being checked."""
    id: str
    source: str | None = None
    target: str | None = None
    target_lang: str | None = None
    reference: str | None = None
    error: str | None = None
    html_name: str | None = None  # its --html-dir file, unique in the batch (set by the CLI)
    # Where it came from, for CI locations, waivers and baselines: its files, or the JSONL file and line.
    source_path: str | None = None
    target_path: str | None = None
    input_path: str | None = None
    input_line: int | None = None
    html_name: str | None = None  # its --html-dir file, unique in the batch (set by the CLI)

    def ref(self) -> ArticleRef:
        return ArticleRef(id=self.id, source_path=self.source_path, target_path=self.target_path,
                          input_path=self.input_path, input_line=self.input_line)


def _lone_surrogate(text: str) -> int | None:
    """Index of the first lone surrogate in `text` (JSON may escape one, "\\ud800"; UTF-8 cannot hold it)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as e:
        return e.start
    return None


def _row_item(line_no: int, raw: bytes, where: str, max_bytes: int) -> Item:
    item = _parse_row(line_no, raw, where, max_bytes)
    item.input_path, item.input_line = where, line_no
    return item


def _parse_row(line_no: int, raw: bytes, where: str, max_bytes: int) -> Item:
    ref = f"{where}:{line_no}"
    nul = raw.find(b"\x00")
    if nul >= 0:  # judged per row: one bad row must not refuse the file
        return Item(id=f"line-{line_no}", error=f"{ref}: NUL byte at byte {nul + 1} of the line; expected a JSON "
                                                  "object of UTF-8 text")
    try:
        text = decode_text(raw, ref, max(max_bytes * 3, max_bytes))
        row = json.loads(text)
    except InputError as e:
        return Item(id=f"line-{line_no}", error=str(e))
    except json.JSONDecodeError as e:
        return Item(id=f"line-{line_no}", error=f"{ref}: invalid JSON: {e.msg} at column {e.colno}")
    if not isinstance(row, dict):
        return Item(id=f"line-{line_no}", error=f"{ref}: expected a JSON object, got {type(row).__name__}")
    item_id = row.get("id")
    item_id = str(item_id) if isinstance(item_id, (str, int)) else f"line-{line_no}"
    if _lone_surrogate(item_id) is not None:  # it is written back into the output: keep that UTF-8
        item_id = item_id.encode("utf-8", "backslashreplace").decode("utf-8")
    missing = [k for k in ("id", "source", "target") if k not in row]
    if missing:
        return Item(id=item_id, error=f"{ref}: missing field(s): {', '.join(missing)}")
    for key in ("source", "target", "target_lang", "reference"):
        value = row.get(key)
        if (value is None and key in ("source", "target")) or (value is not None and not isinstance(value, str)):
            got = "null" if value is None else type(value).__name__
            return Item(id=item_id, error=f"{ref}: field '{key}' must be a string, got {got}")
        if isinstance(value, str) and (bad := _lone_surrogate(value)) is not None:
            return Item(id=item_id, error=f"{ref}: field '{key}' holds a lone surrogate (\\u{ord(value[bad]):04x} "
                                          f"at character {bad}), which is not Unicode text")
    for key in ("source", "target"):
        if not row[key].strip():
            return Item(id=item_id, error=f"{ref}: field '{key}' is empty")
        if len(row[key].encode("utf-8")) > max_bytes:
            return Item(id=item_id, error=f"{ref}: field '{key}' is too large (over {max_bytes:,} bytes)")
    return Item(id=item_id, source=row["source"], target=row["target"], target_lang=row.get("target_lang"),
                reference=row.get("reference"))


def read_jsonl(path: Path, max_bytes: int) -> Iterator[Item]:
    try:
        f = open_regular(path)  # a generator keeps it open while rows are consumed; never a FIFO or device
    except NotRegularFile:
        raise InputError(f"{path}: is not a regular file (a FIFO, socket or device?), expected JSONL") from None
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e.strerror}") from None
    with f:
        head = f.read(8192)
        # A binary file is refused whole; a JSONL file with a NUL byte in some rows (any line of its start
        # opens a JSON object) has those rows' errors.
        if b"\x00" in head and not any(line.lstrip().startswith(b"{") for line in head.splitlines()):
            raise InputError(f"{path}: looks like a binary file, expected JSONL")
        f.seek(0)
        for line_no, raw in enumerate(f, 1):
            if raw.strip():
                yield _row_item(line_no, raw, str(path), max_bytes)


def _directory_groups(root: Path) -> dict[str, dict[str, Path]]:
    """article name -> {"id": path, "en": path, "reference.en": path, ...}"""
    groups: dict[str, dict[str, Path]] = {}
    for path in sorted(root.rglob("*.txt")):
        rel = path.relative_to(root)
        m = _LANG_FILE.match(path.name)
        if not m:
            continue
        stem = m.group("stem")
        if stem is None:  # <article>/<lang>.txt
            article = str(rel.parent) if rel.parent != Path(".") else ""
            key = m.group("lang")
        elif stem == "reference":  # <article>/reference.<lang>.txt
            article, key = str(rel.parent), f"reference.{m.group('lang')}"
        elif stem.endswith(".reference"):
            article, key = str(rel.parent / stem.removesuffix(".reference")), f"reference.{m.group('lang')}"
        else:  # <article>.<lang>.txt
            article, key = str(rel.parent / stem), m.group("lang")
        if article in ("", "."):
            continue
        groups.setdefault(article, {})[key] = path
    return groups


def read_directory(root: Path, max_bytes: int, source_lang: str = "id") -> Iterator[Item]:
    groups = _directory_groups(root)
    if not groups:
        raise InputError(f"{root}: no articles found (expected <article>/id.txt + <article>/en.txt, "
                         "or <article>.id.txt + <article>.en.txt)")
    for article, files in groups.items():
        targets = sorted(k for k in files if k != source_lang and not k.startswith("reference."))
        if source_lang not in files:
            for lang in targets:
                expected = f"{article}/{source_lang}.txt or {article}.{source_lang}.txt"
                yield Item(id=f"{article}/{lang}", error=f"{files[lang]}: no Indonesian original ({expected})",
                           target_path=str(files[lang]))
            continue
        if not targets:
            yield Item(id=article, error=f"{files[source_lang]}: no translation beside it "
                                         f"(expected e.g. {article}/en.txt or {article}.en.txt)",
                       source_path=str(files[source_lang]))
            continue
        for lang in targets:
            item = Item(id=f"{article}/{lang}", target_lang=lang, source_path=str(files[source_lang]),
                        target_path=str(files[lang]))
            try:
                item.source = read_text(str(files[source_lang]), max_bytes)
                item.target = read_text(str(files[lang]), max_bytes)
                if f"reference.{lang}" in files:
                    item.reference = read_text(str(files[f"reference.{lang}"]), max_bytes)
            except InputError as e:
                item.error = str(e)
            yield item


def read_items(path: Path, max_bytes: int) -> Iterator[Item]:
    if path.is_dir():
        return read_directory(path, max_bytes)
    if not path.exists():
        raise InputError(f"{path}: no such file or directory")
    return read_jsonl(path, max_bytes)


def count_items(path: Path) -> int | None:
    """How many items read_items(path) yields (for a progress total), without decoding them; None when the
    input cannot be read (read_items reports why)."""
    try:
        if path.is_dir():
            groups = _directory_groups(path)
            return sum(max(1, sum(1 for k in files if k != "id" and not k.startswith("reference.")))
                       for files in groups.values())
        if not path.is_file():
            return None  # a FIFO or device: reading it to count would consume (or block on) the input
        with open(path, "rb") as f:
            return sum(1 for raw in f if raw.strip())
    except OSError:
        return None
