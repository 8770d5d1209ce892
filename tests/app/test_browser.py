"""End to end in a real browser: Debian chromium driven by Playwright against the running app.

Skipped when chromium is not installed, unless ``CRS_REQUIRE_BROWSER=1`` (``.ci/run`` sets it
after installing chromium), in which case a missing browser fails the test.
"""

import os
from pathlib import Path
from urllib.parse import urlparse

import pytest

from reliability.checks import BROWSER_ARGS as ARGS
from reliability.checks import CHROMIUM

pytestmark = [pytest.mark.data, pytest.mark.slow]  # each starts the app in its own process

ARTIFACTS = Path(os.environ.get("CRS_ARTIFACTS", Path(__file__).resolve().parents[2] / "out" / "artifacts"))


@pytest.fixture(scope="module")
def page(app_server):
    if not Path(CHROMIUM).exists():
        if os.environ.get("CRS_REQUIRE_BROWSER") == "1":
            pytest.fail(f"chromium not found at {CHROMIUM}")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 1000})
        pg = context.new_page()
        pg.requests = []
        pg.on("request", lambda r: pg.requests.append(r.url))
        pg.goto(app_server, wait_until="domcontentloaded")
        yield pg
        context.close()
        browser.close()


def _replied(page, action) -> None:
    """Do ``action`` and wait until the app's reply to it is on the page (a new bot message;
    the cards and chips of a reply arrive in the same update)."""
    n = page.evaluate("document.querySelectorAll('#chat .bot-row').length")
    action()
    page.wait_for_function(f"document.querySelectorAll('#chat .bot-row').length > {n}", timeout=60_000)


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"browser-{name}.png"), full_page=True)


