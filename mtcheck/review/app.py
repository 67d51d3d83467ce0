"""The review app: a Starlette application over the loaded articles, the decision store and (optionally)
the run history. Bound to 127.0.0.1 unless told otherwise.

Security: every state change is a POST carrying a token that only pages served by this process hold (a
random value per start), and a cross-site Origin is refused as well, so another site open in the same
browser cannot mark findings; the Host header must be one this server answers to (no DNS rebinding);
responses carry a CSP that allows only this server's own script and stylesheet."""

from __future__ import annotations

import secrets
from importlib import resources
from urllib.parse import parse_qsl, urlencode, urlsplit

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from mtcheck.review import history_pages
from mtcheck.review.articles import Article
from mtcheck.review.pages import CSP, REVIEW_CSS, Filters, article_page, index_page, page
from mtcheck.store.decisions import DECISIONS, DecisionStore
from mtcheck.store.history import History

SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    # same-origin, not no-referrer: with no-referrer a browser sends "Origin: null" on our own form posts.
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}


class ReviewState:
    def __init__(self, articles: list[Article], store: DecisionStore, history: History | None = None,
                 token: str | None = None, author: str = "") -> None:
        self.articles = articles
        self.by_id = {a.id: i for i, a in enumerate(articles)}
        self.store = store
        self.history = history
        self.token = token or secrets.token_urlsafe(32)
        self.author = author


def _html(body: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(body, status_code=status, headers=SECURITY_HEADERS)


def _not_found(message: str, history: bool) -> HTMLResponse:
    from html import escape

    return _html(page("Not found", f'<div class="wrap"><p>{escape(message)}</p><p><a href="/">index</a></p></div>',
                      history=history), 404)


def _same_origin(request: Request) -> bool:
    """A browser sends Origin on every POST; it must be this server. (Sec-Fetch-Site says the same where sent.)"""
    site = request.headers.get("sec-fetch-site")
    if site is not None and site not in ("same-origin", "none"):
        return False
    origin = request.headers.get("origin")
    if origin is None:
        return True  # not a browser (a script on this machine): the token alone decides
    if origin == "null":
        return site == "same-origin"
    o = urlsplit(origin)
    return o.scheme == request.url.scheme and o.netloc == request.headers.get("host", request.url.netloc)


MAX_FORM_BYTES = 65536


async def _form(request: Request) -> dict[str, str] | None:
    """The POSTed form (application/x-www-form-urlencoded, what the pages' forms send), or None."""
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/x-www-form-urlencoded":
        return None
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM_BYTES:
            return None
    try:
        pairs = parse_qsl(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
    except (UnicodeDecodeError, ValueError):
        return None
    return dict(pairs)


def create_app(state: ReviewState, allowed_hosts: list[str] | None = None) -> Starlette:
    has_history = state.history is not None

    async def index(request: Request) -> Response:
        q = request.query_params
        f = Filters(lang=q.get("lang", ""), severity=q.get("severity", ""), rule=q.get("rule", ""),
                    status=q.get("status", ""), sort=q.get("sort", "input"), desc=q.get("desc") == "1")
        return _html(index_page(state.articles, state.store.by_key(), f, has_history))

    async def article(request: Request) -> Response:
        article_id = request.query_params.get("id", "")
        if article_id not in state.by_id:
            return _not_found(f"no article '{article_id}' in this review", has_history)
        return _html(article_page(state.articles, state.by_id[article_id], state.store.by_key(), state.token,
                                  has_history))

    async def decide(request: Request) -> Response:
        form = await _form(request)
        if form is None:
            return PlainTextResponse("bad request: expected a url-encoded form under 64 KB", 400,
                                     headers=SECURITY_HEADERS)
        token = str(form.get("token", ""))
        if not _same_origin(request) or not secrets.compare_digest(token.encode(), state.token.encode()):
            return PlainTextResponse("forbidden: this form did not come from this review server", 403,
                                     headers=SECURITY_HEADERS)
        article_id, fingerprint = str(form.get("article", "")), str(form.get("fingerprint", ""))
        decision, note = str(form.get("decision", "")), str(form.get("note", ""))[:2000]
        if article_id not in state.by_id:
            return PlainTextResponse(f"no article '{article_id}'", 404, headers=SECURITY_HEADERS)
        a = state.articles[state.by_id[article_id]]
        back = RedirectResponse(f"/article?{urlencode({'id': article_id})}", status_code=303,
                                headers=SECURITY_HEADERS)
        if decision == "clear" and fingerprint not in a.fingerprints and state.store.clear(article_id, fingerprint):
            return back  # a decision on a finding no longer found (the stale list)
        if fingerprint not in a.fingerprints or a.report is None:
            return PlainTextResponse("no such finding in this article", 404, headers=SECURITY_HEADERS)
        if decision == "clear":
            state.store.clear(article_id, fingerprint)
        elif decision in DECISIONS:
            f = a.report.findings[a.fingerprints.index(fingerprint)]
            src = a.report.source[f.source_span.start:f.source_span.end] if f.source_span else ""
            tgt = a.report.target[f.target_span.start:f.target_span.end] if f.target_span else ""
            state.store.decide(article_id, fingerprint, f.code, decision, note, state.author, f.message, tgt, src)
        else:
            return PlainTextResponse(f"unknown decision '{decision}'", 400, headers=SECURITY_HEADERS)
        n = a.fingerprints.index(fingerprint) + 1
        return RedirectResponse(f"/article?{urlencode({'id': article_id})}#f{n}", status_code=303,
                                headers=SECURITY_HEADERS)

    async def history_index(request: Request) -> Response:
        if state.history is None:
            return _not_found("no history: start the review with --history DB", False)
        return _html(history_pages.runs_page(state.history))

    async def history_diff(request: Request) -> Response:
        if state.history is None:
            return _not_found("no history: start the review with --history DB", False)
        from mtcheck.errors import InputError

        try:
            a = state.history.resolve(request.query_params.get("a", "last~1"))
            b = state.history.resolve(request.query_params.get("b", "last"))
        except InputError as e:
            return _not_found(str(e), True)
        return _html(history_pages.diff_page(state.history, a, b))

    async def css(request: Request) -> Response:
        return Response(REVIEW_CSS, media_type="text/css", headers=SECURITY_HEADERS)

    script = resources.files("mtcheck.review").joinpath("static", "review.js").read_text(encoding="utf-8")

    async def js(request: Request) -> Response:
        return Response(script, media_type="text/javascript", headers=SECURITY_HEADERS)

    routes = [
        Route("/", index), Route("/article", article), Route("/decide", decide, methods=["POST"]),
        Route("/history", history_index), Route("/history/diff", history_diff),
        Route("/static/review.css", css), Route("/static/review.js", js),
    ]
    middleware = [Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts or ["127.0.0.1", "localhost"])]
    return Starlette(routes=routes, middleware=middleware)
