"""Shared building blocks of the model: strict base class and value types."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, StringConstraints
from pydantic_core import PydanticCustomError

ID_PATTERN = r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$"
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


class StrictModel(BaseModel):
    """Unknown keys are errors; values are read by their Indonesian alias only."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        populate_by_name=False,
        validate_by_alias=True,
        hide_input_in_errors=False,
    )


def _check_id(value: str) -> str:
    if not re.match(ID_PATTERN, value):
        raise PydanticCustomError(
            "id_format",
            "id '{value}' tidak sah: pakai huruf kecil, angka dan tanda hubung, mis. 'kabid-renum'",
            {"value": value},
        )
    return value


def _check_slug(value: str) -> str:
    if not re.match(SLUG_PATTERN, value):
        raise PydanticCustomError(
            "slug_format",
            "slug '{value}' tidak sah: pakai huruf kecil, angka dan tanda hubung, mis. 'perbaikan-data-kinerja'",
            {"value": value},
        )
    return value


Id = Annotated[str, AfterValidator(_check_id)]
Slug = Annotated[str, AfterValidator(_check_slug)]
Text = Annotated[str, StringConstraints(strict=True)]


def _one_or_many(value: Any) -> Any:
    """Authors may write a single item without the list dashes."""
    if isinstance(value, str):
        return (value,)
    if value is None:
        return ()
    return value


TextList = Annotated[tuple[Text, ...], BeforeValidator(_one_or_many)]
IdList = Annotated[tuple[Id, ...], BeforeValidator(_one_or_many)]

_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def _parse_date(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    match = _DATE.match(value.strip())
    if not match:
        raise PydanticCustomError(
            "date_format",
            "tanggal '{value}' tidak berformat TTTT-BB-HH (mis. 2020-02-05)",
            {"value": value},
        )
    year, month, day = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise PydanticCustomError(
            "date_impossible",
            "tanggal '{value}' tidak ada di kalender",
            {"value": value},
        ) from None


Date = Annotated[dt.date, BeforeValidator(_parse_date)]
