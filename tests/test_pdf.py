"""PDF input: reading order, blocks and zones from the geometry of generated pages (tests/pdfs.py),
scored like the text path; bad PDFs get one clear line and exit 3."""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from archive import pdf
from archive.cli import cli
from archive.errors import ExitCode, InputError
from archive.pipeline import convert, convert_bytes

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
import pdfs  # noqa: E402
import score  # noqa: E402

T = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
SAMPLE_TEXT = Path(__file__).resolve().parents[1] / "seeds" / "000_b96cb40543454e04.txt"
TARGET = 0.97
needs_truetype = pytest.mark.skipif(pdfs.truetype_font() is None,
                                    reason="no TrueType CJK font (apt-get install fonts-wqy-zenhei)")


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def figures(result: dict) -> dict[str, float]:
    """Every score of a page (F1 or accuracy), leaving out metrics with nothing to count."""
    out = {}
    for key in score.SAMPLE_KEYS:
        r = result[key]
        if "f1" in r:
            if r["n_true"] or r["n_pred"]:
                out[key] = r["f1"]
        elif r["total"]:
            out[key] = r["accuracy"]
    return out


def pdf_scores(data: bytes, truth: dict) -> dict[str, float]:
    tree = convert_bytes("page.pdf", data).tree
    return figures(score.score_sample(pdfs.join_continued(tree), truth))


def text_path_scores(data: bytes, truth: dict) -> dict[str, float]:
    """The text path on the same page: pypdf's plain extract_text() of it, converted as text."""
    from pypdf import PdfReader

    text = "\f".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    tree, err = score.convert_text("page", text)
    assert err is None, err
    return figures(score.score_sample(pdfs.join_continued(tree), truth))


@pytest.fixture(scope="module")
def typeset_sample():
    """The sample page, its truth and the text columns the generator laid out: (left, right,
    top, bottom) of each column of each article (its band on the page), in the order set."""
    columns: list[list[tuple[float, float, float, float]]] = []
    set_article = pdfs.Article.set

    def spy(self, x, top, heads=True):
        bottom = set_article(self, x, top, heads)
        width, body = self.col_em * self.sheet.body, self.sheet.body
        columns.append([(x + c * (width + body), x + c * (width + body) + width, top, bottom)
                        for c in range(self.cols)])
        return bottom

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pdfs.Article, "set", spy)
        data, truth = pdfs.sample_page()
    return data, truth, columns


@pytest.fixture(scope="module")
def sample(typeset_sample):
    return typeset_sample[:2]


@pytest.fixture(scope="module")
def sample_tei(sample):
    return convert_bytes("sample.pdf", sample[0])


@pytest.fixture(scope="module")
def issue():
    return pdfs.two_page_issue()


@pytest.fixture(scope="module")
def issue_tei(issue):
    return convert_bytes("issue.pdf", issue[0])


# --- the scores: every generated page, against its truth and against the text path ----------


def test_sample_page_scores_like_the_text_path(sample):
    data, truth = sample
    got = pdf_scores(data, truth)
    assert min(got.values()) >= TARGET, got
    # the text path on the sample's own extracted text, and on pypdf's text of the same PDF
    text_tree, err = score.convert_text("sample", SAMPLE_TEXT.read_text(encoding="utf-8"))
    assert err is None
    for other in (figures(score.score_sample(text_tree, truth)), text_path_scores(data, truth)):
        assert all(got[k] >= other[k] - 1e-9 for k in other), (got, other)
    assert got == {k: 1.0 for k in got}


@pytest.mark.parametrize("make", ["small_page", "two_page_issue", "shuffled", "truetype"])
def test_generated_pdfs_score_at_least_the_target_and_the_text_path(make, issue):
    if make == "two_page_issue":
        data, truth = issue
    elif make == "shuffled":
        data, truth = pdfs.small_page(shuffle=3)
    elif make == "truetype":
        font = pdfs.truetype_font()
        if font is None:
            pytest.skip("no TrueType CJK font (apt-get install fonts-wqy-zenhei)")
        data, truth = pdfs.small_page(font)
    else:
        data, truth = pdfs.small_page()
    got = pdf_scores(data, truth)
    assert min(got.values()) >= TARGET, got
    text = text_path_scores(data, truth)
    assert all(got[k] >= text[k] - 1e-9 for k in text), (got, text)


