"""The `archive` command: parses options, prints, maps errors to exit codes.

All work is done by the library; nothing here decides anything about text.
"""

from __future__ import annotations

import functools
import logging
import sys
import traceback
from collections.abc import Callable
from typing import Any

import click

from archive import __version__
from archive.errors import ArchiveError, ExitCode

log = logging.getLogger("archive")


def _handle_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn library errors into one line on stderr and an exit code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        ctx = click.get_current_context()
        verbose = ctx.find_root().params.get("verbose", 0)
        try:
            return func(*args, **kwargs)
        except ArchiveError as e:
            if verbose:  # the traceback, but still the exit code of the table
                click.echo(traceback.format_exc(), err=True, nl=False)
            click.echo(f"archive: error: {e}", err=True)
            for detail in getattr(e, "details", [])[:20]:
                click.echo(f"  {detail}", err=True)
            ctx.exit(int(e.exit_code))
        except KeyboardInterrupt:
            click.echo("archive: interrupted", err=True)
            ctx.exit(int(ExitCode.interrupted))
        except BrokenPipeError:
            sys.stderr.close()
            ctx.exit(int(ExitCode.ok))

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="archive")
@click.option("-v", "--verbose", count=True, help="Debug logs, and tracebacks on errors.")
@click.option("-q", "--quiet", is_flag=True, help="Print errors only.")
def cli(verbose: int, quiet: bool) -> None:
    """Turn Chinese newspaper pages into validated TEI P5.

    \b
    Exit codes: 0 ok; 1 problems found; 2 usage error; 3 bad input;
    4 our own output failed validation (nothing written); 5 missing
    dependency; 130 interrupted.

    \b
    Example:
        archive convert seeds/000_b96cb40543454e04.txt -o out/
    """
    level = logging.DEBUG if verbose else logging.ERROR if quiet else logging.WARNING
    logging.basicConfig(level=level, format="archive: %(levelname)s: %(message)s")


def _encoding_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--encoding",
        metavar="NAME",
        help="Input encoding when detection cannot tell (e.g. gbk, big5).",
    )(func)


def _read(page: str, encoding: str | None):
    from archive.ingest import read_page
    from archive.normalize import normalize

    return normalize(read_page(page, encoding))


@cli.command("normalize")
@click.argument("page")
@_encoding_option
@click.option("--explain", is_flag=True, help="List every edit instead of the text.")
@_handle_errors
def normalize_cmd(page: str, encoding: str | None, explain: bool) -> None:
    """Print the normalized text of PAGE (a text file, or - for stdin).

    \b
    Example:
        archive normalize seeds/000_b96cb40543454e04.txt --explain
    """
    from archive.normalize import normalized_text

    doc = _read(page, encoding)
    if explain:
        for e in doc.edits:
            click.echo(f"{e.line}:{e.column}\t{e.offset}\t{e.rule}\t{e.before!r} -> {e.after!r}")
        log.info("%d edits", len(doc.edits))
    else:
        click.echo(normalized_text(doc), nl=False)


@cli.command("paragraphs")
@click.argument("page")
@_encoding_option
@_handle_errors
def paragraphs_cmd(page: str, encoding: str | None) -> None:
    """Print PAGE with its paragraphs restored: one block (paragraph or heading) a line.

    Pages of a multi-page input are separated by a form feed line.

    \b
    Example:
        archive paragraphs seeds/000_b96cb40543454e04.txt
    """
    from archive.paragraphs import restore

    pages = restore(_read(page, encoding))
    for i, blocks in enumerate(pages):
        if i:
            click.echo("\f")
        for block in blocks:
            click.echo(block.text)


def _html_options(func: Callable[..., Any]) -> Callable[..., Any]:
    func = click.option("--no-images", "no_images", is_flag=True,
                        help="With --html: do not draw PDF pages (no pdftoppm needed).")(func)
    return click.option("--html", metavar="SITE_DIR", type=click.Path(file_okay=False),
                        help="Also write a static reading site of the outputs there (docs/html.md).")(func)


