"""Shared pytest configuration.  Keep each concern in its own clearly marked section."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

# ---------------------------------------------------------------------------------------------------
# Hypothesis profiles
#   ci   (default): few examples, no deadline (2 shared cores; timing noise is not a failure)
#   fuzz (opt-in):  HYPOTHESIS_PROFILE=fuzz pytest tests/test_skeleton_properties.py
# ---------------------------------------------------------------------------------------------------
settings.register_profile("ci", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "fuzz", max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