# --- reading order and blocks -----------------------------------------------------------------


def body_and_facsimile(data: bytes) -> bytes:
    """The TEI of a PDF without what depends on the file's bytes (its hash)."""
    return re.sub(rb'<idno type="sha256">[0-9a-f]+</idno>', b"", convert_bytes("p.pdf", data).data)


def test_drawing_order_does_not_matter(sample):
    """A content stream that draws the lines in a random order gives the same document."""
    shuffled, _ = pdfs.sample_page(shuffle=11)
    assert body_and_facsimile(shuffled) == body_and_facsimile(sample[0])


@needs_truetype
def test_embedded_truetype_and_cid_font_read_the_same():
    cid = convert_bytes("p.pdf", pdfs.small_page()[0]).tree
    ttf = convert_bytes("p.pdf", pdfs.small_page(pdfs.truetype_font())[0]).tree
    assert score.tei_articles(cid) == score.tei_articles(ttf)


def test_cid_font_is_read(sample):
    """STSong-Light: a CID font with the UniGB-UCS2-H CMap, not embedded."""
    from pypdf import PdfReader

    fonts = PdfReader(io.BytesIO(sample[0])).pages[0]["/Resources"]["/Font"]
    cid = [f.get_object() for f in fonts.values() if f.get_object().get("/Subtype") == "/Type0"]
    assert cid and cid[0]["/Encoding"] == "/UniGB-UCS2-H" and "/FontFile2" not in str(cid[0])


def test_page_furniture_headlines_columns_and_paragraphs(sample_tei):
    root = sample_tei.tree.getroot()
    body = root.find(f"{T}text/{T}body")
    fws = [(fw.get("type"), "".join(fw.itertext())) for fw in body.iter(T + "fw")]
    assert fws == [("section", "权威发布"), ("banner", "高质量发展看昌吉")]  # letter-spaced in the PDF
    divs = [d for d in body.iter(T + "div") if d.get("type") == "article"]
    assert [d.get("subtype") for d in divs] == ["news", "news", "interview", "interview"]
    first = divs[0]
    assert [(h.get("type"), "".join(h.itertext())) for h in first.findall(T + "head")] == [
        ("kicker", "昌吉州召开人才工作新闻发布会"), ("main", "打造近悦远来的人才高地")]
    # a headline set over two lines is one head
    second = divs[1].find(T + "head")
    assert "".join(second.itertext()) == "昌吉州召开“创新驱动 质引未来”新闻发布会"
    assert len(second.findall(T + "lb")) == 2


def test_paragraph_continued_into_the_next_column_points_to_both(sample_tei):
    root = sample_tei.tree.getroot()
    zones = {z.get(XML_ID): z for z in root.iter(T + "zone")}
    split = [p for p in root.iter(T + "p") if len(p.get("facs", "").split()) == 2]
    assert split, "no paragraph runs on into the next column"
    for p in split:
        a, b = (zones[ref.lstrip("#")] for ref in p.get("facs").split())
        assert float(b.get("ulx")) > float(a.get("lrx"))  # the next column, to the right
        assert float(b.get("uly")) < float(a.get("lry"))  # ... starting higher up


