"""scripts/calibrate_renderings.py and the corpus loader it reads (round 12, engineer G): Tatoeba's own file
for a target language, each row's sibling translations kept, and `--siblings` taking a name from the English
sibling where the Indonesian has none, so more clean renderings calibrate the sound judge."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from corpora import FILES, load_articles  # noqa: E402


def _write(root: Path, rel: str, rows: list[dict[str, str]]) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def test_tatoeba_is_read_from_the_file_of_the_target_language(tmp_path: Path) -> None:
    _write(tmp_path, FILES["tatoeba"], [{"id": "t/eng-ind/1/eng", "id_text": "Halo.", "en": "Hello."}])
    _write(tmp_path, "tatoeba/tatoeba-test-v2021-08-07.id-ja.jsonl",
           [{"id": "t/jpn-msa/1/jpn", "id_text": "Halo, Mary.", "ja": "こんにちは、メアリー。"}])
    (art,) = load_articles(tmp_path, ["tatoeba"], lang="ja")
    assert art.targets == ["こんにちは、メアリー。"]
    assert [a.targets for a in load_articles(tmp_path, ["tatoeba"], lang="en")] == [["Hello."]]


def test_each_row_keeps_its_sibling_translations(tmp_path: Path) -> None:
    row = {"id": "ntrex128/a/1", "id_text": "Dia datang.", "en": "Freeman came.", "fr": "Freeman est venu.",
           "ja": "フリーマンが来た。"}
    _write(tmp_path, FILES["ntrex"], [row])
    (art,) = load_articles(tmp_path, ["ntrex"], lang="ja")
    assert art.siblings == [{"en": "Freeman came.", "fr": "Freeman est venu."}]


def test_siblings_pair_a_rendering_with_a_name_only_the_english_writes(tmp_path: Path) -> None:
    # "ntrex/ntrex128/a/1" is of the dev half (inject.split_of); the Indonesian says "he", the English the name
    _write(tmp_path, FILES["ntrex"], [{"id": "ntrex128/a/1", "id_text": "Kemudian dia datang ke sini.",
                                       "en": "Then Freeman came here.", "ja": "その後フリーマンがここに来た。"}])
    env = dict(os.environ, PYTHONPATH=str(ROOT), MTCHECK_CACHE_DIR=str(tmp_path / "cache"))

    def run(*extra: str) -> str:
        out = tmp_path / "ops.tsv"
        done = subprocess.run([sys.executable, str(ROOT / "scripts" / "calibrate_renderings.py"), "--root",
                               str(tmp_path), "--corpora", "ntrex", "--lang", "ja", "--sounds", "--min", "1",
                               "-o", str(out), *extra], capture_output=True, text=True, env=env, check=True)
        return done.stderr

    assert "0 distinct renderings of 0 names" in run()
    assert "1 distinct renderings of 1 names" in run("--siblings")
    assert "names also from the en and fr siblings" in (tmp_path / "ops.tsv").read_text(encoding="utf-8")
