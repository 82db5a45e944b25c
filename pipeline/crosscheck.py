"""Cross-release figure checks (baseline: to be replaced)."""

from __future__ import annotations

import pandas as pd

from pipeline.records import Check


def cross_release_checks(tables: dict[str, pd.DataFrame]) -> list[Check]:
    return []