def test_every_block_points_to_a_zone_on_its_page(sample_tei):
    root = sample_tei.tree.getroot()
    surfaces = root.findall(f"{T}facsimile/{T}surface")
    assert [s.get(XML_ID) for s in surfaces] == ["page1"]
    pb = root.find(f".//{T}pb")
    assert pb.get("facs") == "#page1" and pb.get("n") == "1"
    width, height = float(surfaces[0].get("lrx")), float(surfaces[0].get("lry"))
    zones = {z.get(XML_ID): z for z in surfaces[0].iter(T + "zone")}
    text = root.find(T + "text")
    blocks = list(text.iter(*(T + n for n in ("head", "p", "byline", "dateline", "speaker", "fw", "note"))))
    assert blocks
    for e in blocks:
        refs = e.get("facs", "").split()
        assert refs, etree.tostring(e, encoding="unicode")[:120]
        for ref in refs:
            z = zones[ref.lstrip("#")]
            ulx, uly, lrx, lry = (float(z.get(k)) for k in ("ulx", "uly", "lrx", "lry"))
            assert 0 <= ulx < lrx <= width + 1 and 0 <= uly < lry <= height


def test_photo_caption_and_credit(sample_tei):
    root = sample_tei.tree.getroot()
    zones = {z.get(XML_ID): z for z in root.iter(T + "zone")}
    (fig,) = list(root.iter(T + "figure"))
    photo = zones[fig.get("facs").lstrip("#")]
    assert photo.get("type") == "figure"
    caption = fig.find(T + "head")
    assert caption.get("type") == "caption"
    assert "".join(caption.itertext()) == "12月16日，昌吉州人才工作新闻发布会在昌吉州新闻发布厅举行。"
    cap = zones[caption.get("facs").lstrip("#")]
    assert cap.get("type") == "caption"
    assert 0 <= float(cap.get("uly")) - float(photo.get("lry")) < 20  # right under the photo
    assert [n.text for n in fig.iter(T + "persName")] == ["巨海成"]


def test_interview_turns_and_subheads(sample_tei):
    root = sample_tei.tree.getroot()
    div = [d for d in root.iter(T + "div") if d.get("subtype") == "interview"][0]
    sections = [s for s in div.iter(T + "div") if s.get("type") == "section"]
    assert ["".join(s.find(T + "head").itertext()) for s in sections][:2] == [
        "以高能级平台激发创新“裂变”", "以产学研合作激发创新创造活力"]
    speakers = ["".join(s.itertext()) for s in div.iter(T + "speaker")]
    assert speakers[:2] == ["问：", "昌吉州科学技术局党组书记葛伟娟："]


def test_valid_against_tei_all(sample_tei, issue_tei, tei_all):
    for tree in (sample_tei.tree, issue_tei.tree):
        assert tei_all.validate(tree), tei_all.error_log


# --- the page's columns in the facsimile (zone type="column") -----------------------------------


def box(zone) -> tuple[float, float, float, float]:
    return tuple(float(zone.get(k)) for k in ("ulx", "uly", "lrx", "lry"))


def inside(inner, outer, tolerance: float = 0.5) -> bool:
    return (outer[0] - tolerance <= inner[0] and outer[1] - tolerance <= inner[1]
            and inner[2] <= outer[2] + tolerance and inner[3] <= outer[3] + tolerance)


def overlap(a, b) -> float:
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


def test_column_zones_are_the_columns_the_page_was_laid_out_in(typeset_sample, sample_tei):
    _, truth, laid_out = typeset_sample
    root = sample_tei.tree.getroot()
    (surface,) = root.findall(f"{T}facsimile/{T}surface")
    zones = surface.findall(T + "zone")
    columns = [z for z in zones if z.get("type") == "column"]
    blocks = zones[len(columns):]
    assert zones[:len(columns)] == columns and blocks  # the columns first, then the blocks
    assert [(z.get(XML_ID), z.get("n")) for z in columns] == [(f"page1.c{k}", str(k))
                                                              for k in range(1, len(columns) + 1)]
    ids = [e.get(XML_ID) for e in root.iter() if e.get(XML_ID)]
    assert len(ids) == len(set(ids))
    # one region for each text column the generator set, and one for each line of the
    # section label and banner, each article's headline group and the photo with its caption
    text = [z for z in columns if any(b.get("type") == "p" and inside(box(b), box(z)) for b in blocks)]
    assert len(text) == sum(len(cols) for cols in laid_out) == 15
    figures = sum(len(a["figures"]) for a in truth["articles"])
    assert len(columns) == len(text) + len(truth["furniture"]) + len(truth["articles"]) + figures
    # ... where the generator put them, each article's columns read left to right
    body = 9.0
    for cols in laid_out:
        found = []
        for left, right, top, bottom in cols:
            (z,) = [z for z in text if inside(box(z), (left, top, right, bottom), body)
                    and abs(box(z)[0] - left) < 2.5 * body]
            found.append(int(z.get("n")))
        assert found == sorted(found)
    # every block's zone in a column zone; the columns apart
    for b in blocks:
        assert any(inside(box(b), box(z)) for z in columns), (b.get(XML_ID), box(b))
    for i, a in enumerate(columns):
        for c in columns[i + 1:]:
            assert overlap(box(a), box(c)) < 0.01, (a.get(XML_ID), c.get(XML_ID))


