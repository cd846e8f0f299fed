"""Every file the build adds to the site beside the pages: the JSON exports, the browser
runtime and wheels, the code editor and the joined scripts and stylesheets, the redirect
pages of moved URLs, and (written last) the service worker; plus the CSP each page
carries and the check that bank, pages and export agree.

Each step is a plain function that returns `Outputs`, a map from a site-relative path to
what goes there (text, bytes, or a file to copy). The plugin registers them all as MkDocs
files before any page is rendered, so the one list of what the site holds is MkDocs' own,
and the checks and the service worker read that list instead of the disk.
"""

from __future__ import annotations

from pathlib import Path

Outputs = dict[str, str | bytes | Path]
