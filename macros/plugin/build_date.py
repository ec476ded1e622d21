"""SOURCE_DATE_EPOCH from the sources while a build runs: same sources, same bytes (the sitemap's
date comes from the sources, not the clock). A value the user set is kept; ours is taken back
after the build."""

from __future__ import annotations

import calendar
import datetime as dt
import os

EPOCH_RANGE = (0, 2**32 - 1)  # what gzip (sitemap.xml.gz) can write as a timestamp


class _BuildDate:
    """SOURCE_DATE_EPOCH while a build runs. Process-wide, not per plugin instance: a build that
    never reached its end (mkdocs-macros calls exit() on a template error) must not leave its
    value to pass for the user's in the next build of the same process (`mkdocs serve`, or
    several builds in one Python process), which would keep the first build's date."""

    def __init__(self) -> None:
        self.ours: str | None = None  # the value we put there, while it is there

    def pin(self, value: str) -> None:
        current = os.environ.get("SOURCE_DATE_EPOCH")
        if current is not None and current != self.ours:
            self.ours = None
            return  # the user's own value wins
        os.environ["SOURCE_DATE_EPOCH"] = value
        self.ours = value

    def user_value(self) -> str | None:
        """SOURCE_DATE_EPOCH as the user set it: None when unset, or when the value there is ours
        (left by a build of this process that did not reach its end)."""
        current = os.environ.get("SOURCE_DATE_EPOCH")
        return None if current is None or current == self.ours else current

    def release(self) -> None:
        if self.ours is not None and os.environ.get("SOURCE_DATE_EPOCH") == self.ours:
            del os.environ["SOURCE_DATE_EPOCH"]
        self.ours = None


BUILD_DATE = _BuildDate()


def pin_build_date(newest: dt.date | None) -> None:
    """Pin the build's date to `newest`, the latest date the sources mention (None: no date)."""
    if newest is None:
        BUILD_DATE.release()
        return
    epoch = min(max(calendar.timegm(newest.timetuple()), EPOCH_RANGE[0]), EPOCH_RANGE[1])
    BUILD_DATE.pin(str(epoch))
