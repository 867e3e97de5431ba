"""The HTML report in a real browser: Debian's Chromium, headless, driven by Selenium through
Debian's chromedriver (`nox -s browser`, which CI runs).

It opens the report of examples/prospects.jsonl, checks what a person would use (a row per
prospect, filters that narrow, sorting, charts, a row that opens onto its evidence), checks
that a report full of hostile input stays inert, and saves screenshots at laptop and phone
widths under build/browser/ (or $INVITECORE_ARTIFACTS) for a person to look at.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from selenium import webdriver
from selenium.common.exceptions import UnexpectedAlertPresentException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "prospects.jsonl"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
ARTIFACTS = Path(os.environ.get("INVITECORE_ARTIFACTS", ROOT / "build" / "browser"))

pytestmark = pytest.mark.skipif(
    not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()),
    reason="needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)",
)

LAPTOP = (1366, 900)
PHONE = (390, 844)


def invitecore(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "invitecore", *args]
    completed = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
    assert completed.returncode in (0, 1), completed.stderr
    return completed


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report") / "prospects.html"
    invitecore("run", str(EXAMPLE), "--format", "html", "--output", str(out), "--quiet")
    return out


@pytest.fixture(scope="module")
def expected() -> dict[str, Any]:
    """What the json format says about the same run: the page must agree with it."""
    text = invitecore("run", str(EXAMPLE), "--format", "json", "--quiet").stdout
    document: dict[str, Any] = json.loads(text)
    return document


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    options = Options()
    options.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="invitecore-chromium-")
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        f"--window-size={LAPTOP[0]},{LAPTOP[1]}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def open_page(driver: Any, path: Path, size: tuple[int, int] = LAPTOP) -> None:
    driver.set_window_size(*size)
    driver.get(path.as_uri())
    WebDriverWait(driver, 20).until(
        lambda d: d.execute_script("return document.documentElement.dataset.ready")
    )


def rows(driver: Any) -> list[Any]:
    return list(driver.find_elements(By.CSS_SELECTOR, "#ic-tbody tr.row"))


def screenshot(driver: Any, name: str, size: tuple[int, int]) -> Path:
    """The whole page at ``size``'s width (the window grows to the page's height)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(size[0], min(max(height, size[1]), 12000))
    path = ARTIFACTS / f"{name}.png"
    driver.save_screenshot(str(path))
    driver.set_window_size(*size)
    return path


# -- the example batch ---------------------------------------------------------------------------


def test_a_row_per_prospect(browser: Any, report: Path, expected: dict[str, Any]) -> None:
    open_page(browser, report)
    names = [row.find_element(By.CSS_SELECTOR, ".name").text for row in rows(browser)]
    assert names == [result["name"] for result in expected["results"]]
    assert browser.find_element(By.ID, "ic-count").text == f"Showing 1–{len(names)} of {len(names)}"


def test_filters_narrow_the_rows(browser: Any, report: Path, expected: dict[str, Any]) -> None:
    open_page(browser, report)
    by_verdict = expected["summary"]["by_verdict"]
    Select(browser.find_element(By.ID, "ic-verdict")).select_by_value("do_not_send")
    badges = [row.find_element(By.CSS_SELECTOR, ".badge").text for row in rows(browser)]
    assert len(badges) == by_verdict["do_not_send"] < len(expected["results"])
    assert set(badges) == {"Do not send"}
    # A second filter narrows further: by camp and by finding code.
    Select(browser.find_element(By.ID, "ic-verdict")).select_by_value("")
    Select(browser.find_element(By.ID, "ic-camp")).select_by_value("open_networker")
    assert len(rows(browser)) == expected["summary"]["by_camp"]["open_networker"]
    codes = [f["code"] for r in expected["results"] for f in r["findings"]]
    browser.find_element(By.ID, "ic-reset").click()
    if codes:
        code = codes[0]
        Select(browser.find_element(By.ID, "ic-code")).select_by_value(code)
        having = [r for r in expected["results"] if any(f["code"] == code for f in r["findings"])]
        assert len(rows(browser)) == len(having)
    browser.find_element(By.ID, "ic-reset").click()
    search = browser.find_element(By.ID, "ic-q")
    search.send_keys(expected["results"][0]["name"][:8])
    assert 1 <= len(rows(browser)) < len(expected["results"])


def test_sorting_by_risk(browser: Any, report: Path) -> None:
    open_page(browser, report)
    browser.find_element(By.CSS_SELECTOR, 'th[data-sort="risk"] button').click()

    def scores() -> list[float]:
        cells = [row.find_element(By.CSS_SELECTOR, "td.c-risk").text for row in rows(browser)]
        return [float(text.split()[0]) if text else -1.0 for text in cells]

    first = scores()
    assert first == sorted(first, reverse=True)
    assert first[0] > first[-1]
    th = browser.find_element(By.CSS_SELECTOR, 'th[data-sort="risk"]')
    assert th.get_attribute("aria-sort") == "descending"
    browser.find_element(By.CSS_SELECTOR, 'th[data-sort="risk"] button').click()
    assert scores() == sorted(first)


