"""Page types of the practice loop (flashcards, mock round, dashboard) for the a11y and CSP
checks: name -> (path, setup(page) or None)."""

PAGE_TYPES: dict = {}
