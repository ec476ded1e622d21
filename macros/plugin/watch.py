"""`mkdocs serve` keeps watching a folder that is removed and put back.

MkDocs watches a folder by polling its path; once the folder is gone at a poll, the watch stops for
good (watchdog's emitter ends), so a sources folder removed and copied back, swapped by a rename or
unzipped anew was never watched again and the server kept serving the last build. Removing the
folder rebuilt nothing either (MkDocs ignores events on folders).

Here the parent folder is watched as well (one level, cheap): when the folder disappears, comes
back as another folder (another inode), or its watch has ended, the folder is watched again and a
rebuild is asked for, so the site follows the folder as it is, and a missing folder is reported by
the rebuild (the plugin says so in one line and the server stays up).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from watchdog.events import FileModifiedEvent, FileSystemEvent, FileSystemEventHandler


def _identity(folder: str) -> tuple[int, int] | None:
    """Which folder stands at the path now (device, inode), links followed; None when none does."""
    try:
        info = os.stat(folder)
    except OSError:
        return None
    return (info.st_dev, info.st_ino) if os.path.isdir(folder) else None


class _FolderKeeper(FileSystemEventHandler):
    """Keeps MkDocs' watch of one folder alive across its removal and return."""

    def __init__(self, server, folder: Path) -> None:
        self.server = server
        self.folder = os.path.abspath(folder)  # as MkDocs' LiveReloadServer.watch names it
        self.seen = _identity(self.folder)

    def on_any_event(self, event: FileSystemEvent) -> None:
        touched = {os.fsdecode(event.src_path), os.fsdecode(getattr(event, "dest_path", "") or "")}
        if self.folder not in touched:
            return  # another entry of the parent folder
        now = _identity(self.folder)
        if now == self.seen and self._watched():
            return  # the same folder, still watched: MkDocs sees its changes itself
        self.seen = now
        if now is not None:
            self._rewatch()
        self._ask_rebuild()

    def _rewatch(self) -> None:
        """A new watch of the folder now at the path. MkDocs counts the watches of one path (the
        plugin's and a `watch:` entry of mkdocs.yml): each goes, then comes back."""
        count = 0
        while self._emitter() is not None:
            try:
                self.server.unwatch(self.folder)
            except KeyError:  # scheduled by someone else than MkDocs' watch(): not ours to end
                break
            count += 1
        for _ in range(max(count, 1)):
            self.server.watch(self.folder)

    def _emitter(self):
        """MkDocs' emitter for the folder (alive or ended), or None."""
        return next((e for e in list(self.server.observer.emitters)
                     if os.path.abspath(e.watch.path) == self.folder), None)

    def _watched(self) -> bool:
        emitter = self._emitter()
        return emitter is not None and emitter.is_alive()

    def _ask_rebuild(self) -> None:
        """Through MkDocs' own handler of the folder: a file event there is what makes it rebuild."""
        emitter = self._emitter()
        if emitter is not None:
            emitter.queue_event(FileModifiedEvent(self.folder))


def keep_watching(server, folders: Iterable[Path]) -> None:
    """Watch each of `folders` (already watched by `server.watch`) through its removal and return:
    `server` is MkDocs' LiveReloadServer, given to the plugins' `on_serve`."""
    for folder in folders:
        keeper = _FolderKeeper(server, Path(folder))
        server.observer.schedule(keeper, os.path.dirname(keeper.folder), recursive=False)
