"""Every error skeldsl reports, one class per diagnostic with a stable ``kind``.

Errors carry the file, line and column they concern and serialise to the same record shape everywhere
(``to_record``), so batch jobs can write them as output records and worker processes can send them back
(they pickle: all state lives in keyword arguments that ``__reduce__`` replays).
"""

from __future__ import annotations

from typing import Any


class SkelError(Exception):
    """Base class. ``kind`` is the stable code written into error records."""

    kind = "error"

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
        context: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.context = context

    def __reduce__(self):
        return (_rebuild, (type(self), self.message, self.path, self.line, self.column, self.context))

    def with_path(self, path: str | None) -> "SkelError":
        """The same error, naming ``path`` (extractors do not know the file name; callers do)."""
        return type(self)(self.message, path=path, line=self.line, column=self.column, context=self.context)

    def __str__(self) -> str:
        where = self.path or "<input>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        text = f"{where}: {self.kind}: {self.message}"
        if self.context:
            text += "\n" + self.context
        return text

    def to_record(self) -> dict[str, Any]:
        """The ``error`` object of an output record."""
        return {"kind": self.kind, "message": self.message, "line": self.line, "column": self.column}


def _rebuild(cls, message, path, line, column, context):
    return cls(message, path=path, line=line, column=column, context=context)


class UnknownLanguageError(SkelError):
    kind = "unknown_language"


class SourceSyntaxError(SkelError):
    """The source program does not parse."""

    kind = "syntax_error"


class SourceDecodeError(SkelError):
    """The input is not text in a supported encoding (binary, invalid UTF-8, NUL bytes)."""

    kind = "decode_error"


class InputTooLargeError(SkelError):
    kind = "too_large"


class NestingTooDeepError(SkelError):
    kind = "too_deep"


class UnsupportedError(SkelError):
    """The request is valid but this language or construct is not supported by the operation."""

    kind = "unsupported"


class SkeletonSyntaxError(SkelError):
    """Skeleton text that does not follow the grammar."""

    kind = "skeleton_syntax"


class SkeletonValidationError(SkelError):
    """A skeleton model object that breaks an invariant (raised at construction)."""

    kind = "skeleton_invalid"


class InternalError(SkelError):
    """A bug in skeldsl, caught at the record boundary so a batch keeps going."""

    kind = "internal"


class EvalRecordError(SkelError):
    """An evaluation input record is malformed (missing fields, wrong types, unknown test kind)."""

    kind = "bad_eval_record"


class ExecutionError(SkelError):
    """A program failed while being run for measurement (raised, timed out, hit a memory/output limit)."""

    kind = "execution_error"


class RenderError(SkelError):
    """A skeleton a language's renderer cannot write (outside its capabilities, or no renderer)."""

    kind = "render"


def caret_context(text: str, line: int, column: int) -> str:
    """The offending line and a caret under ``column`` (both 1-based)."""
    lines = text.splitlines()
    if not 1 <= line <= len(lines):
        return ""
    source_line = lines[line - 1]
    return f"  {source_line}\n  {' ' * max(column - 1, 0)}^"
