"""The review app through Starlette's test client: pages, filters, decisions (token, origin, persistence),
escaping and security headers; decisions exported as waivers that check and batch honour."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

pytest.importorskip("starlette", reason="the review app needs the review extra (starlette, uvicorn)")
pytest.importorskip("httpx2", reason="Starlette's TestClient needs httpx2")

from starlette.testclient import TestClient

from mtcheck.cli import main
from mtcheck.config import Settings
from mtcheck.registry import codes
from mtcheck.review.app import ReviewState, create_app
from mtcheck.review.articles import Article, load_articles
from mtcheck.store.decisions import FALSE_POSITIVE, DecisionStore
from mtcheck.waivers import load_waivers
from tests.helpers import FIXTURES

BATCH = FIXTURES / "review" / "batch.jsonl"
NO_GATE = ("--fail-on", "never", "--fail-under", "0")  # where the gate is not what a test is about
ORIGIN = "http://127.0.0.1"


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    return load_articles([BATCH], Settings())


@pytest.fixture
def state(articles: list[Article], tmp_path: Path) -> ReviewState:
    return ReviewState(articles, DecisionStore(tmp_path / "review.sqlite"), token="t0ken")


@pytest.fixture
def client(state: ReviewState) -> TestClient:
    return TestClient(create_app(state), base_url=ORIGIN)


def _decide(client: TestClient, article: Article, n: int, decision: str, note: str = "",
            origin: str = ORIGIN, **changes: str) -> object:
    """POST a decision as the page's form does (token, article, fingerprint), with some fields changed."""
    data = {"token": "t0ken", "article": article.id, "fingerprint": article.fingerprints[n], "decision": decision,
            "note": note, **changes}
    return client.post("/decide", data=data, headers={"origin": origin}, follow_redirects=False)


