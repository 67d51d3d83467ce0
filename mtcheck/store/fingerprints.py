"""The fingerprint a stored finding is keyed by.

PROVISIONAL until the CI-gate branch (issue #15) lands its fingerprints: then a finding's dict carries
"fingerprint" and that is used as is."""

from __future__ import annotations

import hashlib


def record_fingerprint(finding: dict) -> str:
    if finding.get("fingerprint"):
        return str(finding["fingerprint"])
    key = "|".join([finding["code"], str(finding.get("target_text") or finding.get("target_span")),
                    str(finding.get("source_text") or finding.get("source_span"))])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
