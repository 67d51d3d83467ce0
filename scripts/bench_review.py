"""Cost of the review app and the run history, as ratios measured in one run (the machines are shared).

- history: recording a batch's results in SQLite (`--history`) against checking the same articles, and the
  database's size per article and per finding; `history diff` and `history trend` over R recorded runs;
- review pages: the app's index for N articles and an article page against the static HTML report of the
  same article (both are string building), and one request through the ASGI stack (Starlette's
  TestClient) against the bare page function.

Articles: NTREX rows packed into articles of about 300 source words, in the five target languages.

    python scripts/bench_review.py [--root ../shared/corpora] [--articles 100] [--runs 10]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import _articles
from bench import _time as _best
from corpora import DEFAULT_ROOT

from mtcheck.config import Settings
from mtcheck.engine import check_pair
from mtcheck.model import ArticleRef
from mtcheck.report.json_report import to_dict


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    ap.add_argument("--articles", type=int, default=100)
    ap.add_argument("--runs", type=int, default=10)
    args = ap.parse_args()

    from mtcheck.review.articles import Article, _fingerprints
    from mtcheck.store.history import History

    per_lang = max(1, args.articles // 5)
    pairs = [(lang, s, t) for lang in ("en", "fr", "zh", "ja", "ar")
             for s, t in _articles(args.root, 300, lang)[:per_lang]]
    settings = Settings()
    t0 = time.perf_counter()
    reports = [(f"a{i}/{lang}", check_pair(s, t, settings, target_lang=lang, article=ArticleRef(id=f"a{i}/{lang}")))
               for i, (lang, s, t) in enumerate(pairs)]
    check_s = time.perf_counter() - t0
    records = [{"id": aid, **to_dict(r, include_texts=False)} for aid, r in reports]
    n_findings = sum(len(r["findings"]) for r in records)

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "h.sqlite"
        h = History(db)
        times = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            h.record("batch", records, [("input.jsonl", "0" * 64)], "sig")
            times.append(time.perf_counter() - t0)
        record_s = min(times)
        size = db.stat().st_size
        diff_s = _best(lambda: h.diff(h.resolve("last~1"), h.resolve("last")))
        trend_s = _best(h.trend)
        h.close()

    from starlette.testclient import TestClient

    from mtcheck.report.html import render
    from mtcheck.review.app import ReviewState, create_app
    from mtcheck.review.pages import Filters, article_page, index_page
    from mtcheck.store.decisions import DecisionStore

    arts = [Article(aid, r, fingerprints=_fingerprints(r)) for aid, r in reports]
    biggest = max(range(len(arts)), key=lambda i: len(arts[i].report.findings))
    static_s = _best(lambda: render(arts[biggest].report, title="x"), 5)
    page_s = _best(lambda: article_page(arts, biggest, {}, "token"), 5)
    index_s = _best(lambda: index_page(arts, {}, Filters()), 5)
    with tempfile.TemporaryDirectory() as tmp:
        state = ReviewState(arts, DecisionStore(Path(tmp) / "r.sqlite"), token="token")
        client = TestClient(create_app(state), base_url="http://127.0.0.1")
        request_s = _best(lambda: client.get("/article", params={"id": arts[biggest].id}), 5)
        state.store.close()

    n = len(records)
    print(f"articles: {n} (~300 source words, en/fr/zh/ja/ar), findings: {n_findings}, runs recorded: {args.runs}")
    print(f"history record / check, same articles      {record_s / check_s:8.4f}  "
          f"({record_s * 1000:.1f} ms vs {check_s * 1000:.0f} ms)")
    print(f"history database per run                   {size / args.runs / 1024:8.1f} KiB  "
          f"({size / args.runs / n:.0f} B per article, {size / args.runs / max(n_findings, 1):.0f} B per finding)")
    print(f"history diff of two runs / checking them   {diff_s / check_s:8.4f}  ({diff_s * 1000:.1f} ms)")
    print(f"history trend over {args.runs} runs / checking  {trend_s / check_s:8.4f}  ({trend_s * 1000:.1f} ms)")
    print(f"article page / static report, same article {page_s / static_s:8.2f}  "
          f"({page_s * 1000:.2f} ms vs {static_s * 1000:.2f} ms, "
          f"{len(arts[biggest].report.findings)} findings)")
    print(f"article request through ASGI / page alone  {request_s / page_s:8.2f}  ({request_s * 1000:.2f} ms)")
    print(f"index of {n} articles / one article page     {index_s / page_s:8.2f}  ({index_s * 1000:.2f} ms)")


if __name__ == "__main__":
    main()