def test_index_lists_filters_and_sorts(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200
    rows = re.findall(r'<tr data-lang="(\w+)" data-status="([\w ]+)">', r.text)
    assert rows == [("ar", "to review"), ("zh", "clean"), ("fr", "to review"), ("en", "to review")]
    ar = client.get("/?lang=ar").text
    assert re.findall(r'<tr data-lang="(\w+)"', ar) == ["ar"] and "1 of 4 articles" in ar
    assert re.findall(r'<tr data-lang="(\w+)"', client.get("/?rule=MT201").text) == ["en"]
    assert re.findall(r'<tr data-lang="(\w+)"', client.get("/?status=clean").text) == ["zh"]
    assert re.findall(r'<tr data-lang="(\w+)"', client.get("/?severity=critical").text) == []
    by_id = re.findall(r'<tr data-lang="(\w+)"', client.get("/?sort=id&desc=1").text)
    assert by_id == ["zh", "fr", "en", "ar"]
    by_score = re.findall(r'<tr data-lang="(\w+)"', client.get("/?sort=score&desc=1").text)
    assert by_score[0] == "zh"


def test_article_page_marks_both_sides_with_language_and_direction(client: TestClient, articles) -> None:
    r = client.get("/article", params={"id": "dailymail-stabbing/ar"})
    assert r.status_code == 200
    assert '<div class="tgt" lang="ar" dir="rtl">' in r.text and '<div class="src" lang="id" dir="ltr">' in r.text
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in r.text
    marks = re.findall(r'<a id="([st]1)"></a><mark class="major" data-f="1" title="[^"]*">(\d+)</mark>', r.text)
    assert marks == [("s1", "44"), ("t1", "54")]  # the same finding at its span on each side
    assert 'href="#t1"' in r.text and 'href="#s1"' in r.text and 'id="f1"' in r.text
    assert f'value="{articles[0].fingerprints[0]}"' in r.text and 'value="t0ken"' in r.text
    assert client.get("/article", params={"id": "nope"}).status_code == 404


def test_article_text_is_escaped_and_no_inline_script_is_allowed(client: TestClient) -> None:
    r = client.get("/article", params={"id": "dailymail-stabbing/en"})
    assert "<script>window" not in r.text and "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in r.text
    assert "<b>" not in r.text
    assert re.findall(r"<script\b[^>]*>", r.text) == ['<script src="/static/review.js" defer>']
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'none'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp and r.headers["x-content-type-options"] == "nosniff"
    assert "http" not in re.sub(r"xmlns=\"http://www.w3.org/2000/svg\"", "", r.text)  # no remote asset
    assert client.get("/static/review.js").headers["content-type"].startswith("text/javascript")
    assert client.get("/static/review.css").status_code == 200


def test_decision_persists_and_can_be_undone(client: TestClient, state: ReviewState, articles) -> None:
    ar = articles[0]
    r = _decide(client, ar, 0, FALSE_POSITIVE, note="the original says 54 in a later correction")
    assert r.status_code == 303 and r.headers["location"] == "/article?id=dailymail-stabbing%2Far#f1"
    (d,) = state.store.all()
    assert (d.article, d.code, d.decision, d.target_text, d.source_text) == (ar.id, "MT401", FALSE_POSITIVE,
                                                                             "54", "44")
    page = client.get("/article", params={"id": ar.id}).text
    assert 'data-decision="false_positive"' in page and "later correction" in page
    assert 'class="major false_positive"' in page  # the marks show it too
    assert re.findall(r'<tr data-lang="ar" data-status="([\w ]+)">', client.get("/").text) == ["reviewed"]
    assert _decide(client, ar, 0, "clear").status_code == 303
    assert state.store.all() == []


@pytest.mark.parametrize(("change", "status"), [
    ({"token": "guess"}, 403),
    ({"origin": "http://evil.example"}, 403),
    ({"decision": "maybe"}, 400),
    ({"fingerprint": "0000000000000000"}, 404),
])
def test_state_changes_need_the_token_and_the_same_origin(client: TestClient, state, articles, change: dict,
                                                          status: int) -> None:
    decision = change.pop("decision", FALSE_POSITIVE)
    assert _decide(client, articles[0], 0, decision, **change).status_code == status
    assert state.store.all() == []


def test_cross_site_fetch_metadata_and_foreign_host_are_refused(client: TestClient, state, articles) -> None:
    data = {"token": "t0ken", "article": articles[0].id, "fingerprint": articles[0].fingerprints[0],
            "decision": FALSE_POSITIVE}
    assert client.post("/decide", data=data, headers={"sec-fetch-site": "cross-site"}).status_code == 403
    assert client.get("/decide").status_code == 405  # no state change by GET
    assert client.get("/", headers={"host": "attacker.example"}).status_code == 400  # DNS rebinding
    assert state.store.all() == []


def test_exported_waivers_are_honoured_by_batch_and_by_review_db(capsys, client, state, articles,
                                                                 tmp_path: Path) -> None:
    _decide(client, articles[0], 0, FALSE_POSITIVE, note='say "no" to\nnewlines')
    out = tmp_path / "waivers.toml"
    assert main(["review", "--export-waivers", str(out), "--review-db", str(state.store.path)]) == 0
    (w,) = load_waivers(out, codes())  # #15's own parser reads it
    assert (w.article, w.code, w.fingerprint) == ("dailymail-stabbing/ar", "MT401", articles[0].fingerprints[0])
    assert w.reason == 'false positive (mtcheck review): say "no" to\nnewlines'
    capsys.readouterr()
    for flag in (["--waivers", str(out)], ["--review-db", str(state.store.path)]):
        assert main(["batch", str(BATCH), "-j", "1", *NO_GATE, *flag]) == 0
        rows = {r["id"]: r for r in map(json.loads, capsys.readouterr().out.splitlines())}
        (f,) = rows["dailymail-stabbing/ar"]["findings"]
        assert f["waived"] is not None and rows["dailymail-stabbing/ar"]["score"] == 100.0
        assert rows["dailymail-stabbing/fr"]["findings"][0]["waived"] is None  # only that finding
    out.write_text("# my own waivers\n", encoding="utf-8")
    assert main(["review", "--export-waivers", str(out), "--review-db", str(state.store.path)]) == 2
    assert out.read_text(encoding="utf-8") == "# my own waivers\n"  # never overwritten


def test_review_of_a_batch_output_with_its_inputs(capsys, tmp_path: Path, articles) -> None:
    out = tmp_path / "out.jsonl"
    main(["batch", str(BATCH), "-j", "1", "-o", str(out)])
    loaded = load_articles([out], Settings(), inputs=BATCH)
    assert [a.id for a in loaded] == [a.id for a in articles]
    assert [a.fingerprints for a in loaded] == [a.fingerprints for a in articles]
    assert loaded[0].report is not None and loaded[0].report.target[slice(*[
        loaded[0].report.findings[0].target_span.start, loaded[0].report.findings[0].target_span.end])] == "54"
    from mtcheck.errors import InputError

    with pytest.raises(InputError, match="--inputs"):
        load_articles([out], Settings())


def test_waived_findings_need_no_decision(articles, tmp_path: Path) -> None:
    from mtcheck.store.waivers import with_review_waivers

    db = tmp_path / "r.sqlite"
    store = DecisionStore(db)
    store.decide(articles[0].id, articles[0].fingerprints[0], "MT401", FALSE_POSITIVE)
    settings = with_review_waivers(replace(Settings(), review_db=db))
    (ar,) = [a for a in load_articles([BATCH], settings) if a.id.endswith("/ar")]
    assert ar.report is not None and ar.report.findings[0].waived is not None and ar.report.score == 100.0
    from mtcheck.review.pages import article_status

    assert article_status(ar, {}) == "reviewed"


def test_decisions_on_findings_no_longer_found_are_listed_and_removable(client: TestClient, state, articles) -> None:
    ar = articles[0]
    state.store.decide(ar.id, "abcdef0123456789", "MT401", FALSE_POSITIVE, message="number changed: 45 vs 44")
    page = client.get("/article", params={"id": ar.id}).text
    assert 'id="stale"' in page and "number changed: 45 vs 44" in page
    r = client.post("/decide", data={"token": "t0ken", "article": ar.id, "fingerprint": "abcdef0123456789",
                                     "decision": "clear"}, headers={"origin": ORIGIN}, follow_redirects=False)
    assert r.status_code == 303 and state.store.all() == []
    assert 'id="stale"' not in client.get("/article", params={"id": ar.id}).text


def test_review_command_errors_exit_2(capsys, monkeypatch, tmp_path: Path) -> None:
    import socket
    import sys

    assert main(["review", "--no-browser"]) == 2
    assert "review needs PATH" in capsys.readouterr().err
    assert main(["review", str(tmp_path / "missing.jsonl"), "--no-browser"]) == 2
    assert "no such file or directory" in capsys.readouterr().err
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # as if the review extra were not installed
    assert main(["review", str(BATCH), "--no-browser"]) == 2
    assert "pip install 'mtcheck[review]'" in capsys.readouterr().err
    monkeypatch.undo()
    busy = socket.socket()
    busy.bind(("127.0.0.1", 0))
    busy.listen(1)
    try:
        port = str(busy.getsockname()[1])
        assert main(["review", str(BATCH), "--no-browser", "--port", port,
                     "--review-db", str(tmp_path / "r.sqlite")]) == 2
        assert "cannot listen there" in capsys.readouterr().err
    finally:
        busy.close()


def test_rows_that_could_not_be_checked_are_listed(tmp_path: Path) -> None:
    from mtcheck.review.pages import Filters, index_page

    articles = load_articles([FIXTURES / "batch" / "small.jsonl"], Settings())
    errors = [a for a in articles if a.error]
    assert errors and all(a.report is None for a in errors)
    html = index_page(articles, {}, Filters(status="error"))
    assert html.count('data-status="error"') == len(errors) and "missing field" in html


def test_articles_checked_on_several_processes_are_the_same(articles) -> None:
    parallel = load_articles([BATCH], Settings(), jobs=2)
    assert [(a.id, a.fingerprints, a.report.score if a.report else None) for a in parallel] == [
        (a.id, a.fingerprints, a.report.score if a.report else None) for a in articles]
    assert [[f.target_span for f in a.report.findings] for a in parallel if a.report] == [
        [f.target_span for f in a.report.findings] for a in articles if a.report]
