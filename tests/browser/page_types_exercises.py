"""Page types of the coding exercises for the a11y and CSP checks:
name -> (path, setup(page) or None)."""

PAGE_TYPES: dict = {}
