"""SOP-as-code: SOP sources -> validated model -> official pages.

mkdocs-macros loads this package (`modules: [macros]` in mkdocs.yml) and calls `define_env`.
"""

__version__ = "0.1.0"


def define_env(env):  # mkdocs-macros entry point
    from .site.macros import define_env as _define

    _define(env)
