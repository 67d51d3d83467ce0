"""Every rule, listed explicitly. `mtcheck rules`, the docs and the tests all read this tuple."""

from __future__ import annotations

import re

from mtcheck.rules.added_entity import AddedEntity
from mtcheck.rules.base import Rule
from mtcheck.rules.brackets import DroppedBrackets, DroppedQuotes, UnbalancedBracket, UnbalancedQuote
from mtcheck.rules.katakana import IndonesianInKatakana
from mtcheck.rules.length import OverlongTranslation, TruncatedTranslation
from mtcheck.rules.meaning import MeaningChanged, UncoveredSourceClause, UnsupportedTargetClause
from mtcheck.rules.meta import UnusedWaiver
from mtcheck.rules.names import (
    GarbledName,
    InconsistentRendering,
    InventedName,
    MissingEntity,
    SourceTypo,
    UntranslatedEntity,
    WrongEntity,
)
from mtcheck.rules.negation import NegationMismatch
from mtcheck.rules.numbers import DateMismatch, ExtraNumber, NumberMismatch, UnitMismatch
from mtcheck.rules.omission import AddedSentence, OmittedClause, OmittedSentence
from mtcheck.rules.pronouns import InconsistentPronouns, PronounGenderMismatch, UnsupportedPronounGender
from mtcheck.rules.roles import RolesSwapped
from mtcheck.rules.untranslated import IndonesianWords, UntranslatedSentence

ALL_RULES: tuple[type[Rule], ...] = (
    UntranslatedSentence,
    IndonesianWords,
    IndonesianInKatakana,
    TruncatedTranslation,
    OverlongTranslation,
    GarbledName,
    SourceTypo,
    UntranslatedEntity,
    WrongEntity,
    MissingEntity,
    InconsistentRendering,
    InventedName,
    AddedEntity,
    PronounGenderMismatch,
    InconsistentPronouns,
    UnsupportedPronounGender,
    NumberMismatch,
    ExtraNumber,
    DateMismatch,
    UnitMismatch,
    OmittedSentence,
    OmittedClause,
    AddedSentence,
    UnbalancedBracket,
    UnbalancedQuote,
    DroppedBrackets,
    DroppedQuotes,
    MeaningChanged,
    UncoveredSourceClause,
    UnsupportedTargetClause,
    NegationMismatch,
    RolesSwapped,
    UnusedWaiver,
)

# Codes are retired, never reused: old code -> what replaced it.
RETIRED: dict[str, str] = {}

CODE_PATTERN = re.compile(r"^MT\d{3}$")
_BY_CODE = {r.code: r for r in ALL_RULES}


def by_code(code: str) -> type[Rule]:
    return _BY_CODE[code]


def codes() -> list[str]:
    return [r.code for r in ALL_RULES]
