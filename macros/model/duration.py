"""Waktu: a number with a unit, optionally with a free-text condition."""

from __future__ import annotations

import enum
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from .base import StrictModel, Text


class TimeUnit(str, enum.Enum):
    MINUTE = "menit"
    HOUR = "jam"
    DAY = "hari"
    WORKING_DAY = "hari kerja"


_SHORT_FORM = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s+(.+?)\s*$")


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

    @property
    def minutes(self) -> Decimal | None:
        """Minutes for units that convert exactly; days are summed separately."""
        if self.unit is TimeUnit.MINUTE:
            return self.amount
        if self.unit is TimeUnit.HOUR:
            return self.amount * 60
        return None
