"""Testing helpers for skeldsl users and its own test suite: hypothesis strategies (public API)."""

from skeldsl.testing.strategies import grammar_texts, skeleton_texts, skeletons

__all__ = ["grammar_texts", "skeleton_texts", "skeletons"]
