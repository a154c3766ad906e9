"""The one registry of source languages skeldsl knows.

Every language is one row of ``_TABLE``: its name, the file extensions that select it, the grammar wheel
that parses it (tree-sitter, official per-language wheels that bundle compiled grammars) and the module
under ``skeldsl.extractors`` that turns its trees into IR.  Nothing else in the code base lists languages:
the CLI, the mining strategies and the tests all read this table.

Grammar modules are imported lazily, so ``import skeldsl.languages`` costs nothing at start-up.
"""

from __future__ import annotations

import functools
import importlib
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING

from skeldsl.errors import UnknownLanguageError, UnsupportedError

if TYPE_CHECKING:  # pragma: no cover
    import tree_sitter


@dataclass(frozen=True)
class Language:
    """One supported source language.

    ``grammar`` is ``"module:function"`` of the tree-sitter grammar wheel, e.g.
    ``"tree_sitter_java:language"``; ``extractor`` is the module under ``skeldsl.extractors``.
    """

    name: str
    extensions: tuple[str, ...]
    grammar: str
    extractor: str
    aliases: tuple[str, ...] = ()

    def ts_language(self) -> "tree_sitter.Language":
        """The compiled tree-sitter grammar (cached per process)."""
        return _ts_language(self.grammar)

    def ts_parser(self) -> "tree_sitter.Parser":
        """A fresh tree-sitter parser for this language (parsers are not thread-safe; make one per use)."""
        import tree_sitter

        return tree_sitter.Parser(self.ts_language())

    def extractor_module(self):
        """The extractor module (``skeldsl.extractors.<name>``); it defines ``extract(source, path)``."""
        module_name = f"skeldsl.extractors.{self.extractor}"
        try:
            return importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name != module_name:
                raise
            raise UnsupportedError(f"no extractor for {self.name} is installed") from None


@functools.lru_cache(maxsize=None)
def _ts_language(grammar: str) -> "tree_sitter.Language":
    import tree_sitter

    module_name, function_name = grammar.split(":")
    module = importlib.import_module(module_name)
    return tree_sitter.Language(getattr(module, function_name)())


_TABLE: tuple[Language, ...] = (
    Language("python", (".py",), "tree_sitter_python:language", "python", ("py", "python3")),
    Language("java", (".java",), "tree_sitter_java:language", "java"),
    Language("cpp", (".cpp", ".cc", ".cxx", ".hpp", ".hh"), "tree_sitter_cpp:language", "cpp", ("c++",)),
    Language("c", (".c", ".h"), "tree_sitter_c:language", "c"),
    Language("javascript", (".js", ".mjs", ".cjs"), "tree_sitter_javascript:language", "javascript", ("js",)),
    Language("typescript", (".ts",), "tree_sitter_typescript:language_typescript", "typescript", ("ts",)),
    Language("go", (".go",), "tree_sitter_go:language", "go", ("golang",)),
    Language("rust", (".rs",), "tree_sitter_rust:language", "rust", ("rs",)),
    Language("csharp", (".cs",), "tree_sitter_c_sharp:language", "csharp", ("c#", "cs")),
    Language("kotlin", (".kt", ".kts"), "tree_sitter_kotlin:language", "kotlin", ("kt",)),
    Language("swift", (".swift",), "tree_sitter_swift:language", "swift"),
)


def _build_indexes(table: tuple[Language, ...]) -> tuple[dict[str, Language], dict[str, Language]]:
    """Index by name/alias and by extension, rejecting any duplicate so the table cannot drift."""
    by_name: dict[str, Language] = {}
    by_extension: dict[str, Language] = {}
    for language in table:
        for key in (language.name, *language.aliases):
            if key in by_name:
                raise ValueError(f"language name {key!r} registered twice")
            by_name[key] = language
        for extension in language.extensions:
            if extension in by_extension:
                raise ValueError(f"extension {extension!r} registered twice")
            by_extension[extension] = language
    return by_name, by_extension


_BY_NAME, _BY_EXTENSION = _build_indexes(_TABLE)


def all_languages() -> tuple[Language, ...]:
    """Every registered language, in table order."""
    return _TABLE


def get_language(name: str) -> Language:
    """Look a language up by name or alias (case-insensitive)."""
    try:
        return _BY_NAME[name.strip().lower()]
    except KeyError:
        known = ", ".join(language.name for language in _TABLE)
        raise UnknownLanguageError(f"unknown language {name!r} (known: {known})") from None


def language_for_path(path: str | PurePath) -> Language:
    """The language a file's extension selects."""
    suffix = PurePath(path).suffix.lower()
    try:
        return _BY_EXTENSION[suffix]
    except KeyError:
        raise UnknownLanguageError(
            f"cannot tell the language of {str(path)!r} from its extension {suffix or '(none)'!r}; "
            "pass --lang"
        ) from None
