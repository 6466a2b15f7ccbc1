"""Comparison across provinces and time: places after the 2025 merger, agency functions and
their successors, one document once, plan families, and the same task across provinces.

Pure computations over rows read from the database; ``pipeline.storage`` writes what they
return (``pipeline.compare.derive`` runs them after each ingest).
"""
