"""How often an agency reviews its SOPs: `masa_tinjauan: 2 tahun` (or `18 bulan`) in `_instansi.yml`."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import PlainValidator
from pydantic_core import PydanticCustomError

from .base import TypeName, shown

MAX_MONTHS = 120  # ten years: a longer period is a typo, and no SOP stays current that long
_FORM = re.compile(r"(\d{1,3})\s*(tahun|bulan)", re.IGNORECASE)
ACCEPTED_PERIOD_FORMS = "jumlah tahun atau bulan, mis. '2 tahun' atau '18 bulan' (paling lama 10 tahun)"


@dataclass(frozen=True, slots=True)
class Period:
    """A review period, in months."""

    months: int

    def after(self, day: dt.date) -> dt.date:
        """The day `months` after `day` (the last day of the month when that month is shorter)."""
        index = day.year * 12 + day.month - 1 + self.months
        year, month = divmod(index, 12)
        month += 1
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        last = (following - dt.timedelta(days=1)).day
        return dt.date(year, month, min(day.day, last))

    def text(self) -> str:
        """2 tahun, 18 bulan: as an author would write it."""
        if self.months % 12 == 0:
            return f"{self.months // 12} tahun"
        return f"{self.months} bulan"


def _parse_period(value: Any) -> Period:
    if isinstance(value, Period):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError("period_type", "masa tinjauan harus berupa teks; tulis {forms}", {"forms": ACCEPTED_PERIOD_FORMS})
    match = _FORM.fullmatch(" ".join(value.split()))
    if match is None:
        raise PydanticCustomError(
            "period_form", "masa tinjauan '{value}' tidak dikenali; tulis {forms}", {"value": shown(value), "forms": ACCEPTED_PERIOD_FORMS}
        )
    amount = int(match.group(1))
    months = amount * 12 if match.group(2).lower() == "tahun" else amount
    if not 1 <= months <= MAX_MONTHS:
        raise PydanticCustomError(
            "period_range", "masa tinjauan '{value}' di luar batas: paling singkat 1 bulan, paling lama 10 tahun",
            {"value": shown(value)},
        )
    return Period(months)


ReviewPeriod = Annotated[Period, PlainValidator(_parse_period), TypeName("masa: 2 tahun atau 18 bulan (paling lama 10 tahun)")]
