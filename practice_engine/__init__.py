"""The practice engine of the ML interview guide.

Runs unchanged on CPython (tests) and in Pyodide (the browser). Every public function takes
and returns plain JSON-able data, so the page and the worker exchange only JSON, and every
piece of state can be saved, exported and validated the same way. (Its version is in its
own pyproject.toml, the one place the wheel reads it from.)
"""
