"""The library API: check one article pair, or many, from Python; the same engine and reports as the CLI.

    import mtcheck

    report = mtcheck.check(source_text, target_text, target_lang="en")
    report.score, report.passed, [f.code for f in report.findings]

    for result in mtcheck.check_many([{"id": "a1", "source": s, "target": t}], config="mtcheck.toml"):
        print(result.id, result.report.score if result.report else result.error)

`config` is a `Settings`, a path to a `mtcheck.toml` / `pyproject.toml`, a mapping shaped like
`[tool.mtcheck]` (`{"fail-on": "major", "ignore": ["MT604"]}`), or None for the built-in defaults (the
library never reads a config file it was not given).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mtcheck.config import Settings, apply_table, load_settings
from mtcheck.engine import check_pair, check_source_language
from mtcheck.errors import InputError
from mtcheck.model import ArticleRef, Report

Config = Settings | str | Path | Mapping[str, Any] | None
Article = tuple[str, str] | Mapping[str, Any]


def settings_for(config: Config) -> Settings:
    if config is None:
        return Settings()
    if isinstance(config, Settings):
        return config
    if isinstance(config, (str, Path)):
        return load_settings(Path(config))
    if isinstance(config, Mapping):
        return apply_table(Settings(), dict(config), "config")
    raise TypeError(f"config must be Settings, a path or a mapping, not {type(config).__name__}")


def check(source: str, target: str, *, target_lang: str | None = None, config: Config = None,
          reference: str | None = None, article_id: str | None = None) -> Report:
    """Check one translation against its Indonesian original.

    Raises `mtcheck.InputError` where the CLI exits 2: a source that is not Indonesian, a target in another
    language than `target_lang`, an empty text, a bad config. `article_id` names the article for waivers
    and baselines."""
    if not isinstance(source, str) or not isinstance(target, str):
        raise TypeError("source and target must be str")
    for name, text in (("source", source), ("target", target)):
        if not text.strip():
            raise InputError(f"{name}: is empty")
    settings = settings_for(config)
    check_source_language(source)
    return check_pair(source, target, settings, target_lang=target_lang, reference=reference,
                      article=ArticleRef(id=article_id) if article_id else None)


@dataclass(frozen=True)
class Result:
    """One article of `check_many`: its report, or why it could not be checked."""

    id: str
    report: Report | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.report is not None


def check_many(articles: Iterable[Article], *, target_lang: str | None = None, config: Config = None
               ) -> Iterator[Result]:
    """Check many articles, in order, lazily. Each article is `(source, target)` or a mapping with `source`,
    `target` and optionally `id`, `target_lang`, `reference` (a batch JSONL row). One bad article becomes
    a `Result` with `error` set; the others go on. The config is read and the rules built once."""
    settings = settings_for(config)
    rules = settings.selected_rules()
    for n, article in enumerate(articles, 1):
        if isinstance(article, Mapping):
            item_id = str(article.get("id", f"article-{n}"))
            source, target = article.get("source"), article.get("target")
            lang, reference = article.get("target_lang", target_lang), article.get("reference")
        else:
            item_id, lang, reference = f"article-{n}", target_lang, None
            source, target = article
        try:
            if not isinstance(source, str) or not isinstance(target, str):
                raise InputError("source and target must be strings")
            if not source.strip() or not target.strip():
                raise InputError("source or target is empty")
            check_source_language(source)
            report = check_pair(source, target, settings, target_lang=lang, reference=reference, rules=rules,
                                article=ArticleRef(id=item_id))
        except InputError as e:
            yield Result(item_id, error=f"{item_id}: {e}")
            continue
        yield Result(item_id, report=report)
