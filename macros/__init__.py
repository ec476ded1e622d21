"""SOP-as-code: SOP sources -> validated model -> official pages.

The mkdocs plugin `sop` (plugin/plugin.py) builds the site; it registers the macros of the
hand-written pages with mkdocs-macros itself (site/macros.py).
"""

__version__ = "0.1.0"


def define_env(env):  # mkdocs-macros entry point
    """Nothing to define: kept so that a mkdocs.yml naming this package under mkdocs-macros'
    `modules` (as earlier versions asked) still loads."""
