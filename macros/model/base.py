"""Shared building blocks of the model: strict base class and value types."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

ID_PATTERN = r"[a-z0-9]+(?:[-_][a-z0-9]+)*"  # whole string (re.fullmatch): no trailing newline
SLUG_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"
MAX_ID_LENGTH = 80
MAX_TEXT_LENGTH = 2000  # a long step text is a few hundred characters
# Names a page of the site already uses: a role `index` would replace /pelaksana/.
RESERVED_NAMES = frozenset({"index"})
FIRST_YEAR, LAST_YEAR = 1945, 2100
MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # dates outside are typos, and break the site's timestamps


class StrictModel(BaseModel):
    """Unknown keys are errors; values are read by their Indonesian alias only."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        populate_by_name=False,
        validate_by_alias=True,
        hide_input_in_errors=False,
    )


def is_id(value: str) -> bool:
    return len(value) <= MAX_ID_LENGTH and re.fullmatch(ID_PATTERN, value) is not None


def is_slug(value: str) -> bool:
    return len(value) <= MAX_ID_LENGTH and re.fullmatch(SLUG_PATTERN, value) is not None


def shown(value: str, limit: int = 40) -> str:
    """A value quoted in a message, cut short: a finding stays one readable line."""
    return value if len(value) <= limit else value[:limit] + "…"


def _check_reserved(value: str) -> None:
    if value in RESERVED_NAMES:
        raise PydanticCustomError(
            "reserved_name",
            "'{value}' dicadangkan untuk halaman daftar situs; pakai nama lain",
            {"value": value},
        )


def _check_id(value: str) -> str:
    if not is_id(value):
        raise PydanticCustomError(
            "id_format",
            "id '{value}' tidak sah: pakai huruf kecil, angka dan tanda hubung (paling panjang {limit}), "
            "mis. 'kabid-renum'",
            {"value": shown(value), "limit": MAX_ID_LENGTH},
        )
    _check_reserved(value)
    return value


def _check_slug(value: str) -> str:
    if not is_slug(value):
        raise PydanticCustomError(
            "slug_format",
            "slug '{value}' tidak sah: pakai huruf kecil, angka dan tanda hubung (paling panjang {limit}), "
            "mis. 'perbaikan-data-kinerja'",
            {"value": shown(value), "limit": MAX_ID_LENGTH},
        )
    _check_reserved(value)
    return value


def _forbidden_character(value: str) -> str | None:
    """A character no page, SVG or DOT text may hold: controls (other than tab and line
    breaks), lone surrogates and the two non-characters XML forbids."""
    for char in value:
        code = ord(char)
        if code < 0x20 and char not in "\t\n\r":
            return char
        if 0x7F <= code <= 0x9F or 0xD800 <= code <= 0xDFFF or code in (0xFFFE, 0xFFFF):
            return char
    return None


def _check_text(value: str) -> str:
    if len(value) > MAX_TEXT_LENGTH:
        raise PydanticCustomError(
            "text_too_long",
            "teks terlalu panjang ({length} karakter; paling panjang {limit})",
            {"length": len(value), "limit": MAX_TEXT_LENGTH},
        )
    bad = _forbidden_character(value)
    if bad is not None:
        raise PydanticCustomError(
            "control_character",
            "teks memuat karakter kendali {code} yang tidak boleh ada; hapus karakter itu",
            {"code": f"U+{ord(bad):04X}"},
        )
    return value


Id = Annotated[str, AfterValidator(_check_id)]

EITHER_SEPARATOR = "/"  # 'kadin/bupati': the either/or column of roles kadin and bupati


def _check_column_key(value: str) -> str:
    """A step's actor: a role id, or the key of an either/or column ('kadin/bupati')."""
    if EITHER_SEPARATOR in value:
        parts = value.split(EITHER_SEPARATOR)
        if not all(is_id(p) for p in parts):
            raise PydanticCustomError(
                "id_format",
                "pelaksana '{value}' tidak sah: tulis id jabatan (mis. 'kabid-renum'), atau kolom 'salah satu' "
                "sebagai id-id jabatannya dipisah '/' (mis. 'kadin/bupati')",
                {"value": shown(value)},
            )
        return value
    return _check_id(value)


ColumnKey = Annotated[str, AfterValidator(_check_column_key)]
Slug = Annotated[str, AfterValidator(_check_slug)]
Text = Annotated[str, StringConstraints(strict=True), AfterValidator(_check_text)]


def _one_or_many(value: Any) -> Any:
    """Authors may write a single item without the list dashes."""
    if isinstance(value, str):
        return (value,)
    if value is None:
        return ()
    return value


MAX_ITEMS = 100  # any list of texts or ids: legal bases, requirements, qualifications...
TextList = Annotated[tuple[Text, ...], Field(max_length=MAX_ITEMS), BeforeValidator(_one_or_many)]
IdList = Annotated[tuple[Id, ...], Field(max_length=MAX_ITEMS), BeforeValidator(_one_or_many)]

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
        date = dt.date(year, month, day)
    except ValueError:
        raise PydanticCustomError(
            "date_impossible",
            "tanggal '{value}' tidak ada di kalender",
            {"value": value},
        ) from None
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise PydanticCustomError(
            "date_range",
            "tanggal '{value}' di luar rentang tahun {first}–{last}; salah ketik?",
            {"value": value, "first": FIRST_YEAR, "last": LAST_YEAR},
        )
    return date


Date = Annotated[dt.date, BeforeValidator(_parse_date)]
