"""Git as the same program on every machine, run the one way every reader of git here runs it.

No system configuration, the user's settings that would change the output overridden
(log.showSignature, diff.relative, quoted names), no translated messages, never a prompt or a
pager, no index lock taken. The user's own configuration is kept for what only lets git read the
repository at all (safe.directory). Nothing here fails: whatever went wrong, the caller gets None
and says what it means in its own terms (a history that is not available, a revision by hash).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

GIT_TIMEOUT = 60.0  # seconds; a git that hangs (a network filesystem, a lock) must not hang the build
GIT_ENV = {
    "LC_ALL": "C",
    "LANGUAGE": "C",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_TERMINAL_PROMPT": "0",
    "GIT_OPTIONAL_LOCKS": "0",
    "GIT_PAGER": "cat",
    "PAGER": "cat",
}
GIT_OPTIONS = ("-c", "log.showSignature=false", "-c", "diff.relative=false", "-c", "core.quotePath=false", "--no-pager")


def run_git(args: list[str], cwd: Path | None, data: bytes | None = None) -> bytes | None:
    """Git's output, or None whatever went wrong (nothing reaches the user's terminal). `data`: what
    git reads on its standard input (nothing when None)."""
    try:
        done = subprocess.run(
            ["git", *GIT_OPTIONS, *args], cwd=cwd, env=os.environ | GIT_ENV,
            input=data, stdin=None if data is not None else subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, timeout=GIT_TIMEOUT, check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    return done.stdout