def test_column_zones_of_each_page_of_an_issue(issue_tei):
    from archive import validate

    root = issue_tei.tree.getroot()
    for n, surface in enumerate(root.findall(f"{T}facsimile/{T}surface"), start=1):
        columns = [z.get(XML_ID) for z in surface.iter(T + "zone") if z.get("type") == "column"]
        assert columns == [f"page{n}.c{k}" for k in range(1, len(columns) + 1)] and columns
    # the project schema: each column zone has its @n; no block zone is a column
    for old, new in (('type="column" n="2" ', 'type="column" '), ('type="p" ', 'type="column" ')):
        bad = issue_tei.data.replace(old.encode(), new.encode(), 1)
        assert any(p.code == "rng" for p in validate.validate(bad)), old


def test_pdf_output_accepted_by_jing(sample_tei, issue_tei, jing, tmp_path):
    files = []
    for name, result in (("sample", sample_tei), ("issue", issue_tei)):
        files.append(tmp_path / f"{name}.tei.xml")
        files[-1].write_bytes(result.data)
    tei_all = Path(__file__).resolve().parents[2] / "shared" / "evaldata" / "tei" / "tei_all.rng"
    for schema in (Path(__file__).resolve().parents[1] / "schemas" / "archive.rng", tei_all):
        if schema.is_file():
            ok, messages = jing(schema, *files)
            assert ok, messages


def test_lines_are_the_reading_order_text(sample_tei):
    """lb/@n counts the lines of the text in reading order (docs/pdf.md); the source holds it."""
    doc = sample_tei.doc
    assert doc.source.encoding == "pdf"
    lines = doc.source.text.split("\n")
    for lb in sample_tei.tree.getroot().iter(T + "lb"):
        n = int(lb.get("n"))
        following = (lb.tail or "") or ""
        if following:
            assert lines[n - 1].replace(" ", "").startswith(following[:3].replace(" ", "")), (n, following)


# --- an issue: pages, labels, continued articles ----------------------------------------------


def test_two_page_issue_links_the_continued_article(issue):
    root = convert_bytes("issue.pdf", issue[0]).tree.getroot()
    pbs = [(pb.get("n"), pb.get("facs")) for pb in root.iter(T + "pb")]
    assert pbs == [("1", "#page1"), ("2", "#page2")]  # the printed page numbers
    arts = {d.get(XML_ID): d for d in root.iter(T + "div") if d.get("type") == "article"}
    first = [d for d in arts.values() if d.get("next")]
    assert len(first) == 1
    later = arts[first[0].get("next").lstrip("#")]
    assert later.get("prev") == "#" + first[0].get(XML_ID)
    jumps = [(n.get("subtype"), n.get("n")) for d in (first[0], later) for n in d.iter(T + "note")]
    assert jumps == [("to", "2"), ("from", "1")]
    assert "".join(first[0].find(T + "head[@type='main']").itertext()) == "打造全疆新质生产力策源地"
    # the later part's zones are on page 2
    assert all(ref.startswith("#page2.") for e in later.iter() for ref in e.get("facs", "").split())


