"""Build-time Python for the site.

MkDocs-macros imports this package and calls `define_env`. The import of the glue is
deferred so that `macros.bank` and the renderers stay importable from plain scripts and
tests without MkDocs machinery.
"""


def define_env(env) -> None:
    from .mkdocs_glue import register

    register(env)
