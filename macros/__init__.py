"""Build-time Python of the site, split by job.

- `bank/`: the question bank and the coding exercises, loaded and validated.
- `render/`: Markdown and HTML for pages: cards, listings, tags, widget shells.
- `publish/`: every file the build adds to the site: the JSON exports, the browser runtime
  and wheels, the editor and script bundles, redirect pages, the CSP, the service worker.
- `plugin.py` (with `config.py`): the MkDocs plugin "guide" that runs those steps, one
  method per MkDocs event.
- `functions.py`: the template functions pages call through mkdocs-macros.

Everything below `plugin.py` and `functions.py` is plain functions that a script could
call without MkDocs.
"""