def test_charts_are_drawn_and_filter_the_table(browser: Any, report: Path) -> None:
    open_page(browser, report)
    charts = browser.find_elements(By.CSS_SELECTOR, "#charts .chart > svg")
    assert len(charts) == 3
    for chart in charts:
        assert chart.size["width"] > 200
        assert chart.size["height"] > 60
    bars = browser.find_elements(By.CSS_SELECTOR, '#charts [data-filter="risk"]')
    assert bars
    bars[0].click()
    assert Select(browser.find_element(By.ID, "ic-risk")).first_selected_option.get_attribute(
        "value"
    ) == bars[0].get_attribute("data-value")
    assert 0 < len(rows(browser)) < 24


def test_a_row_opens_onto_its_evidence_and_fixes(browser: Any, report: Path) -> None:
    open_page(browser, report)
    target = next(
        row for row in rows(browser) if row.find_elements(By.CSS_SELECTOR, "td.c-findings .code")
    )
    target.click()
    detail = browser.find_element(By.CSS_SELECTOR, "#ic-tbody tr.detail")
    text = detail.text
    assert "NOTE AS SENT" in text.upper()
    assert "Fix:" in text
    assert detail.find_elements(By.CSS_SELECTOR, "mark")  # evidence or finding highlighted


def test_screenshots(browser: Any, report: Path) -> None:
    open_page(browser, report)
    # Open a prospect with evidence in the profile, so the screenshot shows the highlighting.
    opened = browser.execute_script(
        "function row(i) {"
        "  return document.querySelector('#ic-tbody tr.row[data-row=\"' + i + '\"]');"
        "}"
        "for (var i = 0; row(i); i++) {"
        "  row(i).click();"
        "  if (document.querySelector('tr.detail .quote mark.selective')) return i;"
        "  row(i).click();"
        "} return -1;"
    )
    assert opened >= 0
    for name, size in (("laptop", LAPTOP), ("phone", PHONE)):
        browser.set_window_size(*size)
        path = screenshot(browser, f"report-{name}", size)
        assert path.stat().st_size > 10_000
        # Nothing wider than the window: no sideways scrolling on a phone.
        overflow = browser.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{name}: the page is {overflow}px wider than the window"


def test_a_single_case_report(browser: Any, tmp_path: Path) -> None:
    out = tmp_path / "one.html"
    invitecore("run", "examples/selective-stranger.toml", "-f", "html", "-o", str(out), "-q")
    open_page(browser, out)
    assert len(rows(browser)) == 1
    assert browser.find_elements(By.CSS_SELECTOR, "#ic-tbody tr.detail")  # open from the start
    assert not browser.find_element(By.CSS_SELECTOR, ".controls").is_displayed()
    screenshot(browser, "single-laptop", LAPTOP)
    open_page(browser, out, PHONE)
    screenshot(browser, "single-phone", PHONE)


# -- hostile input -------------------------------------------------------------------------------


def test_hostile_input_stays_inert(browser: Any, tmp_path: Path) -> None:
    payload = "<img src=x onerror=\"window.pwned=1\"><script>window.pwned=2</script>"
    rows_in = [
        {
            "name": payload + "'\" onmouseover=\"window.pwned=3",
            "headline": "LION </script><script>window.pwned=4</script>",
            "about": "<svg onload=window.pwned=5>",
            "url": "javascript:window.pwned=6",
            "note": "</script><iframe src=\"javascript:window.pwned=7\"></iframe> Hi",
        },
        {"name": "Plain", "note": "Hi <b>there</b>", "url": "https://www.linkedin.com/in/x"},
    ]
    source = tmp_path / "hostile.jsonl"
    source.write_text("".join(json.dumps(row) + "\n" for row in rows_in), encoding="utf-8")
    out = tmp_path / "hostile.html"
    invitecore("run", str(source), "-f", "html", "-o", str(out), "-q")
    try:
        open_page(browser, out)
        for index in range(len(rows_in)):
            rows(browser)[index].click()  # the table is drawn again after each click
        assert browser.execute_script("return window.pwned") is None
        assert not browser.find_elements(By.CSS_SELECTOR, "#prospects img, #prospects iframe")
        links = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "a")]
        assert links == ["https://www.linkedin.com/in/x"]
        names = [row.find_element(By.CSS_SELECTOR, ".name").text for row in rows(browser)]
        assert names[0] == rows_in[0]["name"]  # shown as text, exactly
    except UnexpectedAlertPresentException:  # pragma: no cover - the failure itself
        pytest.fail("a script from the input ran")
