"""The review app and the HTML report in a real browser: Debian's Chromium driven by Playwright.

Marked `browser`: skipped (with the reason) where /usr/bin/chromium or playwright is missing, so the rest of
the suite runs without them; .ci/run installs both and runs these too. Select or skip them with
`-m browser` / `-m "not browser"`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from mtcheck.cli import main
from tests.helpers import FIXTURES

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("MTCHECK_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
BATCH = FIXTURES / "review" / "batch.jsonl"
NO_GATE = ("--fail-on", "never", "--fail-under", "0")  # where the gate is not what a test is about


def _missing(reason: str) -> None:
    """Skip on a developer's machine; fail in CI (.ci/run sets MTCHECK_REQUIRE_BROWSER), where they must run."""
    if os.environ.get("MTCHECK_REQUIRE_BROWSER"):
        pytest.fail(f"browser tests required but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    try:
        from playwright import sync_api
    except ImportError:
        _missing("playwright is not installed (pip install -e '.[dev]')")
    if not (Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)):
        _missing(f"no Chromium at {CHROMIUM} (apt-get install -y chromium)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    yield pg
    context.close()
    assert errors == []  # no script error, no refused resource (CSP) on any page


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """`mtcheck review` as a user starts it, on a free port; (its URL, its decision database). Shared by the
    tests of this module, which decide on different articles."""
    tmp_path = tmp_path_factory.mktemp("review")
    db = tmp_path / "review.sqlite"
    proc = subprocess.Popen([sys.executable, "-m", "mtcheck", "review", str(BATCH), "--review-db", str(db),
                             "--port", "0", "--no-browser", "-j", "1"], cwd=tmp_path, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        url = proc.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:"), proc.stderr.read() if proc.stderr else url
        yield url, db
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _no_horizontal_scroll(pg) -> bool:
    return pg.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def test_review_flow_false_positive_persists_and_waives_the_next_batch(page, server, capsys) -> None:
    url, db = server
    page.goto(url)
    assert page.locator("#articles tbody tr").count() == 4
    with page.expect_navigation():
        page.select_option("select[name=lang]", "ar")
    assert page.url == url + "?lang=ar"
    assert page.locator("#articles tbody tr").count() == 1
    with page.expect_navigation():
        page.click("text=dailymail-stabbing/ar")
    target = page.locator("div.tgt").first
    assert target.evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert target.get_attribute("lang") == "ar"
    assert page.locator("div.src").first.evaluate("e => getComputedStyle(e).direction") == "ltr"

    page.keyboard.press("j")  # first finding selected, its marks outlined on both sides
    assert page.locator("#f1.current").count() == 1 and page.locator("mark.current").count() == 2
    with page.expect_navigation():
        page.keyboard.press("f")
    assert page.locator("#f1 .decision").inner_text() == "false positive"
    page.reload()
    assert page.locator("#f1 .decision").inner_text() == "false positive"
    assert page.locator("#f1.current").count() == 1  # back on the finding it decided

    page.goto(url)
    status = page.locator("#articles tbody tr", has_text="dailymail-stabbing/ar").locator("td").last
    assert status.inner_text().startswith("reviewed")

    capsys.readouterr()
    assert main(["batch", str(BATCH), "-j", "1", "--review-db", str(db), *NO_GATE]) == 0
    rows = {r["id"]: r for r in map(json.loads, capsys.readouterr().out.splitlines())}
    (finding,) = rows["dailymail-stabbing/ar"]["findings"]
    assert finding["code"] == "MT401" and finding["waived"]["reason"].startswith("false positive")
    assert rows["dailymail-stabbing/ar"]["score"] == 100.0


def test_confirm_key_and_note(page, server) -> None:
    url, db = server
    page.goto(url + "article?id=dailymail-stabbing%2Ffr")
    page.keyboard.press("j")
    page.keyboard.press("n")  # focus the note; typed keys go to it, not to the shortcuts
    page.keyboard.type("fix: 32 ans, per the source")
    page.keyboard.press("Escape")
    with page.expect_navigation():
        page.keyboard.press("c")
    assert page.locator("#f1 .decision").inner_text() == "confirmed: fix: 32 ans, per the source"
    from mtcheck.store.decisions import DecisionStore

    (d,) = DecisionStore(db).all("dailymail-stabbing/fr")
    assert (d.article, d.decision, d.note, d.target_text) == ("dailymail-stabbing/fr", "confirmed",
                                                             "fix: 32 ans, per the source", "23")


def test_markup_in_articles_never_runs_and_phone_width_does_not_scroll(page, server) -> None:
    url, _ = server
    page.goto(url + "article?id=dailymail-stabbing%2Fen")
    assert page.evaluate("window.__pwned") is None
    assert "<script>window.__pwned=1</script>" in page.locator("div.tgt").nth(1).inner_text()
    page.set_viewport_size({"width": 390, "height": 844})
    for path in ("article?id=dailymail-stabbing%2Fen", "article?id=dailymail-stabbing%2Far", ""):
        page.goto(url + path)
        assert _no_horizontal_scroll(page), path
    # The index becomes one card per article: ids are not broken letter by letter into narrow columns.
    link = page.locator("#articles tbody tr").first.locator("a").first.bounding_box()
    assert link["height"] < 40 and link["width"] > 150
    # Stacked: the text gets the width, not a third of it (the paragraph number sits on its own line).
    page.goto(url + "article?id=dailymail-stabbing%2Far")
    assert page.locator("div.tgt").first.bounding_box()["width"] > 300


def test_static_report_right_to_left_and_narrow(page, tmp_path: Path, capsys) -> None:
    html_dir = tmp_path / "html"
    assert main(["batch", str(BATCH), "-j", "1", "--html-dir", str(html_dir), "-o", str(tmp_path / "o.jsonl"),
                 *NO_GATE]) == 0
    page.goto((html_dir / "index.html").as_uri())
    assert page.locator("table.idx tbody tr").count() == 4
    with page.expect_navigation():
        page.click("text=dailymail-stabbing/ar")
    assert page.locator("div.tgt").first.evaluate("e => getComputedStyle(e).direction") == "rtl"
    page.set_viewport_size({"width": 390, "height": 844})
    assert _no_horizontal_scroll(page)
    # Stacked on a phone: the source and its translation are one above the other, each nearly full width.
    src, tgt = page.locator("div.src").first.bounding_box(), page.locator("div.tgt").first.bounding_box()
    assert tgt["y"] >= src["y"] + src["height"] - 1 and src["width"] > 300 and tgt["width"] > 300

