"""The HTML report at 100,000 prospects: file size, time to write it, time to render it.

    python benchmarks/bench_html.py                  # 100,000 made-up prospects
    python benchmarks/bench_html.py --rows 10000 --compare

Writes a synthetic list with generate_prospects.py (made-up people), runs
``invitecore run --format html`` on it (with ``--compare``, also ``--format json``, which runs
the same batch checks, so the format's own cost shows), and reports the page's size. When
Selenium and Debian's chromium and chromedriver are installed, it opens the page headless and
reads how long the browser took from navigation to the first page of the table drawn (the page
records it in ``data-ready``), then times a filter, a sort, a page turn and a search through the
page's own controls, and the JavaScript heap.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def run(command: list[str]) -> float:
    start = time.perf_counter()
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if completed.returncode not in (0, 1):
        sys.exit(f"{' '.join(command)} failed:\n{completed.stderr}")
    return elapsed


def browser_timings(page: Path) -> dict[str, Any] | None:
    chromium, driver_path = shutil.which("chromium"), shutil.which("chromedriver")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.options import Options
        from selenium.webdriver.chrome.service import Service
        from selenium.webdriver.support.ui import WebDriverWait
    except ImportError:
        return None
    if not (chromium and driver_path):
        return None
    options = Options()
    options.binary_location = chromium
    profile = tempfile.mkdtemp(prefix="bench-html-")
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--enable-precise-memory-info",
        f"--user-data-dir={profile}",
        "--window-size=1366,900",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.set_page_load_timeout(300)
    try:
        ready = []
        read = "return document.documentElement.dataset.ready"
        for _ in range(3):
            driver.get(page.as_uri())
            WebDriverWait(driver, 300).until(lambda d: d.execute_script(read))
            ready.append(int(driver.execute_script(read)))
        actions = driver.execute_script(
            """
            function timed(fn) { var t = performance.now(); fn(); return performance.now() - t; }
            function choose(id, value) {
              var node = document.getElementById(id);
              node.value = value;
              node.dispatchEvent(new Event('change'));
            }
            var verdict = document.querySelector('#ic-verdict option[value="do_not_send"]')
              ? 'do_not_send' : 'send';
            return {
              filter: timed(function () { choose('ic-verdict', verdict); }),
              clear: timed(function () { choose('ic-verdict', ''); }),
              sort: timed(function () { choose('ic-sort', 'risk:desc'); }),
              page: timed(function () { document.getElementById('ic-next').click(); }),
              search: timed(function () {
                var q = document.getElementById('ic-q');
                q.value = 'lion';
                q.dispatchEvent(new Event('input'));
              }),
              shown: document.getElementById('ic-count').textContent,
              heap: performance.memory ? performance.memory.usedJSHeapSize : null,
            };
            """
        )
        return {"ready_ms": ready, **actions}
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--input", type=Path, help="a prospect list to use instead")
    parser.add_argument("--compare", action="store_true", help="also time --format json")
    parser.add_argument("--keep", type=Path, help="keep the page at this path")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-html-"))
    try:
        source = args.input
        if source is None:
            source = work / "prospects.jsonl"
            subprocess.run(
                [
                    sys.executable,
                    str(HERE / "generate_prospects.py"),
                    "--rows",
                    str(args.rows),
                    "--seed",
                    str(args.seed),
                    "--out",
                    str(source),
                ],
                check=True,
            )
        rows = sum(1 for _ in source.open(encoding="utf-8"))
        page = args.keep or work / "report.html"
        base = [sys.executable, "-m", "invitecore", "run", str(source), "--quiet"]
        html_s = run([*base, "--format", "html", "--output", str(page)])
        print(f"rows                      {rows:,}")
        print(f"input                     {source.stat().st_size / 1e6:,.1f} MB")
        size = page.stat().st_size
        print(f"html page                 {size / 1e6:,.1f} MB ({size / rows:,.0f} bytes a row)")
        print(f"invitecore run -f html    {html_s:,.1f} s")
        if args.compare:
            out = work / "report.json"
            json_s = run([*base, "--format", "json", "--output", str(out)])
            megabytes = out.stat().st_size / 1e6
            print(f"invitecore run -f json    {json_s:,.1f} s ({megabytes:,.1f} MB)")
        timings = browser_timings(page)
        if timings is None:
            print("browser                   not measured (needs selenium, chromium, chromedriver)")
            return
        ready = ", ".join(f"{ms / 1000:.2f}" for ms in timings["ready_ms"])
        print(f"browser: load to table    {ready} s (three loads)")
        for key in ("filter", "clear", "sort", "page", "search"):
            print(f"browser: {key:<16} {timings[key]:,.0f} ms")
        if timings.get("heap"):
            print(f"browser: JS heap          {timings['heap'] / 1e6:,.0f} MB")
        print(f"browser: count line       {timings['shown']}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
