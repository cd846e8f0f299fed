"""Helpers shared by tests and benchmarks: a GitHub-Pages-like static server, the site
build, and locating the system Chromium."""
