"""Entity extraction: people with titles, organisations, places, money, event dates, keywords."""

from __future__ import annotations

from .extract import extract_entities
from .pipeline import EntitiesPipeline

__all__ = ["EntitiesPipeline", "extract_entities"]