def test_a_person_can_chat_click_chips_like_a_film_and_see_their_persona(page, app_server):
    page.wait_for_selector("#message textarea", timeout=120_000)
    page.wait_for_function("document.querySelector('#chat') && document.querySelector('#chat').innerText.includes"
                           "('MovieLens')", timeout=120_000)
    assert page.locator("#example-0").is_visible()  # example prompts are buttons
    _shot(page, "landing")
    personas_before = page.locator("#personas").inner_text()
    page.locator("#message textarea").fill("a thriller, no horror")
    _replied(page, lambda: page.locator("#message textarea").press("Enter"))
    assert "Thriller" in page.locator("#chat").inner_text()
    assert page.locator("#constraint-0").is_visible()
    # a concrete wish gets films in the first reply, with a question beside them to narrow them down
    page.wait_for_selector("#card-0-like:visible", timeout=30_000)
    # the films are on the cards, once: the chat message does not list them again
    first_title = page.locator("#card-0-text").inner_text().split("(")[0].strip()
    assert first_title and first_title not in page.locator("#chat .bot-row").last.inner_text()
    card = page.locator("#card-0-text").inner_text()
    assert "Starring" in card or "directed by" in card
    assert page.locator("#card-0-like").inner_text().strip() == "Like"  # labelled in words, not emoji only
    assert page.locator("#card-0-dislike").inner_text().strip() == "Not for me"
    _shot(page, "list")
    clicked_chip = False
    for _ in range(6):
        if not page.locator("#chip-0").is_visible() or (clicked_chip and page.locator("#card-0-like").is_visible()):
            break
        _replied(page, lambda: page.locator("#chip-0").click())
        clicked_chip = True
    if not clicked_chip:  # the policy listed films without a question: narrow them by typing instead
        page.locator("#message textarea").fill("from the 90s")
        _replied(page, lambda: page.locator("#message textarea").press("Enter"))
    page.wait_for_selector("#card-0-like:visible", timeout=60_000)
    title = page.locator("#card-0-text").inner_text().split("(")[0].strip()
    assert title
    page.locator("#card-0-like").click()
    # the panel shows a persona with its share once the like is processed (it said "No tastes
    # yet" before); waiting for that, not for any change, since "processing" is a change too
    page.wait_for_function("document.querySelector('#personas').innerText.includes('%')", timeout=60_000)
    assert "%" not in personas_before and "%" in page.locator("#personas").inner_text()
    # several cards can be liked in a row: the second card's button works after the first like
    second = page.locator("#card-1-text").inner_text().split("(")[0].strip()
    _replied(page, lambda: page.locator("#card-1-like").click())
    assert "Like: " + second in page.locator("#chat").inner_text()
    # a liked card stays in view and says so, on the card and on its button
    liked = [k for k in range(5) if page.locator(f"#card-{k}-text").is_visible()
             and page.locator(f"#card-{k}-text").inner_text().startswith(second)]
    assert liked, second
    assert "you liked this" in page.locator(f"#card-{liked[0]}-text").inner_text()
    assert page.locator(f"#card-{liked[0]}-like").inner_text().strip() == "♥ Liked"
    assert page.locator(f"#card-{liked[0]}-like").is_disabled()
    assert "e.g." in page.locator("#personas").inner_text()  # each taste with an example film
    _shot(page, "personas")
    page.wait_for_selector("#graph svg", timeout=30_000)
    # the graph's labels are whole: no text element is cut off by the picture's edge
    clipped = page.evaluate("""() => {
        const svg = document.querySelector('#graph svg'); const box = svg.viewBox.baseVal;
        return [...svg.querySelectorAll('text')].filter(t => { const b = t.getBBox();
            return b.x < box.x - 1 || b.x + b.width > box.x + box.width + 1; }).map(t => t.textContent); }""")
    assert not clipped, clipped
    page.locator("#graph").scroll_into_view_if_needed()
    _shot(page, "graph")
    # "why this?" streams inside its card
    page.locator("#card-0-why").click()
    page.wait_for_function("document.querySelector('#card-0-narrative') && "
                           "document.querySelector('#card-0-narrative').innerText.trim().length > 20", timeout=60_000)
    # then until it has stopped streaming: the same text for a second, ending a sentence
    page.wait_for_function("""() => { const t = document.querySelector('#card-0-narrative').innerText.trim();
        if (window.__why !== t) { window.__why = t; window.__whyAt = Date.now(); return false; }
        return Date.now() - window.__whyAt > 1000 && /[.)]$/.test(t); }""", polling=200, timeout=60_000)
    why = page.locator("#card-0-narrative").inner_text()
    assert "unknown" not in why.lower() and ": none" not in why.lower()
    _shot(page, "explanation")
    # memory: the key can be revealed (and copied); the memory reads as films and tastes
    page.locator("#memory").click()
    page.locator("#show-key").click()
    page.wait_for_function("document.querySelector('#memory-key textarea, #memory-key input').value.length > 10",
                           timeout=30_000)
    assert page.locator("#memory-key button[aria-label*='opy'], #memory-key button[title*='opy']").count() >= 1
    page.locator("#view-memory").click()
    page.wait_for_function("document.querySelector('#memory-view') && "
                           "document.querySelector('#memory-view').innerText.includes('Films you liked')",
                           timeout=30_000)
    memory = page.locator("#memory-view").inner_text()
    assert title in memory and "Your tastes" in memory and '"vector"' not in memory
    page.locator("#memory-view").scroll_into_view_if_needed()
    _shot(page, "memory")
    # every request the page made went to the app itself
    host = urlparse(app_server).netloc
    outside = [u for u in page.requests if urlparse(u).scheme in ("http", "https", "ws", "wss")
               and urlparse(u).netloc != host]
    assert not outside, outside[:5]


def test_an_example_prompt_is_one_click(page):
    page.locator("#example-3").click()  # "a French film"
    page.wait_for_function("document.querySelector('#chat').innerText.includes('France or French')", timeout=60_000)
    page.wait_for_selector("#card-0-like:visible", timeout=60_000)


def test_html_in_a_message_is_shown_escaped_not_run(page):
    page.evaluate("window.__xss = 0")
    page.locator("#message textarea").fill("<img src=x onerror='window.__xss=1'> <script>window.__xss=2</script>")
    page.locator("#message textarea").press("Enter")
    page.wait_for_timeout(2000)
    assert page.evaluate("window.__xss") == 0