def _metadata_options(func: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.option("--metadata", "metadata_file", type=click.Path(dir_okay=False),
                     help="Sidecar metadata file (TOML, see docs/metadata.md)."),
        click.option("--newspaper", help="Newspaper title."),
        click.option("--date", help="Issue date, YYYY-MM-DD."),
        click.option("--page-label", "page_label", help="Printed page number or label."),
        click.option("--issue-edition", "issue_edition", help="Edition of the issue (city edition, issue number ...)."),
        click.option("--publisher", help="Publisher."),
        click.option("--place", help="Place of publication."),
        click.option("--rights", help="Rights statement for the transcription."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _metadata(page: str, options: dict[str, Any]):
    """A page's metadata: its sidecars, then --metadata FILE, then the options."""
    from archive.metadata import for_page

    meta = for_page(page, options.pop("metadata_file", None))
    return meta.merged(_given_metadata(options))


_CONFIG_NAMES = ["s2t", "s2tw", "s2twp", "s2hk", "s2hkp", "t2s", "tw2s", "tw2sp", "hk2s", "hk2sp",
                 "t2tw", "t2hk", "tw2t", "hk2t", "t2jp", "jp2t"]


def _edition_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Options shared by `edition` and `convert --edition` (docs/editions.md)."""
    options = [
        click.option("--profile", type=click.Choice(["newspaper"]),
                     help="Shipped phrase fixes on top of OpenCC (opt-in), e.g. newspaper."),
        click.option("--overrides", type=click.Path(dir_okay=False),
                     help="TSV file of phrase pairs (source<TAB>target) applied on top of OpenCC."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


@cli.command("convert")
@click.argument("pages", nargs=-1, required=True)
@click.option("-o", "--output", "outdir", required=True, type=click.Path(file_okay=False),
              help="Folder for the TEI files (created if missing).")
@_encoding_option
@_metadata_options
@click.option("--edition", "editions", multiple=True, type=click.Choice(_CONFIG_NAMES), metavar="CONFIG",
              help="Also write the OpenCC CONFIG edition (s2t, s2tw, t2s ...) as "
                   "<name>.<xml:lang>.tei.xml; repeatable.")
@_edition_options
@click.option("--password", metavar="PASSWORD", help="Password of encrypted PDFs.")
@_html_options
@click.option("--keep-going", "keep_going", is_flag=True,
              help="Leave out the pages of a PDF that cannot be used, report them and convert the "
                   "others (exit 1 when a page was left out).")
@_handle_errors
def convert_cmd(pages: tuple[str, ...], outdir: str, encoding: str | None, editions: tuple[str, ...],
                profile: str | None, overrides: str | None, password: str | None, keep_going: bool,
                html: str | None, no_images: bool, **options: Any) -> None:
    """Convert PAGES to TEI P5: OUTDIR/<name>.tei.xml for each page.

    A page is a text file or a PDF (one page or a whole issue: one TEI
    document for the PDF, read from the position and type size of its
    text; docs/pdf.md).

    Every document is validated against the project schema before it is
    written; an invalid one is an error (exit 4) and nothing is written.
    If any page cannot be read, nothing is written (exit 3).

    With --edition CONFIG, each page's script edition is written beside it
    (docs/editions.md); a page whose text is not in the config's input
    script is refused (exit 3). With --html SITE_DIR, a reading site of the
    pages written is made there too (see `archive html`).

    \b
    Example:
        archive convert seeds/000_b96cb40543454e04.txt -o out/ --newspaper 昌吉日报
        archive convert seeds/000_b96cb40543454e04.txt -o out/ --edition s2t --edition s2twp
        archive convert seeds/000_b96cb40543454e04.txt -o out/ --edition s2t --html site/
    """
    from pathlib import Path

    from archive.pipeline import convert, output_name, write_atomic

    names = [output_name(page) for page in pages]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise click.UsageError(f"two pages would both be written as {twice[0]}; convert them into separate folders")
    edition_options = []
    if editions:
        from archive.edition import CONFIGS, Options

        langs: dict[str, str] = {}
        for config in dict.fromkeys(editions):
            lang = CONFIGS[config][0]
            if lang in langs:
                raise click.UsageError(
                    f"--edition {langs[lang]} and --edition {config} would both be written as "
                    f"<name>.{lang}.tei.xml; give one config per language"
                )
            langs[lang] = config
        edition_options = [Options(config, profile=profile, overrides=overrides) for config in langs.values()]
    elif profile or overrides:
        raise click.UsageError("--profile and --overrides apply to editions; give --edition CONFIG too")
    results = []
    for page in pages:
        meta = _metadata(page, dict(options))
        result = convert(page, meta, encoding, password=password, keep_going=keep_going)
        results.append((Path(outdir) / output_name(page), result))
    written = []
    for path, result in results:
        written.append((path, result.data))
        for opts in edition_options:
            from archive.edition import edition_name, make_edition

            ed = make_edition(result.data, opts, name=path.name)
            written.append((path.with_name(edition_name(path.name, ed.lang)), ed.data))
    for path, result in results:
        articles = sum(1 for p in result.pages for n in p if n.kind == "article")
        log.info("%s: %d articles", path, articles)
    for path, data in written:
        write_atomic(path, data)
        if not click.get_current_context().find_root().params.get("quiet"):
            click.echo(str(path))
    if html:
        from archive.html import build_site

        _site_done(build_site([p for p, _ in written], html, sources=pages, images=not no_images, check=False))
    left_out = [problem for _, result in results for problem in result.problems]
    for problem in left_out:  # --keep-going: the pages of a PDF that were left out
        click.echo(f"archive: error: {problem} (page left out)", err=True)
    if left_out:
        click.get_current_context().exit(int(ExitCode.problems_found))


@cli.command("edition")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--config", required=True, type=click.Choice(_CONFIG_NAMES), metavar="CONFIG",
              help="OpenCC config: " + ", ".join(_CONFIG_NAMES) + ".")
@click.option("-o", "--output", "out", type=click.Path(),
              help="Output file, or an existing folder, or - for stdout "
                   "(default: <name>.<xml:lang>.tei.xml beside FILE).")
@_edition_options
@click.option("--from", "source_script", type=click.Choice(["auto", "any", "hans", "hant"]), default="auto",
              show_default=True,
              help="Script of the input: auto detects it and refuses a conversion that makes no sense "
                   "(exit 3); any skips the check.")
@click.option("--names", "names_file", type=click.Path(dir_okay=False),
              help="TSV file of extra whole names (direction s2t|t2s, source, target).")
@click.option("--name-rules/--no-name-rules", default=True, show_default=True,
              help="Convert persName text by the name rules (surnames, names list).")
@click.option("--tofu-risk/--no-tofu-risk", "tofu", default=True, show_default=True,
              help="OpenCC's include_tofu_risk_dictionaries (rare characters fonts may lack).")
@click.option("--report", type=click.Path(dir_okay=False),
              help="Write the characters with several possible targets (TSV) to this file.")
@_handle_errors
def edition_cmd(file: str, config: str, out: str | None, profile: str | None, overrides: str | None,
                source_script: str, names_file: str | None, name_rules: bool, tofu: bool,
                report: str | None) -> None:
    """Write the OpenCC CONFIG script edition of the TEI document FILE.

    Only the character data of <text> changes; every element, attribute
    and xml:id stays, and the header records the source (name, sha256),
    OpenCC (version, config, options), the profile and the overrides. The
    edition is validated before it is written (docs/editions.md).

    \b
    Example:
        archive edition out/000_b96cb40543454e04.tei.xml --config s2t --report amb.tsv
    """
    from pathlib import Path

    from archive.edition import Options, edition_name, edition_of_file, report_text
    from archive.pipeline import write_atomic

    opts = Options(config, tofu=tofu, names=name_rules, profile=profile, overrides=overrides,
                   names_file=names_file, source_script=source_script)
    ed = edition_of_file(file, opts, report=bool(report))
    if out == "-":
        sys.stdout.buffer.write(ed.data)
        sys.stdout.flush()
    else:
        target = Path(file).with_name(edition_name(file, ed.lang)) if out is None else Path(out)
        if target.is_dir():
            target = target / edition_name(file, ed.lang)
        if target.resolve() == Path(file).resolve():
            raise click.UsageError(f"{target} is the input file; give another -o")
        write_atomic(target, ed.data)
        if not click.get_current_context().find_root().params.get("quiet"):
            click.echo(str(target))
    if report:
        write_atomic(report, report_text(ed.ambiguities).encode("utf-8"))
        log.info("%s: %d ambiguous characters", report, len(ed.ambiguities))


@cli.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--schema", type=click.Path(dir_okay=False, exists=True),
              help="A RELAX NG schema (.rng) instead of the project schema, e.g. tei_all.rng.")
@_handle_errors
def validate_cmd(files: tuple[str, ...], schema: str | None) -> None:
    """Validate FILES against the project schema (RELAX NG + Schematron) or --schema.

    Prints FILE:LINE:COL: MESSAGE for each problem; exit 1 when any file is
    invalid. External entities and the network are never used.

    \b
    Example:
        archive validate out/000_b96cb40543454e04.tei.xml --schema tei_all.rng
    """
    from archive.errors import InputError
    from archive.validate import validate_file

    bad = unreadable = 0
    for name in files:
        try:
            problems = validate_file(name, schema)
        except InputError as e:
            click.echo(f"archive: error: {e}", err=True)
            unreadable += 1
            continue
        for problem in problems:
            click.echo(f"{name}:{problem}")
        if problems:
            bad += 1
        else:
            log.info("%s: valid", name)
    if bad or unreadable:
        click.echo(f"archive: {bad} of {len(files)} files invalid, {unreadable} unreadable", err=True)
        code = ExitCode.bad_input if unreadable else ExitCode.problems_found
        click.get_current_context().exit(int(code))


@cli.command("text")
@click.argument("file", type=click.Path(dir_okay=False))
@_handle_errors
def text_cmd(file: str) -> None:
    """Print the reading text of a TEI FILE: articles, headlines, bylines, paragraphs.

    \b
    Example:
        archive text out/000_b96cb40543454e04.tei.xml
    """
    from archive.reading import reading_text

    click.echo(reading_text(file), nl=False)


@cli.command("html")
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", "outdir", required=True, type=click.Path(file_okay=False),
              help="Folder for the site (created if missing).")
@click.option("--sources", multiple=True, type=click.Path(exists=True), metavar="PATH",
              help="Source PDFs, or folders holding them, for the page pictures; repeatable.")
@click.option("--no-images", "no_images", is_flag=True, help="Do not draw PDF pages (no pdftoppm needed).")
@_handle_errors
def html_cmd(files: tuple[str, ...], outdir: str, sources: tuple[str, ...], no_images: bool) -> None:
    """Write a static reading site for TEI FILES (or folders of them) into OUTDIR.

    OUTDIR/index.html lists the issues and pages; each page gets a reading
    view per edition (the editions of a page are found beside it, and
    switching keeps the reader's place) and a check view: the source lines
    beside the blocks made of them, the normalization edits, and for a PDF
    the page drawn by pdftoppm with the columns, blocks and reading order
    over it (docs/html.md). Each file is validated first.

    \b
    Example:
        archive html out/*.tei.xml -o site/
        archive html out/ -o site/ --sources pages/
    """
    from archive.html import build_site, tei_files

    paths, root = tei_files(files)
    site = build_site(paths, outdir, root=root, sources=sources, images=not no_images)
    _site_done(site)


def _site_done(site) -> None:
    for warning in site.warnings:
        click.echo(f"archive: warning: {warning}", err=True)
    pages = sum(len(p.docs) for p in site.pages)
    if not click.get_current_context().find_root().params.get("quiet"):
        n = len(site.pages)
        click.echo(f"{site.root / 'index.html'} ({n} page{'s' if n != 1 else ''}, {pages} reading views)")


def _given_metadata(options: dict[str, Any]):
    """The metadata given as options (they win over sidecar files)."""
    from archive.metadata import Metadata, valid_date

    given = Metadata(
        newspaper=options.pop("newspaper", None),
        date=options.pop("date", None),
        page=options.pop("page_label", None),
        edition=options.pop("issue_edition", None),
        publisher=options.pop("publisher", None),
        place=options.pop("place", None),
        rights=options.pop("rights", None),
    )
    if given.date and not valid_date(given.date):
        raise click.BadParameter(f"{given.date!r} is not a date written YYYY-MM-DD", param_hint="--date")
    return given


@cli.command("batch")
@click.argument("input_dir", type=click.Path(file_okay=False, exists=True))
@click.option("-o", "--output", "outdir", required=True, type=click.Path(file_okay=False),
              help="Folder for the outputs and the report (created if missing).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N",
              help="Worker processes (default: the number of CPUs).")
@click.option("--force", is_flag=True, help="Convert every page again, even when up to date.")
@click.option("--edition", "editions", multiple=True, metavar="CONFIG",
              help="Also write an OpenCC edition of every page (s2t, s2tw, s2hk, t2s ...); repeatable.")
@_encoding_option
@click.option("--metadata", "metadata_file", type=click.Path(dir_okay=False),
              help="Metadata file (TOML) for every page, over the sidecars (docs/metadata.md).")
@click.option("--newspaper", help="Newspaper title (over the sidecars).")
@click.option("--date", help="Issue date, YYYY-MM-DD (over the sidecars).")
@click.option("--issue-edition", "issue_edition", help="Edition of the issue (over the sidecars).")
@click.option("--publisher", help="Publisher (over the sidecars).")
@click.option("--place", help="Place of publication (over the sidecars).")
@click.option("--rights", help="Rights statement (over the sidecars).")
@_html_options
@_handle_errors
def batch_cmd(input_dir: str, outdir: str, jobs: int | None, force: bool, editions: tuple[str, ...],
              encoding: str | None, metadata_file: str | None, html: str | None, no_images: bool,
              **options: Any) -> None:
    """Convert every page under INPUT_DIR (*.txt, *.pdf) into OUTDIR, mirroring its folders.

    INPUT_DIR/2024-12-17/p02.txt gives OUTDIR/2024-12-17/p02.tei.xml and its
    reading text p02.reading.txt, and one OpenCC edition per --edition
    CONFIG. Pages whose outputs are up to date (same
    input, metadata, options and archive) are skipped. A page that fails is
    reported and the run goes on; OUTDIR/batch-report.jsonl lists every page.
    Exit 1 when some pages failed. See docs/batch.md.

    \b
    Example:
        archive batch pages/ -o out/ --jobs 4 --edition s2t --html site/
    """
    import sys

    from archive.batch import Options, run_batch

    meta = _given_metadata(options)
    opts = Options(encoding=encoding, metadata=meta, metadata_file=metadata_file, editions=editions)
    quiet = click.get_current_context().find_root().params.get("quiet")
    bar_state: dict[str, Any] = {}

    def echo(line: str) -> None:
        click.echo(f"archive: {line}", err=True)

    def progress(result, done: int, total: int, failed: int) -> None:
        row = result.row
        bar = bar_state.get("bar")
        if bar is not None:
            bar_state["failed"] = failed
            bar.update(1)
            return
        if result.done == "failed":
            echo(f"[{done}/{total}] failed {row['source']}: {row['error']}")
        elif not quiet:
            warnings = "".join(f"; warning: {w['code']}" for w in row["warnings"])
            echo(f"[{done}/{total}] {result.done} {row['source']} ({result.seconds:.2f} s{warnings})")

    def start(total: int) -> None:  # a progress bar on a terminal, log lines otherwise
        if sys.stderr.isatty() and not quiet:
            bar = click.progressbar(length=total, label="pages", file=sys.stderr, show_eta=True,
                                    show_pos=True, item_show_func=lambda _: f"{bar_state.get('failed', 0)} failed")
            bar.__enter__()
            bar_state["bar"] = bar

    try:
        summary = run_batch(input_dir, outdir, opts, force=force, jobs=jobs, progress=progress, on_start=start)
    finally:
        if "bar" in bar_state:
            bar_state["bar"].__exit__(None, None, None)
    if "bar" in bar_state:
        for source, reason in summary.failed:
            echo(f"failed {source}: {reason}")
    if not quiet:
        echo(f"{summary.total} pages: {summary.converted} converted, {summary.up_to_date} up to date, "
             f"{len(summary.failed)} failed, {summary.warned} with warnings ({summary.seconds:.1f} s); "
             f"report: {summary.report}")
    if html:
        from archive.batch import site_files
        from archive.html import build_site

        files = site_files(outdir)
        if files:
            _site_done(build_site(files, html, root=outdir, sources=[input_dir], images=not no_images, check=False))
    if summary.failed:
        click.get_current_context().exit(int(ExitCode.problems_found))


@cli.command("bag")
@click.argument("outdir", type=click.Path(file_okay=False, exists=True))
@click.option("--bag", "bag_dir", required=True, type=click.Path(file_okay=False),
              help="The bag folder to create (must not exist, unless --force).")
@click.option("--sources", type=click.Path(file_okay=False, exists=True),
              help="Where the pages are now, when INPUT_DIR moved since the batch.")
@click.option("--organization", help="Source-Organization (default: the publisher of the issues).")
@click.option("--identifier", help="External-Identifier (default: urn:sha256: of the batch report).")
@click.option("--force", is_flag=True, help="Replace BAG_DIR if it exists.")
@_handle_errors
def bag_cmd(outdir: str, bag_dir: str, sources: str | None, organization: str | None,
            identifier: str | None, force: bool) -> None:
    """Build a BagIt bag in BAG_DIR from the output of `archive batch` in OUTDIR.

    data/ holds every page source (byte for byte, checked against the batch
    report), its TEI, editions and reading text, the batch report and
    mets.xml, which names the role of every file. sha256 and sha512 manifests. See docs/batch.md.

    \b
    Example:
        archive bag out/ --bag bags/2024-12-17
    """
    from archive.bag import build_bag

    result = build_bag(outdir, bag_dir, sources=sources, organization=organization,
                       identifier=identifier, force=force)
    for warning in result.warnings:
        log.warning("%s", warning)
    if not click.get_current_context().find_root().params.get("quiet"):
        click.echo(str(result.path))


@cli.command("verify")
@click.argument("bag_dir", type=click.Path(file_okay=False, exists=True))
@_handle_errors
def verify_cmd(bag_dir: str) -> None:
    """Check a bag: every file present and unchanged, nothing unexpected, every TEI valid.

    Prints one problem a line (missing, changed, unexpected, unexplained,
    invalid, bag); exit 1 when there is any.

    \b
    Example:
        archive verify bags/2024-12-17
    """
    from archive.bag import verify_bag

    problems = verify_bag(bag_dir)
    for problem in problems:
        click.echo(problem)
    if problems:
        click.echo(f"archive: {bag_dir}: {len(problems)} problem(s)", err=True)
        click.get_current_context().exit(int(ExitCode.problems_found))
    log.info("%s: valid", bag_dir)


def main() -> None:
    cli(prog_name="archive")
