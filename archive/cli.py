"""The `archive` command: parses options, prints, maps errors to exit codes.

All work is done by the library; nothing here decides anything about text.
"""

from __future__ import annotations

import functools
import logging
import sys
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
            if verbose:
                raise
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


def main() -> None:
    cli(prog_name="archive")
