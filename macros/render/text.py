"""Indonesian formatting of dates, times and numbers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterable

from ..model.base import MONTHS, PartialDate
from ..model.duration import Duration, TimeUnit



NOT_SET = "belum ditetapkan"  # a draft's nomor, date or signer
NO_VALUE = "—"  # a draft step's waktu or output


def nomor(number: str | None) -> str:
    """An SOP's nomor, or that a draft has none yet."""
    return number if number is not None else NOT_SET


def indonesian_date(value: dt.date | PartialDate | None) -> str:
    """05 Februari 2020, or as precisely as the source knows it: 'Januari 2016', '2016';
    an absent date is a dash."""
    if value is None:
        return "-"
    if isinstance(value, PartialDate):
        if value.month is None:
            return str(value.year)
        if value.day is None:
            return f"{MONTHS[value.month - 1]} {value.year}"
    return f"{value.day:02d} {MONTHS[value.month - 1]} {value.year}"


def number(value: Decimal) -> str:
    """120 -> '120', 1.5 -> '1,5' (Indonesian decimal comma)."""
    text = format(value.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def duration(value: Duration | None) -> str:
    if value is None:  # a draft step whose waktu is not known yet
        return NO_VALUE
    text = f"{number(value.amount)} {value.unit.value}"
    return f"{text} ({value.condition})" if value.condition else text


@dataclass(frozen=True)
class TotalTime:
    minutes: Decimal
    days: Decimal
    working_days: Decimal
    conditional: int  # times with a condition, listed but not added
    unknown: int = 0  # steps of a draft without a waktu yet

    def __str__(self) -> str:
        parts = []
        if self.working_days:
            parts.append(f"{number(self.working_days)} hari kerja")
        if self.days:
            parts.append(f"{number(self.days)} hari")
        hours, minutes = divmod(self.minutes, 60)
        if hours:
            parts.append(f"{number(hours)} jam")
        if minutes or not parts:
            parts.append(f"{number(minutes)} menit")
        text = " ".join(parts)
        if self.conditional:
            text += f" (belum termasuk {self.conditional} waktu bersyarat)"
        if self.unknown:
            text += f" (belum termasuk {self.unknown} langkah tanpa waktu)"
        return text


def total_time(durations: Iterable[Duration | None]) -> TotalTime:
    """Steps without a waktu (drafts) add nothing."""
    minutes = days = working = Decimal(0)
    conditional = unknown = 0
    for item in durations:
        if item is None:
            unknown += 1
            continue
        if item.condition:
            conditional += 1
        elif item.unit is TimeUnit.DAY:
            days += item.amount
        elif item.unit is TimeUnit.WORKING_DAY:
            working += item.amount
        else:
            minutes += item.minutes
    return TotalTime(minutes, days, working, conditional, unknown)


def grouped_nip(nip: str) -> str:
    """'196908151998031008' -> '19690815 199803 1 008' (as printed under a signature)."""
    digits = "".join(nip.split())
    if len(digits) == 18 and digits.isdigit():
        return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"
    return nip
