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


def test_a_person_can_chat_click_chips_like_a_film_and_see_their_persona(page, app_server):
    page.wait_for_selector("#message textarea", timeout=120_000)
    page.wait_for_function("document.querySelector('#chat') && document.querySelector('#chat').innerText.includes"
                           "('MovieLens')", timeout=120_000)
    personas_before = page.locator("#personas").inner_text()
    page.locator("#message textarea").fill("a thriller, no horror")
    _replied(page, lambda: page.locator("#message textarea").press("Enter"))
    assert "Thriller" in page.locator("#chat").inner_text()
    assert page.locator("#constraint-0").is_visible()
    # a concrete wish gets films in the first reply, with a question beside them to narrow them down
    page.wait_for_selector("#card-0-like:visible", timeout=30_000)
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
    # the panel shows a persona with its weight once the like is processed (it said "No personas
    # yet" before); waiting for that, not for any change, since "processing" is a change too
    page.wait_for_function("document.querySelector('#personas').innerText.includes('%')", timeout=60_000)
    assert "%" not in personas_before and "%" in page.locator("#personas").inner_text()
    page.wait_for_selector("#graph svg", timeout=30_000)
    page.locator("#card-0-why").click()
    page.wait_for_function("document.querySelector('#chat').innerText.includes('Why')", timeout=60_000)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "browser-conversation.png"), full_page=True)
    # every request the page made went to the app itself
    host = urlparse(app_server).netloc
    outside = [u for u in page.requests if urlparse(u).scheme in ("http", "https", "ws", "wss")
               and urlparse(u).netloc != host]
    assert not outside, outside[:5]


def test_html_in_a_message_is_shown_escaped_not_run(page):
    page.evaluate("window.__xss = 0")
    page.locator("#message textarea").fill("<img src=x onerror='window.__xss=1'> <script>window.__xss=2</script>")
    page.locator("#message textarea").press("Enter")
    page.wait_for_timeout(2000)
    assert page.evaluate("window.__xss") == 0
