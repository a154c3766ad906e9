"""Testing helpers for skeldsl users and its own test suite (public API): hypothesis strategies and
round-trip assertions."""

from skeldsl.testing.assertions import assert_model_round_trip, assert_round_trip
from skeldsl.testing.strategies import canonical_skeletons, grammar_texts, programs, skeleton_texts, skeletons

__all__ = ["assert_model_round_trip", "assert_round_trip", "canonical_skeletons", "grammar_texts", "programs",
           "skeleton_texts", "skeletons"]
