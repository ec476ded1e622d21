"""Indonesian formatting of dates, times and numbers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterable

from ..model.base import MONTHS
from ..model.duration import Duration, TimeUnit



def indonesian_date(value: dt.date | None) -> str:
    """05 Februari 2020; an absent date is a dash."""
    if value is None:
        return "-"
    return f"{value.day:02d} {MONTHS[value.month - 1]} {value.year}"


def number(value: Decimal) -> str:
    """120 -> '120', 1.5 -> '1,5' (Indonesian decimal comma)."""
    text = format(value.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def duration(value: Duration) -> str:
    text = f"{number(value.amount)} {value.unit.value}"
    return f"{text} ({value.condition})" if value.condition else text


@dataclass(frozen=True)
class TotalTime:
    minutes: Decimal
    days: Decimal
    working_days: Decimal
    conditional: int  # times with a condition, listed but not added

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
        return text


def total_time(durations: Iterable[Duration]) -> TotalTime:
    minutes = days = working = Decimal(0)
    conditional = 0
    for item in durations:
        if item.condition:
            conditional += 1
        elif item.unit is TimeUnit.DAY:
            days += item.amount
        elif item.unit is TimeUnit.WORKING_DAY:
            working += item.amount
        else:
            minutes += item.minutes
    return TotalTime(minutes, days, working, conditional)


def grouped_nip(nip: str) -> str:
    """'196908151998031008' -> '19690815 199803 1 008' (as printed under a signature)."""
    digits = "".join(nip.split())
    if len(digits) == 18 and digits.isdigit():
        return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"
    return nip
