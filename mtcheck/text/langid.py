"""Language identification: cheap function-word counts first, langdetect only where they are ambiguous.

langdetect is seeded so results are deterministic, and imported lazily so the CLI starts fast.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from mtcheck.lang import get_pack
from mtcheck.lang.base import LanguagePack, latin_words
from mtcheck.model import quick_init

INDONESIAN = frozenset({"id", "ms"})  # langdetect cannot tell Indonesian from Malay reliably


def detect_probabilities(text: str) -> dict[str, float]:
    """langdetect's language probabilities for `text`, deterministic (seed 0); {} when it finds no letters."""
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    try:
        return {lang.lang: lang.prob for lang in detect_langs(text[:3000])}
    except LangDetectException:
        return {}


# Whether a target sentence is still Indonesian is a choice between Indonesian (or Malay) and the target
# language; langdetect weighs every language it loads at every n-gram, so this question loads only these
# and Tagalog (langdetect's usual third guess for Indonesian), with the target's own profiles.
_SENTENCE_PROFILES = ("id", "ms", "tl", "en")
_LANGDETECT_CODES = {"zh": ("zh-cn", "zh-tw")}


@cache
def _sentence_factory(target: str) -> object:
    import os

    from langdetect import detector_factory

    codes = dict.fromkeys((*_SENTENCE_PROFILES, *_LANGDETECT_CODES.get(target, (target,)))).keys()
    folder = detector_factory.PROFILES_DIRECTORY
    profiles = []
    for code in codes:
        if not os.path.exists(os.path.join(folder, code)):
            continue  # langdetect ships no Malay profile
        with open(os.path.join(folder, code), encoding="utf-8") as f:
            profiles.append(f.read())
    factory = detector_factory.DetectorFactory()
    factory.load_json_profile(profiles)
    factory.set_seed(0)
    return factory


def sentence_probabilities(text: str, target: str) -> dict[str, float]:
    """detect_probabilities among Indonesian, Malay, Tagalog, English and the target only (seed 0)."""
    from langdetect.lang_detect_exception import LangDetectException

    detector = _sentence_factory(target).create()  # type: ignore[attr-defined]
    try:
        detector.append(text[:3000])
        return {lang.lang: lang.prob for lang in detector.get_probabilities()}
    except LangDetectException:
        return {}


def detect_language(text: str) -> str | None:
    probs = detect_probabilities(text)
    if not probs:
        return None
    best = max(probs, key=probs.__getitem__)
    return "id" if best in INDONESIAN else best.split("-")[0]


@quick_init  # (mtcheck/model.py: the fields set through their slots)
@dataclass(frozen=True, slots=True)
class Verdict:
    """Is a text Indonesian: the answer, its confidence, the method and evidence."""
    indonesian: bool
    confidence: float
    method: str  # "function-words" or "langdetect"
    evidence: str


def latin_share(text: str) -> float:
    """Share of the letters in `text` that are ASCII (0 when it has no letters)."""
    letters = [ch for ch in text if ch.isalpha()]
    return sum(ch.isascii() for ch in letters) / len(letters) if letters else 0.0


_LATIN_WORD_UNIT = re.compile(r"[A-Za-z]+")
_CJK_UNIT = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_OTHER_WORD_UNIT = re.compile(r"[^\W\d_A-Za-z\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def latin_word_share(text: str) -> float:
    """Share of the words that are in Latin letters, a Han or kana character counting as one word: by
    letters, "Paul Hunter 等人估计，COVID-19 比 SARS 明显更具传染性" is half Latin; by words, a fifth."""
    latin = len(_LATIN_WORD_UNIT.findall(text))
    units = latin + len(_CJK_UNIT.findall(text)) + len(_OTHER_WORD_UNIT.findall(text))
    return latin / units if units else 0.0


def function_word_counts(text: str, target: LanguagePack) -> tuple[int, int, int]:
    """(words, Indonesian function words, target-language function words). Capitalised words that are not
    sentence-initial are names ("Dan Brown", "Yang Jiechi") and never count as Indonesian."""
    source = get_pack("id")
    words = latin_words(text)
    n_id = n_tgt = 0
    for i, m in enumerate(words):
        w = m.group()
        low = w.lower()
        if low in target.function_words:
            n_tgt += 1
        if low in source.function_words and (w.islower() or i == 0):
            n_id += 1
    return len(words), n_id, n_tgt


def sentence_is_indonesian(text: str, target: LanguagePack, min_words: int = 4) -> Verdict | None:
    """Decide whether a target sentence is (still) Indonesian. None when too short to say."""
    if not target.latin_script and latin_word_share(text) < 0.5:
        return None  # written in the target's own script: not Indonesian, no language identification needed
    n, n_id, n_tgt = function_word_counts(text, target)
    if n < min_words:
        return None
    evidence = f"{n_id} Indonesian and {n_tgt} {target.name} function words in {n} words"
    if n_tgt >= 2 and n_id * 4 <= n_tgt:
        return Verdict(False, 0.9, "function-words", evidence)
    if n_id >= 2 and n_tgt == 0 and n_id / n >= 0.12:
        return Verdict(True, 0.9, "function-words", evidence)
    if n_id == 0 and (n_tgt or n < 8):
        return None  # no Indonesian evidence; langdetect errs on short sentences ("I don't speak Albanian.")
    probs = sentence_probabilities(text, target.code)
    p_id = sum(probs.get(code, 0.0) for code in INDONESIAN)
    p_tgt = probs.get(target.code, 0.0)
    evidence += f"; langdetect: id/ms {p_id:.2f}, {target.code} {p_tgt:.2f}"
    return Verdict(p_id > 0.8 and p_id > p_tgt, round(p_id, 2), "langdetect", evidence)
