""""Today" for the review rules: the build date, which can be fixed so that two builds on
different days give the same findings and the same site.

In order: the day the user asks for (`sop check --tanggal`, the plugin's `tanggal` option), the
user's SOURCE_DATE_EPOCH (seconds since 1970, UTC; the reproducible-builds convention), the clock
(the day in UTC)."""

from __future__ import annotations

import datetime as dt
import re

from ..failures import Failure

SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH"
DAY_FORM = "TTTT-BB-HH, mis. 2026-12-01"


class BadDay(Failure, ValueError):
    """A fixed day that cannot be read; the message is for the user."""


def parse_day(value: object, what: str = "tanggal") -> dt.date:
    """A full calendar day, written TTTT-BB-HH (or a date YAML already read as one)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise BadDay(f"{what} '{text}' tidak ada di kalender") from None
    raise BadDay(f"{what} '{text}' tidak dikenali; tulis {DAY_FORM}")


def epoch_day(value: str) -> dt.date:
    """The UTC day of a SOURCE_DATE_EPOCH value."""
    text = value.strip()
    if not re.fullmatch(r"\d{1,12}", text):
        raise BadDay(f"{SOURCE_DATE_EPOCH} '{value}' bukan jumlah detik sejak 1970 (bilangan bulat tidak negatif)")
    try:
        return dt.datetime.fromtimestamp(int(text), dt.timezone.utc).date()
    except (OverflowError, OSError, ValueError):
        raise BadDay(f"{SOURCE_DATE_EPOCH} '{value}' di luar rentang tanggal") from None


def build_day(fixed: object = None, epoch: str | None = None, what: str = "tanggal") -> dt.date:
    """The day the review rules judge by: `fixed` (an option), else `epoch` (the user's
    SOURCE_DATE_EPOCH, never one the build set itself), else today's date in UTC."""
    if fixed is not None:
        return parse_day(fixed, what)
    if epoch is not None and epoch.strip():
        return epoch_day(epoch)
    return dt.datetime.now(dt.timezone.utc).date()
