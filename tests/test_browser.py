"""The reading site in a real browser: headless Chromium driven by selenium.

Debian's chromium and chromium-driver are used (.ci/run installs them); nothing
is downloaded. Without them the tests are skipped, unless ARCHIVE_REQUIRE_BROWSER
is set (as .ci/run does), when that is a failure. A screenshot of the sample
page's views is written to build/test-artifacts/ (or $ARCHIVE_ARTIFACTS).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from archive.cli import cli
from tests import pdfs
from tests.helpers import ROOT, SEED

T = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
STEM = SEED.name.rsplit(".", 1)[0]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
ARTIFACTS = Path(os.environ.get("ARCHIVE_ARTIFACTS") or ROOT / "build" / "test-artifacts")


@pytest.fixture(scope="module")
def browser():
    missing = [name for name, path in (("chromium", CHROMIUM), ("chromium-driver", DRIVER)) if path is None]
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        missing.append("selenium (pip install -e '.[test]')")
    if missing:
        message = "the browser tests need " + ", ".join(missing)
        if os.environ.get("ARCHIVE_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1200,900", "--allow-file-access-from-files"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("browser")
    (base / "src").mkdir()
    (base / "src" / "sample.pdf").write_bytes(pdfs.sample_page()[0])
    result = CliRunner().invoke(cli, ["convert", str(SEED), str(base / "src" / "sample.pdf"), "-o", str(base / "tei"),
                                      "--edition", "s2t", "--html", str(base / "site"), "--no-images"])
    assert result.exit_code == 0, result.output
    return base


def load(driver, path: Path, fragment: str = "") -> None:
    driver.get(path.resolve().as_uri() + fragment)
    driver.get_log("browser")  # only what this page logs counts


def console_errors(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]


def in_view(driver, element) -> bool:
    return driver.execute_script(
        "const r = arguments[0].getBoundingClientRect();"
        "return r.height > 0 && r.bottom > 0 && r.top < window.innerHeight;", element)


def test_every_headline_and_first_paragraph_is_visible(browser, site):
    from selenium.webdriver.common.by import By

    tei = etree.parse(str(site / "tei" / f"{STEM}.tei.xml")).getroot()
    load(browser, site / "site" / f"{STEM}.html")
    articles = tei.findall(f".//{T}div[@type='article']")
    assert len(articles) == 4
    for art in articles:
        box = browser.find_element(By.ID, art.get(XML_ID))
        head = box.find_element(By.CSS_SELECTOR, "header h2")
        first = next(p for p in art.iter(f"{T}p"))
        para = browser.find_element(By.ID, first.get(XML_ID))
        for element, tei_el in ((head, art.find(f"{T}head[@type='main']")), (para, first)):
            browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
            assert element.is_displayed() and in_view(browser, element)
            assert element.text.replace("\n", "") == "".join(tei_el.itertext())
    assert console_errors(browser) == []


def test_edition_switch_changes_the_text_and_keeps_the_place(browser, site):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    load(browser, site / "site" / f"{STEM}.html")
    target = browser.find_element(By.ID, "a3.s2")  # an interview section half-way down the page
    browser.execute_script("arguments[0].scrollIntoView({block: 'start'})", target)
    browser.execute_script("window.scrollBy(0, -80)")  # below the sticky bar
    top = browser.execute_script(
        "for (const el of document.querySelectorAll('main [id]')) {"
        "  if (el.querySelector('[id]')) continue;"
        "  if (el.getBoundingClientRect().bottom > 0) return el.id; }")
    simplified = browser.find_element(By.ID, top).text
    browser.find_element(By.CSS_SELECTOR, "nav a[data-keep-place]").click()
    WebDriverWait(browser, 10).until(lambda d: ".zh-Hant.html" in d.current_url)
    assert browser.current_url.endswith(f".zh-Hant.html#{top}")
    kept = browser.find_element(By.ID, top)
    assert in_view(browser, kept)
    assert kept.text != simplified and len(kept.text) == len(simplified)
    tei = etree.parse(str(site / "tei" / f"{STEM}.zh-Hant.tei.xml")).getroot()
    block = tei.xpath("//*[@xml:id=$id]", id=top)[0]
    assert kept.text.replace("\n", "") == "".join(block.itertext()).replace("\n", "")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "zh-Hant"
    assert console_errors(browser) == []


def test_vertical_layout_is_a_switch(browser, site):
    from selenium.webdriver.common.by import By

    load(browser, site / "site" / f"{STEM}.html")
    main = browser.find_element(By.TAG_NAME, "main")
    assert main.value_of_css_property("writing-mode") == "horizontal-tb"
    browser.find_element(By.ID, "vertical").click()
    assert main.value_of_css_property("writing-mode") == "vertical-rl"


def test_pages_render_without_console_errors_and_a_screenshot_is_kept(browser, site):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shots = {
        "sample-reading.png": site / "site" / f"{STEM}.html",
        "sample-check.png": site / "site" / f"{STEM}.check.html",
        "sample-pdf-page-view.png": site / "site" / "sample.check.html",
        "index.png": site / "site" / "index.html",
    }
    for name, path in shots.items():
        load(browser, path)
        assert console_errors(browser) == [], path
        assert browser.execute_script("return document.readyState") == "complete"
        out = ARTIFACTS / name
        assert browser.save_screenshot(str(out))
        assert out.read_bytes().startswith(b"\x89PNG")


def test_readable_on_a_phone(browser, site):
    from selenium.webdriver.common.by import By

    browser.set_window_size(390, 844)
    try:
        load(browser, site / "site" / f"{STEM}.html")
        wide = browser.execute_script("return document.documentElement.scrollWidth > window.innerWidth + 1")
        assert not wide, "the reading view scrolls sideways on a phone-sized screen"
        size = browser.find_element(By.ID, "a1.p1").value_of_css_property("font-size")
        assert float(size.removesuffix("px")) >= 14
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        browser.save_screenshot(str(ARTIFACTS / "sample-reading-phone.png"))
    finally:
        browser.set_window_size(1200, 900)
