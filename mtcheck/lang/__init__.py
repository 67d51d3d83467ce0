"""Language packs: the data and small functions that make a rule work for one language.

Packs load lazily by code, so checking an English article never imports another language's analysers.
"""

from __future__ import annotations

import importlib
from functools import cache

from mtcheck.errors import InputError
from mtcheck.lang.base import LanguagePack

# Target languages with a pack, and the source language.
PACK_MODULES = {code: f"mtcheck.lang.{code}" for code in ("en", "fr", "zh", "ja", "ar", "id")}
TARGET_LANGS = ("en", "fr", "zh", "ja", "ar")
PLANNED_TARGET_LANGS: tuple[str, ...] = ()


@cache
def get_pack(code: str) -> LanguagePack:
    module = PACK_MODULES.get(code)
    if module is None:
        planned = " (planned)" if code in PLANNED_TARGET_LANGS else ""
        raise InputError(f"no language pack for '{code}'{planned}; available target languages: "
                         + ", ".join(TARGET_LANGS))
    return importlib.import_module(module).PACK
