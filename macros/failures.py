"""The one exception base for what goes wrong while the tool runs, as opposed to what is wrong in
the sources (those are findings, macros/findings.py).

A `Failure` is expected and said to the user in one line: its message is that line, in Indonesian
(git refused, `dot` or Chromium missing, Pagefind failed, a day the user gave is not a day). Any
other exception is a bug of ours: the commands and the plugin report it in one line as an
internal error, never as a traceback."""

from __future__ import annotations

from typing import ClassVar


class Failure(Exception):
    """Something the run could not do; the message is one line for the user."""

    stops_server: ClassVar[bool] = False  # True: not even `mkdocs serve` can go on without it
