"""Source names found in translations that write them in another script."""

import pytest

from mtcheck.text.transliterate import find_names


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("ja", "前任者のイェンス・ストルテンベルグ氏とマルク・ルッテ氏が会談した。", {"Stoltenberg", "Mark", "Rutte"}),
    ("zh", "北约秘书长吕特周四在基辅会见了乌克兰总统泽连斯基。", {"Rutte", "Zelensky"}),
    ("ar", "قال مارك روته للرئيس الأوكراني فولوديمير زيلينسكي", {"Mark", "Rutte", "Volodymyr", "Zelensky"}),
])
def test_names_across_scripts(lang: str, text: str, expected: set[str]) -> None:
    found = find_names(text, ["Mark", "Rutte", "Stoltenberg", "Zelensky", "Volodymyr", "Jokowi"], lang)
    assert set(found) == expected


def test_a_different_name_is_not_found() -> None:
    assert find_names("北约秘书长吕特周四在基辅发表讲话。", ["Stoltenberg"], "zh") == {}
