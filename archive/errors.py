"""Exit codes and the exceptions the library raises."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """One table for every command (README "Exit codes"; docs/errors.md)."""

    ok = 0
    problems_found = 1  # the command ran and found problems
    usage = 2  # Click's own usage errors
    bad_input = 3  # unreadable or unusable input
    invalid_output = 4  # our own output failed validation: a bug, nothing written
    missing_dependency = 5
    interrupted = 130


class ArchiveError(Exception):
    """Base class: a message that says what went wrong and what to do."""

    exit_code = ExitCode.bad_input


class InputError(ArchiveError):
    """The input cannot be read or used."""

    exit_code = ExitCode.bad_input


class ValidationFailed(ArchiveError):
    """A document we produced does not validate; nothing was written."""

    exit_code = ExitCode.invalid_output

    def __init__(self, message: str, details: list | None = None):
        super().__init__(message)
        self.details = list(details or [])


class MissingDependency(ArchiveError):
    exit_code = ExitCode.missing_dependency


class UsageError(ArchiveError):
    exit_code = ExitCode.usage
