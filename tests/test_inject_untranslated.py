"""scripts/inject.py's harder untranslated variant: the last clause of a sentence left in Indonesian."""

import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import inject

# FLORES-200 devtest (wikinews), the Indonesian source and its English and Chinese translations.
SOURCE = ("Gempa tersebut berpusat sekitar 20 km di utara-timur laut Dillon, serta sekitar 65 km di sebelah "
          "selatan Butte.")
TARGETS = {"en": "The earthquake was centered about 20 km north-northeast of Dillon, and about 65 km south of Butte.",
           "zh": "这次地震的震中位于狄龙东北偏北 20 公里，比尤特以南 65 公里处。"}


@pytest.fixture
def profile(request: pytest.FixtureRequest):
    saved = getattr(inject, "P", None)
    inject.P = inject.profile(request.param)
    yield request.param
    if saved is None:
        del inject.P
    else:
        inject.P = saved


@pytest.mark.parametrize("profile", ["en", "zh"], indirect=True)
def test_last_clause_is_the_sources_and_the_span_points_at_it(profile: str) -> None:
    text, (a, b), detail = inject.inject_untranslated_clause(SOURCE, TARGETS[profile], random.Random(1))
    assert text[a:b] == "serta sekitar 65 km di sebelah selatan Butte"
    assert text[b:] == TARGETS[profile][-1]  # the translation's final mark is kept, in its own script (。)
    head = TARGETS[profile].rpartition(inject.P.clause_sep)[0]
    assert text.startswith(head + inject.P.clause_sep) and detail.startswith("last clause left in Indonesian")


@pytest.mark.parametrize("profile", ["en"], indirect=True)
def test_no_clause_of_ordinary_words_no_row(profile: str) -> None:
    # The source's last clause is a list of names ("Jakarta, Bandung dan Surabaya"): too few lower-case words.
    assert inject.inject_untranslated_clause("Banjir melanda tiga kota, Jakarta, Bandung dan Surabaya.",
                                             "Floods hit three cities, Jakarta, Bandung and Surabaya.",
                                             random.Random(1)) is None
    assert inject.inject_untranslated_clause("Banjir melanda kota itu kemarin pagi.",
                                             "Floods hit the city yesterday morning.", random.Random(1)) is None