def test_many_pages_one_document():
    data = pdfs.simple_pages(40)
    result = convert_bytes("many.pdf", data)
    root = result.tree.getroot()
    assert [pb.get("n") for pb in root.iter(T + "pb")] == [str(i) for i in range(1, 41)]
    assert len(root.findall(f"{T}facsimile/{T}surface")) == 40
    heads = ["".join(h.itertext()) for h in root.iter(T + "head")]
    assert heads == [f"第{k}号消息发布" for k in range(1, 41)]


def test_pages_are_read_one_at_a_time(monkeypatch):
    """Each page is read and analysed on its own, in order; a bad page stops the run there."""
    seen = []
    real = pdf.read_page

    def spy(reader, index, name, *args):
        seen.append(index)
        if index == 3:
            raise pdf.PageError(f"{name}, page 4: broken", 4)
        return real(reader, index, name, *args)

    monkeypatch.setattr(pdf, "read_page", spy)
    with pytest.raises(InputError, match="page 4"):
        convert_bytes("many.pdf", pdfs.simple_pages(10))
    assert seen == [0, 1, 2, 3]


# --- bad PDFs: one line naming the file (and page), exit 3, nothing written -------------------


def bad(tmp_path: Path, name: str, data: bytes, *options: str):
    path = tmp_path / name
    path.write_bytes(data)
    out = tmp_path / "out"
    result = run("convert", str(path), "-o", str(out), *options)
    return path, out, result


def assert_refused(result, out: Path, message: str) -> None:
    assert result.exit_code == ExitCode.bad_input == 3, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("archive: error: "), result.stderr
    assert message in lines[0], lines[0]
    assert not out.exists() or not list(out.iterdir())


def encrypted() -> bytes:
    sheet = pdfs.Sheet(300, pdfs.cid_font())
    sheet.text(36, 60, "本报讯 这是一个加密的页面。", 9)
    return pdfs.render([sheet], encrypt="secret")


def test_encrypted_pdf_needs_its_password(tmp_path):
    path, out, result = bad(tmp_path, "locked.pdf", encrypted())
    assert_refused(result, out, f"{path}: is encrypted; give its password with --password")
    path, out, result = bad(tmp_path, "locked.pdf", encrypted(), "--password", "wrong")
    assert_refused(result, out, f"{path}: the password does not open it; check --password")
    path, out, result = bad(tmp_path, "locked.pdf", encrypted(), "--password", "secret")
    assert result.exit_code == 0, result.output
    text = (out / "locked.tei.xml").read_text(encoding="utf-8")
    assert "这是一个加密的页面。" in text


