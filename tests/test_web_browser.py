"""The web app in headless Chromium (Debian's ``chromium``, driven by Playwright; no downloaded
browser): each page loads without a console error, asks nothing of any host but 127.0.0.1, and
renders something (its screenshot is not one colour). Few and fast: one browser for the module."""
from __future__ import annotations

import os
import shutil
import urllib.parse
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]
# PLANKG_SCREENSHOTS=docs/img keeps the plan page's screenshot for the docs (docs/web.md)
SHOTS = Path(os.environ["PLANKG_SCREENSHOTS"]) if os.environ.get("PLANKG_SCREENSHOTS") else None

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists() and not shutil.which("chromium"),
    reason="chromium is not installed (Debian package chromium; .ci/run installs it)",
)


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (the test extra) is not installed")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=shutil.which("chromium") or CHROMIUM, args=ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


class Visit:
    """A page with its console errors and every request it made recorded."""

    def __init__(self, browser, web) -> None:
        self.context = browser.new_context(viewport={"width": 1200, "height": 900}, locale="zh-CN")
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.allowed: set[str] = set()  # URLs off 127.0.0.1 the test opens itself (a report file)
        self.page.on("console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))

        def guard(route) -> None:
            host = urllib.parse.urlsplit(route.request.url).hostname
            if host != "127.0.0.1" and not route.request.url.startswith(("data:", "blob:", "about:")) \
                    and route.request.url not in self.allowed:
                self.outside.append(route.request.url)
                route.abort()
            else:
                route.continue_()

        self.context.route("**/*", guard)

    def open(self, url: str) -> None:
        response = self.page.goto(url, wait_until="networkidle")
        assert response is not None and (response.status == 200 or url.startswith("file:")), url

    def check(self, shot: Path | None = None) -> None:
        """No console error, nothing asked outside 127.0.0.1, a screenshot that is not blank."""
        from PIL import Image  # noqa: F401 - pillow comes with reportlab (the test extra)

        assert self.errors == []
        assert self.outside == []
        png = self.page.screenshot(full_page=False)
        assert not _one_colour(png)
        if shot is not None:
            shot.parent.mkdir(parents=True, exist_ok=True)
            shot.write_bytes(png)

    def close(self) -> None:
        self.context.close()


def _one_colour(png: bytes) -> bool:
    import io

    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    colours = image.getcolors(maxcolors=16)
    return colours is not None and len(colours) <= 1


@pytest.fixture
def visit(browser, web):
    v = Visit(browser, web)
    try:
        yield v
    finally:
        v.close()


def test_catalogue_in_the_browser(visit, web):
    visit.open(f"{web.base}/")
    assert visit.page.locator("table.catalogue tbody tr").count() >= 25
    visit.check()


def test_query_form_submitted_with_parameters(visit, web):
    """The agency-tasks form: fill the agency, pick a role, run; the rows appear."""
    visit.open(f"{web.base}/queries/agency-tasks")
    visit.page.fill("input[name=agency]", "市市场监管局")
    visit.page.select_option("select[name=role]", ["lead"])
    with visit.page.expect_navigation(wait_until="networkidle"):
        visit.page.click("button[type=submit]")
    assert "role=lead" in visit.page.url
    rows = visit.page.locator("table.rows tbody tr")
    assert rows.count() > 5
    assert set(visit.page.locator("table.rows tbody tr td:nth-child(3)").all_inner_texts()) == {"lead"}
    visit.check()


def test_plan_page_in_the_browser(visit, web):
    visit.open(f"{web.base}/id/plan/001_c6078f0173379ff0")
    assert visit.page.locator("ol.tasks > li").count() == 61
    assert "广州市2020年食品安全重点工作安排任务分工表" in visit.page.locator("h1").inner_text()
    visit.check(SHOTS / "plan-page.png" if SHOTS else None)


def test_agency_page_in_the_browser(visit, web):
    visit.open(f"{web.base}/id/agency/440100/市市场监督管理局")
    assert visit.page.locator("h1").inner_text() == "广州市市场监督管理局"
    assert visit.page.locator("table.partners tbody tr").count() > 5
    visit.check()


def test_hostile_document_runs_no_script(visit, web):
    """The page of a plan whose texts hold <script> runs none of it (no dialog opens) and shows it as text."""
    dialogs: list[str] = []
    visit.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    visit.open(f"{web.base}/id/plan/hostile")
    assert dialogs == []
    assert '<script>alert("task")</script>' in visit.page.locator("ol.tasks").inner_text()
    visit.check()


def test_yasgui_runs_a_saved_query(visit, web):
    """/sparql in a browser: the vendored YASGUI with the saved queries as tabs runs one against the
    endpoint, asking nothing outside 127.0.0.1."""
    visit.open(f"{web.base}/sparql")
    visit.page.wait_for_selector(".yasqe .CodeMirror")
    assert visit.page.locator("[role=tab]").count() >= 5
    visit.page.click(".yasqe_queryButton")
    visit.page.wait_for_selector(".yasr table, .yasr .dataTable", timeout=15_000)
    visit.check()


def test_plan_and_agency_pages_show_their_charts(visit, web):
    """The plan page draws the workload, deadline, indicator and topic charts as inline SVG."""
    visit.open(f"{web.base}/id/plan/000_2345c3afe1f8be5d")
    assert visit.page.locator("section.charts figure svg").count() == 4
    assert visit.page.locator("section.charts svg rect").count() > 20
    visit.check()


def test_report_opens_offline_in_the_browser(visit, seeded_store, tmp_path):
    """``plankg report`` of the store: the file loads with no console error and no request at all
    beyond itself, shows its charts, and its screenshot is not blank (docs/img/report.png)."""
    from conftest import run_cli

    path = tmp_path / "report.html"
    result = run_cli("report", "--store", str(seeded_store), "--output", str(path))
    assert result.returncode == 0, result.stderr
    url = path.as_uri()
    visit.allowed.add(url)
    visit.open(url)
    assert visit.page.locator("figure svg").count() >= 3
    assert "广州市2020年食品安全重点工作安排任务分工表" in visit.page.locator("table").first.inner_text()
    visit.check(SHOTS / "report.png" if SHOTS else None)
