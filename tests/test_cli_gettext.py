"""The program skips argparse's catalog search where gettext has no catalog (mtcheck.cli._argparse_untranslated):
argparse's messages are the same, and a catalog that exists is still used."""

from __future__ import annotations

import argparse
import gettext

import pytest

from mtcheck.cli import _argparse_untranslated


@pytest.fixture
def restored(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.setattr(argparse, "_", argparse._)
    monkeypatch.setattr(argparse, "ngettext", argparse.ngettext)
    return monkeypatch


def test_without_a_catalog_argparse_gets_its_messages_unchanged(restored: pytest.MonkeyPatch) -> None:
    restored.setattr(gettext, "find", lambda *a, **k: [])
    _argparse_untranslated()
    assert argparse._ is not gettext.gettext
    assert argparse._("usage: ") == gettext.gettext("usage: ") == "usage: "
    for n in (0, 1, 2):
        assert argparse.ngettext("expected %s argument", "expected %s arguments", n) == gettext.ngettext(
            "expected %s argument", "expected %s arguments", n)
    parser = argparse.ArgumentParser(prog="x")
    parser.add_argument("--n", type=int)
    assert parser.format_usage() == "usage: x [-h] [--n N]\n"


def test_with_a_catalog_argparse_is_left_to_gettext(restored: pytest.MonkeyPatch) -> None:
    restored.setattr(gettext, "find", lambda *a, **k: ["/somewhere/LC_MESSAGES/messages.mo"])
    _argparse_untranslated()
    assert argparse._ is gettext.gettext and argparse.ngettext is gettext.ngettext