@pytest.mark.parametrize("kind", ["corrupt", "truncated", "header only"])
def test_damaged_pdf(tmp_path, kind):
    good = pdfs.small_page()[0]
    data = {"corrupt": b"%PDF-1.7\n" + bytes(range(256)) * 8, "truncated": good[: len(good) // 2],
            "header only": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"}[kind]
    path, out, result = bad(tmp_path, "page.pdf", data)
    assert_refused(result, out, f"{path}: is not a readable PDF (")
    assert "truncated or damaged" in result.stderr


def test_scan_without_text_layer(tmp_path):
    path, out, result = bad(tmp_path, "scan.pdf", pdfs.scan_page())
    assert_refused(result, out, f"{path}, page 1: has no text layer, only pictures (a scan?); run OCR")
    assert "ocrmypdf" in result.stderr


@needs_truetype
def test_garbled_page_is_named_and_keep_going_converts_the_others(tmp_path):
    data = pdfs.garbled_issue(pdfs.truetype_font())
    path, out, result = bad(tmp_path, "issue.pdf", data)
    assert_refused(result, out, f"{path}, page 2: its text cannot be decoded: font WenQuanYiZenHei-0 "
                                "has no usable ToUnicode map")
    path, out, result = bad(tmp_path, "issue.pdf", data, "--keep-going")
    assert result.exit_code == ExitCode.problems_found == 1, result.output
    assert result.stdout == f"{out / 'issue.tei.xml'}\n"
    assert result.stderr.startswith(f"archive: error: {path}, page 2: its text cannot be decoded")
    assert result.stderr.rstrip().endswith("(page left out)")
    root = etree.parse(str(out / "issue.tei.xml")).getroot()
    assert [(pb.get("n"), pb.get("facs")) for pb in root.iter(T + "pb")] == [("1", "#page1"), ("2", None)]
    assert [s.get(XML_ID) for s in root.iter(T + "surface")] == ["page1"]
    assert "打造近悦远来的人才高地" in "".join(root.itertext())


def test_damaged_page_with_keep_going(tmp_path, issue):
    data = pdfs.broken_page(issue[0], 0)
    path, out, result = bad(tmp_path, "issue.pdf", data)
    assert_refused(result, out, f"{path}, page 1: cannot be read (")
    path, out, result = bad(tmp_path, "issue.pdf", data, "--keep-going")
    assert result.exit_code == 1
    assert "广开进贤之路" in (out / "issue.tei.xml").read_text(encoding="utf-8")


def test_keep_going_with_no_good_page_is_an_error(tmp_path):
    path, out, result = bad(tmp_path, "scan.pdf", pdfs.scan_page(), "--keep-going")
    assert_refused(result, out, f"{path}: no page could be used; first problem: {path}, page 1: has no text layer")


def test_pdf_named_txt_is_read_as_pdf(tmp_path):
    path = tmp_path / "page.txt"
    path.write_bytes(pdfs.small_page()[0])
    result = convert(path)
    assert result.tree.getroot().find(T + "facsimile") is not None


def test_text_pages_get_no_facsimile(tmp_path):
    result = convert(SAMPLE_TEXT)
    assert result.tree.getroot().find(T + "facsimile") is None
    assert b"facs=" not in result.data


# --- small pieces ------------------------------------------------------------------------------


@pytest.mark.parametrize("texts, label", [
    (["2024年12月17日 星期二", "第2版", "要闻"], "2"),
    (["02", "要闻"], "2"),
    (["人民日报 2024年1月3日 星期三 A3 版"], "A3"),
    (["人民日报 2024年1月3日 第 3 版"], "3"),
    (["A3", "国际"], "A3"),
    (["要闻 3版"], "3"),
    (["2024年12月17日"], None),
    (["要闻"], None),
])
def test_page_label(texts, label):
    lines = [pdf.VLine(t, 0, 10, 10, 8, "f") for t in texts]
    assert pdf.page_label(lines) == label


def test_page_label_inside_a_line():
    line = pdf.VLine("2024年12月17日 星期二 第03版 要闻", 0, 10, 10, 8, "f")
    assert pdf.page_label([line]) == "3"


def test_undecodable_font():
    from pypdf.generic import DictionaryObject, NameObject

    def font(**kw):
        d = DictionaryObject()
        d[NameObject("/Subtype")] = NameObject("/Type0")
        for k, v in kw.items():
            d[NameObject("/" + k)] = NameObject(v) if isinstance(v, str) else v
        return d

    assert pdf._undecodable_font(font(Encoding="/Identity-H"))
    assert not pdf._undecodable_font(font(Encoding="/UniGB-UCS2-H"))
    with_map = font(Encoding="/Identity-H")
    with_map[NameObject("/ToUnicode")] = NameObject("/x")
    assert not pdf._undecodable_font(with_map)


def test_is_pdf():
    assert pdf.is_pdf(b"%PDF-1.4\n")
    assert pdf.is_pdf(b"\x00" * 100 + b"%PDF-1.7")
    assert not pdf.is_pdf("本报讯".encode())


def test_generated_truth_is_the_samples(sample):
    truth = json.loads((Path(__file__).resolve().parent / "data" / "sample.articles.json").read_text("utf-8"))
    assert [a["title"] for a in sample[1]["articles"]] == [a["title"] for a in truth["articles"]]


def test_text_inside_a_form_xobject_is_placed_on_the_page():
    """pypdf reads a form's text in the form's own coordinates; the reader places it."""
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(400, 400))
    c.beginForm("F1")
    c.setFont(pdfs.cid_font(), 10)
    c.drawString(50, 300, "表单里的文字一")
    c.drawString(200, 100, "表单里的文字二")
    c.endForm()
    c.saveState()
    c.translate(10, 20)
    c.doForm("F1")
    c.restoreState()
    c.setFont(pdfs.cid_font(), 10)
    c.drawString(50, 350, "页面上的文字")
    c.showPage()
    c.save()
    layout = pdf.read_page(pdf.open_pdf("form.pdf", buf.getvalue()), 0, "form.pdf")
    placed = {line.text: (round(line.x0), round(line.base)) for line in layout.lines}
    assert placed == {"页面上的文字": (50, 50), "表单里的文字一": (60, 80), "表单里的文字二": (210, 280)}


@pytest.mark.skipif(not (score.pagegen.EVALDATA / "rmrb_articles").is_dir(),
                    reason=f"evaluation data not found at {score.pagegen.EVALDATA}")
@pytest.mark.parametrize("corpus", score.pagegen.CORPORA)
def test_typeset_peoples_daily_pages(corpus):
    """People's Daily articles typeset in random column layouts: the PDF path scores at least the
    target, and at least the text path on the same pages (pypdf's plain text)."""
    from pypdf import PdfReader

    ours, theirs = [], []
    for name, data, truth in pdfs.corpus_pages(corpus, 5, 7):
        ours.append(score.score_generated(convert_bytes(f"{name}.pdf", data).tree, truth))
        text = "\f".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
        theirs.append(score.score_generated(score.convert_text(name, text)[0], truth))
    got, base = score.add_up(ours), score.add_up(theirs)
    for key in ("paragraphs", "articles", "headlines", "kickers", "subtitles", "furniture"):
        value = got[key].get("f1", got[key].get("accuracy"))
        other = base[key].get("f1", base[key].get("accuracy"))
        assert value >= TARGET and value >= other, (key, value, other)


def _node(kind: str, line: int, text: str = "文字", **attrs) -> pdf.Node:
    return pdf.Node(kind, pdf.Block((pdf.Piece(line, text),)), attrs=attrs)


def test_untitled_piece_joins_the_article_it_continues_and_empty_ones_go():
    """An untitled piece the text path cut off inside an article's chunk is more of its text:
    paragraphs go into its last section, sections and jump lines after its sections, closing
    bylines stay last; an article with nothing in it is never emitted."""
    article = pdf.Node("article", children=[
        _node("head", 1, type="main"), _node("p", 2),
        pdf.Node("section", children=[_node("head", 3), _node("p", 4)]), _node("byline", 9)])
    untitled = pdf.Node("article", children=[
        _node("p", 5), pdf.Node("section", children=[_node("head", 6), _node("p", 7)]),
        _node("jump", 8, subtype="to", n="10")], attrs={"subtype": "untitled"})
    other = pdf.Node("article", children=[_node("p", 20)], attrs={"subtype": "untitled"})
    empty = pdf.Node("article", attrs={"subtype": "untitled"})
    nodes = pdf._subheads([article, untitled, other, empty], article, lambda n: n is untitled)
    assert nodes == [article, other]
    assert [c.kind for c in article.children] == ["head", "p", "section", "section", "jump", "byline"]
    assert [c.block.first_line for c in article.children[2].children] == [3, 4, 5]


@pytest.mark.skipif(not (score.pagegen.EVALDATA / "rmrb_articles").is_dir(),
                    reason=f"evaluation data not found at {score.pagegen.EVALDATA}")
def test_long_document_with_chapter_subheads_stays_one_article():
    """A 96-paragraph document set in long columns, with chapter subheads (第一章 …) and a jump
    line in the next article's column, is neither split nor given an empty article."""
    name, data, truth = pdfs.corpus_pages("2020", 18, 7)[17]
    tree = convert_bytes(f"{name}.pdf", data).tree
    got = score.score_generated(tree, truth)
    assert got["articles"]["f1"] == 1.0
    for div in tree.iter(f"{T}div"):
        if div.get("type") == "article":
            assert any(c.tag in (f"{T}p", f"{T}div") for c in div), div.get(XML_ID)
