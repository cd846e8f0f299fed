"""Rendering of bank entries into Markdown for pages: cards, listings and the index."""
