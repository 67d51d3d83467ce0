"""Recording a `check` or `batch` run in the history database named by the `history` setting."""

from __future__ import annotations

from pathlib import Path

from mtcheck.config import Settings
from mtcheck.engine import signature
from mtcheck.model import Report
from mtcheck.report.json_report import to_dict
from mtcheck.store.history import History, input_hashes, settings_json, sha256_text


def run_signature(settings: Settings) -> str:
    """The settings that change scores, for every target language ('tgt:*')."""
    return signature(settings, settings.selected_rules(), "*")


def _settings_summary(settings: Settings) -> str:
    return settings_json({"fail_under": settings.fail_under,
                          "fail_on": settings.fail_on.value if settings.fail_on else None,
                          "config": str(settings.config_path) if settings.config_path else None})


def record_check(settings: Settings, report: Report, source_path: str, target_path: str) -> str:
    assert settings.history is not None
    record = {"id": target_path, **to_dict(report)}
    inputs = [(source_path, sha256_text(report.source)), (target_path, sha256_text(report.target))]
    history = History(settings.history)
    try:
        return history.record("check", [record], inputs, run_signature(settings), _settings_summary(settings))
    finally:
        history.close()


def record_batch(settings: Settings, records: list[dict], input_path: Path) -> str:
    assert settings.history is not None
    history = History(settings.history)
    try:
        return history.record("batch", records, input_hashes(input_path), run_signature(settings),
                              _settings_summary(settings))
    finally:
        history.close()
