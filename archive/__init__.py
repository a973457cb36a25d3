"""archive: Chinese newspaper pages to archival TEI P5."""

__version__ = "0.1.0"

from archive.errors import ArchiveError, ExitCode, InputError  # noqa: E402
from archive.ingest import read_page  # noqa: E402
from archive.normalize import normalize  # noqa: E402
from archive.paragraphs import restore  # noqa: E402

__all__ = ["ArchiveError", "ExitCode", "InputError", "normalize", "read_page", "restore", "__version__"]
