"""Settings every test module shares. The hypothesis profile is loaded here, before any test module is
imported: a test's own @settings(...) copies the defaults in force when its module is imported, so a profile
loaded by one module reached only the modules collected after it (test_alternation kept hypothesis's 200 ms
deadline and failed on a loaded machine)."""

from __future__ import annotations

import os
from datetime import timedelta

from hypothesis import HealthCheck, settings

# database=None: a CI checkout gets no .hypothesis folder; the deadline is generous because the machine is
# shared (a slow example is a benchmark's business, a hang is scripts/fuzz.py's).
settings.register_profile("fast", max_examples=25, deadline=timedelta(seconds=60), database=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "fast"))
