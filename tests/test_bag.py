"""archive bag / archive verify: a BagIt bag of a batch's output, checked by us and by bagit."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from archive.bag import METS_NS, XLINK_NS, build_bag, verify_bag
from archive.batch import REPORT, InlineRunner, read_report, run_batch
from archive.cli import cli
from archive.errors import ExitCode, InputError
from tests.test_batch import PROSE, files, make_tree

EPOCH = "1734393600"  # 2024-12-17


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """A finished batch (good and bad pages); tests copy it before changing anything."""
    root = tmp_path_factory.mktemp("batch")
    make_tree(root / "in", good=3)
    run_batch(root / "in", root / "out", runner=InlineRunner())
    return root


@pytest.fixture
def bag(batch, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    result = build_bag(batch / "out", tmp_path / "bag")
    return result.path


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def bagit_validate(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bagit", "--validate", str(path)],
                          capture_output=True, text=True, timeout=120)


def test_bag_verifies_by_us_and_by_bagit(bag):
    assert verify_bag(bag) == []
    result = invoke("verify", str(bag))
    assert result.exit_code == 0 and result.output == ""
    proc = bagit_validate(bag)
    assert proc.returncode == 0, proc.stderr
    assert "is valid" in proc.stderr


def test_bag_contents(batch, bag):
    rows = read_report(batch / "out")
    data = bag / "data"
    payload = {p.relative_to(data).as_posix() for p in data.rglob("*") if p.is_file()}
    ok = [r for r in rows if r["status"] == "ok"]
    expected = {"batch-report.jsonl", "mets.xml"}
    for row in ok:
        expected.add("source/" + row["source"])
        # the sources byte for byte, as the report says
        src = (data / "source" / row["source"]).read_bytes()
        assert src == (batch / "in" / row["source"]).read_bytes()
        assert hashlib.sha256(src).hexdigest() == row["sha256"]
        for out in row["outputs"]:
            expected.add("output/" + out["path"])
            assert (data / "output" / out["path"]).read_bytes() == (batch / "out" / out["path"]).read_bytes()
    assert payload == expected  # failed pages are not in the bag; the report lists them
    assert (data / REPORT).read_bytes() == (batch / "out" / REPORT).read_bytes()
    for name in ("manifest-sha256.txt", "manifest-sha512.txt", "tagmanifest-sha256.txt",
                 "tagmanifest-sha512.txt", "bagit.txt", "bag-info.txt"):
        assert (bag / name).is_file()
    # METS: every payload file but itself, with its role and checksum
    tree = etree.parse(str(data / "mets.xml"))
    roles = {}
    for grp in tree.iter(f"{{{METS_NS}}}fileGrp"):
        for f in grp.iter(f"{{{METS_NS}}}file"):
            href = f.find(f"{{{METS_NS}}}FLocat").get(f"{{{XLINK_NS}}}href")
            roles[href] = grp.get("USE")
            assert f.get("CHECKSUM") == hashlib.sha256((data / href).read_bytes()).hexdigest()
    assert set(roles) == payload - {"mets.xml"}
    assert {r for h, r in roles.items() if h.startswith("source/")} == {"source"}
    assert roles["output/2024-12-17/p01.tei.xml"] == "tei"
    assert roles["output/2024-12-17/p01.reading.txt"] == "text"
    assert roles["batch-report.jsonl"] == "report"
    # every file is in the structure map, under its page
    fileids = {f.get("ID") for f in tree.iter(f"{{{METS_NS}}}file")}
    pointed = {p.get("FILEID") for p in tree.iter(f"{{{METS_NS}}}fptr")}
    assert pointed == fileids


def test_bag_info(batch, bag):
    info = {}
    for line in (bag / "bag-info.txt").read_text(encoding="utf-8").splitlines():
        key, value = line.split(": ", 1)
        info.setdefault(key, []).append(value)
    assert info["Source-Organization"] == ["示例日报社"]  # the one publisher of the issues
    report = (batch / "out" / REPORT).read_bytes()
    assert info["External-Identifier"] == ["urn:sha256:" + hashlib.sha256(report).hexdigest()]
    assert info["Bagging-Date"] == ["2024-12-17"]  # SOURCE_DATE_EPOCH
    count = sum(1 for p in (bag / "data").rglob("*") if p.is_file())
    size = sum(p.stat().st_size for p in (bag / "data").rglob("*") if p.is_file())
    assert info["Payload-Oxum"] == [f"{size}.{count}"]
    assert info["DC-Title"] == ["示例日报"]
    assert info["DC-Date"] == ["2024-12-17"]
    assert info["DC-Publisher"] == ["示例日报社"]
    assert info["DC-Type"] == ["Text"]
    assert any(d.startswith("示例日报, 2024-12-17: 1 page(s)") for d in info["DC-Description"])


def test_bags_are_reproducible(batch, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    one = build_bag(batch / "out", tmp_path / "one").path
    two = build_bag(batch / "out", tmp_path / "two").path
    assert files(one) == files(two)
    # without SOURCE_DATE_EPOCH: the latest issue date
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    three = build_bag(batch / "out", tmp_path / "three")
    assert "Bagging-Date: 2024-12-17\n" in (three.path / "bag-info.txt").read_text(encoding="utf-8")
    assert not any("not reproducible" in w for w in three.warnings)


def test_no_date_at_all_is_today_with_a_warning(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "p01.txt").write_text(PROSE, encoding="utf-8")
    run_batch(tmp_path / "in", tmp_path / "out", runner=InlineRunner())
    result = build_bag(tmp_path / "out", tmp_path / "bag")
    assert any("not reproducible" in w for w in result.warnings)
    assert any("Source-Organization is 'unknown'" in w for w in result.warnings)
    assert verify_bag(result.path) == []


def _verify(bag: Path) -> tuple[int, list[str]]:
    result = invoke("verify", str(bag))
    return result.exit_code, result.stdout.splitlines()


def test_one_changed_byte_fails(bag):
    tei = bag / "data" / "output" / "2024-12-18" / "p01.tei.xml"
    data = bytearray(tei.read_bytes())
    i = data.index(b"<body>") + 2
    data[i] ^= 0x01  # <body> -> <bndy>: same size, so Payload-Oxum still agrees
    tei.write_bytes(bytes(data))
    code, lines = _verify(bag)
    assert code == ExitCode.problems_found
    assert "changed: data/output/2024-12-18/p01.tei.xml (its checksum is not the manifest's)" in lines
    assert any(line.startswith("invalid: data/output/2024-12-18/p01.tei.xml:") for line in lines)
    assert bagit_validate(bag).returncode != 0


def test_one_changed_byte_in_a_source_fails(bag):
    src = bag / "data" / "source" / "2024-12-17" / "p01.txt"
    data = bytearray(src.read_bytes())
    data[100] ^= 0x20
    src.write_bytes(bytes(data))
    code, lines = _verify(bag)
    assert code == ExitCode.problems_found
    assert lines == ["changed: data/source/2024-12-17/p01.txt (its checksum is not the manifest's)"]
    assert bagit_validate(bag).returncode != 0


def test_a_removed_file_fails(bag):
    (bag / "data" / "output" / "2024-12-18" / "p02.reading.txt").unlink()
    code, lines = _verify(bag)
    assert code == ExitCode.problems_found
    assert "missing: data/output/2024-12-18/p02.reading.txt (in the manifest, not in the bag)" in lines
    assert bagit_validate(bag).returncode != 0


def test_an_added_file_fails(bag):
    (bag / "data" / "extra.txt").write_text("added", encoding="utf-8")
    code, lines = _verify(bag)
    assert code == ExitCode.problems_found
    assert "unexpected: data/extra.txt (in the bag, not in the manifest)" in lines
    assert "unexplained: data/extra.txt (not listed in data/mets.xml)" in lines
    assert bagit_validate(bag).returncode != 0


def test_added_and_changed_are_both_reported(bag):
    (bag / "data" / "extra.txt").write_text("added", encoding="utf-8")
    src = bag / "data" / "source" / "2024-12-18" / "p01.txt"
    src.write_bytes(src.read_bytes().replace("，".encode(), "。".encode(), 1))
    _, lines = _verify(bag)
    assert any(line.startswith("unexpected: data/extra.txt") for line in lines)
    assert any(line.startswith("changed: data/source/2024-12-18/p01.txt") for line in lines)


def test_invalid_tei_with_good_checksums_fails(bag):
    """A TEI that was invalid when bagged (manifests regenerated by bagit itself)."""
    import bagit

    tei = bag / "data" / "output" / "2024-12-17" / "p01.tei.xml"
    tei.write_bytes(tei.read_bytes().replace(b"<body>", b"<body><foo/>", 1))
    bagit.Bag(str(bag)).save(manifests=True)
    code, lines = _verify(bag)
    assert code == ExitCode.problems_found
    assert any(line.startswith("invalid: data/output/2024-12-17/p01.tei.xml:") for line in lines), lines
    # bagit cannot see it: the checksums agree
    assert bagit_validate(bag).returncode == 0


def test_a_link_in_the_bag_is_reported(bag, tmp_path):
    (tmp_path / "outside.txt").write_text("x", encoding="utf-8")
    (bag / "data" / "link.txt").symlink_to(tmp_path / "outside.txt")
    _, lines = _verify(bag)
    assert "link: data/link.txt (a symbolic link: not followed)" in lines


def test_not_a_bag(tmp_path):
    (tmp_path / "nobag").mkdir()
    code, lines = _verify(tmp_path / "nobag")
    assert code == ExitCode.problems_found
    assert lines[0].startswith("bag: . is not a valid bag")


def _copy_batch(batch: Path, tmp_path: Path) -> Path:
    shutil.copytree(batch / "out", tmp_path / "out")
    return tmp_path / "out"


def _edit_report(out: Path, edit) -> None:
    rows = read_report(out)
    edit(rows)
    (out / REPORT).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                              encoding="utf-8")


@pytest.mark.parametrize("field", ["source", "output"])
def test_names_from_the_report_never_escape(batch, tmp_path, field):
    out = _copy_batch(batch, tmp_path)
    secret = tmp_path / "secret.txt"
    secret.write_text("secret", encoding="utf-8")

    def edit(rows):
        row = next(r for r in rows if r["status"] == "ok")
        if field == "source":
            row["source"] = "../../secret.txt"
        else:
            row["outputs"][0]["path"] = "../secret.txt"

    _edit_report(out, edit)
    with pytest.raises(InputError, match="unsafe path"):
        build_bag(out, tmp_path / "bag")
    assert not (tmp_path / "bag").exists()
    assert not list(tmp_path.glob(".bag.*"))  # no staging folder left


def test_links_are_not_followed_into_the_bag(batch, tmp_path):
    inp = tmp_path / "in"
    shutil.copytree(batch / "in", inp)
    out = tmp_path / "out"
    run_batch(inp, out, runner=InlineRunner())
    page = inp / "2024-12-18" / "p01.txt"
    (tmp_path / "real.txt").write_bytes(page.read_bytes())
    page.unlink()
    page.symlink_to(tmp_path / "real.txt")  # same bytes, but a link now
    with pytest.raises(InputError, match="symbolic link"):
        build_bag(out, tmp_path / "bag")
    page.unlink()
    folder = inp / "2024-12-18"
    shutil.move(folder, tmp_path / "moved")
    folder.symlink_to(tmp_path / "moved")  # a linked folder on the way
    (tmp_path / "moved" / "p01.txt").write_bytes((tmp_path / "real.txt").read_bytes())
    with pytest.raises(InputError, match="symbolic link"):
        build_bag(out, tmp_path / "bag")


def test_a_source_changed_since_the_batch_is_refused(batch, tmp_path):
    inp = tmp_path / "in"
    shutil.copytree(batch / "in", inp)
    out = tmp_path / "out"
    run_batch(inp, out, runner=InlineRunner())
    (inp / "2024-12-17" / "p01.txt").write_bytes(b"changed")
    with pytest.raises(InputError, match="changed since the batch"):
        build_bag(out, tmp_path / "bag")
    assert not (tmp_path / "bag").exists()
    # sources somewhere else: --sources
    shutil.copytree(batch / "in", tmp_path / "moved")
    assert verify_bag(build_bag(out, tmp_path / "bag", sources=tmp_path / "moved").path) == []


def test_an_existing_bag_needs_force(batch, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    result = invoke("bag", str(batch / "out"), "--bag", str(tmp_path / "bag"))
    assert result.exit_code == 0, result.output
    again = invoke("bag", str(batch / "out"), "--bag", str(tmp_path / "bag"))
    assert again.exit_code == ExitCode.bad_input
    assert "already exists" in again.output
    forced = invoke("bag", str(batch / "out"), "--bag", str(tmp_path / "bag"), "--force",
                    "--organization", "Some Library", "--identifier", "batch-0001")
    assert forced.exit_code == 0, forced.output
    info = (tmp_path / "bag" / "bag-info.txt").read_text(encoding="utf-8")
    assert "Source-Organization: Some Library\n" in info and "External-Identifier: batch-0001\n" in info
    assert verify_bag(tmp_path / "bag") == []
    assert [p.name for p in tmp_path.iterdir()] == ["bag"]  # no staging or old folder left


def test_no_report_no_bag(tmp_path):
    (tmp_path / "out").mkdir()
    result = invoke("bag", str(tmp_path / "out"), "--bag", str(tmp_path / "bag"))
    assert result.exit_code == ExitCode.bad_input
    assert "no batch report" in result.output


def test_bag_names_are_nfc(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    inp = tmp_path / "in"
    nfd = unicodedata.normalize("NFD", "café")
    (inp / nfd).mkdir(parents=True)
    (inp / nfd / "p01.txt").write_text(PROSE, encoding="utf-8")
    run_batch(inp, tmp_path / "out", runner=InlineRunner())
    bag = build_bag(tmp_path / "out", tmp_path / "bag").path
    names = {p.relative_to(bag).as_posix() for p in bag.rglob("*")}
    nfc = unicodedata.normalize("NFC", "café")
    assert f"data/source/{nfc}/p01.txt" in names and f"data/output/{nfc}/p01.tei.xml" in names
    assert all(unicodedata.is_normalized("NFC", n) for n in names)
    assert verify_bag(bag) == []
    assert bagit_validate(bag).returncode == 0


def test_editions_are_in_the_bag_with_their_role(tmp_path, monkeypatch):
    from archive.batch import Options

    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    make_tree(tmp_path / "in", good=2, bad=False)
    run_batch(tmp_path / "in", tmp_path / "out", Options(editions=("s2t",)), runner=InlineRunner())
    bag = build_bag(tmp_path / "out", tmp_path / "bag").path
    tree = etree.parse(str(bag / "data" / "mets.xml"))
    editions = [f.find(f"{{{METS_NS}}}FLocat").get(f"{{{XLINK_NS}}}href")
                for grp in tree.iter(f"{{{METS_NS}}}fileGrp") if grp.get("USE") == "edition"
                for f in grp]
    assert editions == ["output/2024-12-17/p01.zh-Hant.tei.xml", "output/2024-12-18/p01.zh-Hant.tei.xml"]
    assert verify_bag(bag) == []
    assert bagit_validate(bag).returncode == 0
