"""Helpers shared by the tests and the benchmarks, and by nothing the site ships: a static
server that behaves like GitHub Pages, the site build, the system programs the suite needs
(Chromium, Java), Python inside Pyodide under Node, the service worker of a site changed
after its build, and the labelled answers that score answer feedback. It imports nothing
from tests/ or benchmarks/."""
