"""Waktu: a number with a unit, optionally with a free-text condition."""

from __future__ import annotations

import enum
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from .base import StrictModel, Text, shown


class TimeUnit(str, enum.Enum):
    MINUTE = "menit"
    HOUR = "jam"
    DAY = "hari"
    WORKING_DAY = "hari kerja"


_SHORT_FORM = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s+(.+?)\s*$")
MAX_AMOUNT = Decimal(9999)  # in its own unit: 9999 menit is a week, 9999 hari kerja forty years
MAX_DECIMALS = 2


class Duration(StrictModel):
    """Written `120 menit`, or as a mapping when a condition applies."""

    amount: Decimal = Field(alias="jumlah", gt=0)
    unit: TimeUnit = Field(alias="satuan")
    condition: Text | None = Field(None, alias="syarat", description="mis. bila ditandatangani Kadin")

    @model_validator(mode="before")
    @classmethod
    def _short_form(cls, value: Any) -> Any:
        if isinstance(value, str):
            match = _SHORT_FORM.match(value)
            if not match:
                raise PydanticCustomError(
                    "duration_format",
                    "waktu '{value}' tidak dikenali: tulis angka lalu satuan (menit, jam, hari, hari kerja), mis. '120 menit'",
                    {"value": value},
                )
            value = {"jumlah": match.group(1), "satuan": " ".join(match.group(2).lower().split())}
        if isinstance(value, dict) and isinstance(value.get("jumlah"), str):
            try:
                value = {**value, "jumlah": Decimal(value["jumlah"].replace(",", "."))}
            except InvalidOperation:
                pass  # left as text: the field's own error names it
        return value

    @model_validator(mode="after")
    def _bounded(self) -> "Duration":
        exponent = self.amount.as_tuple().exponent
        if self.amount > MAX_AMOUNT or (isinstance(exponent, int) and exponent < -MAX_DECIMALS):
            raise PydanticCustomError(
                "duration_range",
                "jumlah waktu '{value}' di luar batas: paling besar {limit} {unit}, paling banyak {decimals} angka "
                "di belakang koma; untuk waktu yang lebih lama pakai satuan yang lebih besar",
                {"value": shown(str(self.amount), 20), "limit": MAX_AMOUNT, "unit": self.unit.value,
                 "decimals": MAX_DECIMALS},
            )
        return self

    @property
    def minutes(self) -> Decimal | None:
        """Minutes for units that convert exactly; days are summed separately."""
        if self.unit is TimeUnit.MINUTE:
            return self.amount
        if self.unit is TimeUnit.HOUR:
            return self.amount * 60
        return None
