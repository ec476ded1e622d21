"""Shared building blocks of the model: strict base class and value types."""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, PlainValidator, StringConstraints
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


@dataclass(frozen=True)
class TypeName:
    """What a type is called on the format reference page (Format Sumber), in plain Indonesian.
    Validation ignores it. `model`: the mapping the value holds, when the type itself does not show it
    (a mapping validated entry by entry later)."""

    text: str
    model: Any = None


ABSENT = "x-bila-tidak-ada"  # the field's JSON-schema extra: what the site prints or reports without it


def when_absent(text: str) -> dict[str, str]:
    """A field's `json_schema_extra`: what happens when the source leaves it out (Format Sumber)."""
    return {ABSENT: text}


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


# Format characters (Unicode category Cf) are invisible. The bidi controls reorder what is printed
# (U+202E makes a nomor read backwards): refused. The others (zero-width space U+200B and soft hyphen
# U+00AD, which come with text pasted from Word; joiners, U+FEFF, tags…) make two texts that look the
# same differ: removed when read, so every comparison, page and export sees the text as it looks, and
# reported where written (SOP-H004, checks/hygiene.py).
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def bidi_control(value: str) -> str | None:
    return next((char for char in value if char in BIDI_CONTROLS), None)


def invisible_characters(value: str) -> list[str]:
    """The format characters (Cf) of `value` that reading removes, in order, each once."""
    if value.isascii():
        return []
    found = {char: None for char in value if unicodedata.category(char) == "Cf" and char not in BIDI_CONTROLS}
    return list(found)


def as_it_looks(value: str) -> str:
    """`value` without its invisible format characters, composed (NFC): 'e' + combining acute and
    'é' are one text, as they are one letter on the page."""
    if value.isascii():
        return value
    removed = "".join(char for char in value if unicodedata.category(char) != "Cf" or char in BIDI_CONTROLS)
    return unicodedata.normalize("NFC", removed)


def identity(value: str) -> str:
    """What two texts that must differ (nomor, step texts, exit labels) are compared by: as they look,
    ignoring case and how the words are spaced."""
    return " ".join(as_it_looks(value).casefold().split())


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
    bidi = bidi_control(value)
    if bidi is not None:
        raise PydanticCustomError(
            "bidi_control",
            "teks memuat karakter pengatur arah tulisan {code} yang membalik urutan huruf yang tercetak; hapus "
            "karakter itu (biasanya terbawa saat menyalin teks)",
            {"code": f"U+{ord(bidi):04X}"},
        )
    return as_it_looks(value)


check_text = _check_text  # for text read inside another type (a waktu kept as written)
Id = Annotated[str, AfterValidator(_check_id), TypeName("id (huruf kecil, angka, tanda hubung)")]

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


ColumnKey = Annotated[str, AfterValidator(_check_column_key), TypeName("kunci kolom: id jabatan, atau 'a/b' untuk kolom salah satu")]
Slug = Annotated[str, AfterValidator(_check_slug), TypeName("slug SOP (nama berkasnya tanpa .yml)")]
Text = Annotated[str, StringConstraints(strict=True), AfterValidator(_check_text), TypeName("teks")]


def _one_or_many(value: Any) -> Any:
    """Authors may write a single item without the list dashes."""
    if isinstance(value, str):
        return (value,)
    if value is None:
        return ()
    return value


MAX_ITEMS = 100  # any list of texts or ids: legal bases, requirements, qualifications...
TextList = Annotated[tuple[Text, ...], Field(max_length=MAX_ITEMS), BeforeValidator(_one_or_many), TypeName("teks atau daftar teks")]
IdList = Annotated[tuple[Id, ...], Field(max_length=MAX_ITEMS), BeforeValidator(_one_or_many), TypeName("id atau daftar id")]

MONTH_NAMES = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)
# Month names as Indonesian sources write them: today's spelling, the older one (Pebruari,
# Nopember) and the three-letter abbreviation.
_MONTHS = {name.lower(): i + 1 for i, name in enumerate(MONTH_NAMES)}
_MONTHS |= {"pebruari": 2, "nopember": 11}
_MONTHS |= {name[:3].lower(): i + 1 for i, name in enumerate(MONTH_NAMES)}
_MONTHS |= {"agt": 8, "ags": 8, "nop": 11, "peb": 2, "sept": 9}

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_WORDS = re.compile(r"(?:(\d{1,2})\s+)?([A-Za-z]+)\.?\s+(\d{4})")
_NUMERIC = re.compile(r"\d{1,2}\s*[./-]\s*\d{1,2}\s*[./-]\s*\d{2,4}")  # 05/02/2020: day first or month first?
ACCEPTED_DATE_FORMS = (
    "TTTT-BB-HH (2016-01-05), TTTT-BB (2016-01), TTTT (2016), "
    "atau dengan nama bulan (5 Januari 2016, Januari 2016)"
)


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date as precisely as the source knows it: the day, only the month, or only the year."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def first(self) -> dt.date:
        """The earliest day this date may be."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last(self) -> dt.date:
        """The latest day this date may be."""
        if self.day is not None:
            return self.first
        if self.month is None:
            return dt.date(self.year, 12, 31)
        following = dt.date(self.year + self.month // 12, self.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)

    def certainly_before(self, other: "PartialDate") -> bool:
        """True only when every day this date may be comes before every day `other` may be:
        'Januari 2016' is not certainly before '2016'."""
        return self.last < other.first

    def isoformat(self) -> str:
        """2016-01-05, 2016-01 or 2016: sortable, and as precise as the source."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text


def _date_error(kind: str, message: str, value: str, **extra: Any) -> PydanticCustomError:
    return PydanticCustomError(kind, message, {"value": shown(value), "forms": ACCEPTED_DATE_FORMS, **extra})


def _parse_date(value: Any) -> PartialDate:
    if isinstance(value, PartialDate):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError("date_type", "bukan teks tanggal")
    text = " ".join(value.split())
    iso = _ISO.fullmatch(text)
    words = None if iso else _WORDS.fullmatch(text)
    if iso:
        year, month, day = (int(g) if g else None for g in iso.groups())
    elif words and words.group(2).lower() in _MONTHS:
        day = int(words.group(1)) if words.group(1) else None
        month, year = _MONTHS[words.group(2).lower()], int(words.group(3))
    elif _NUMERIC.fullmatch(text):
        raise _date_error(
            "date_ambiguous",
            "tanggal '{value}' taksa: urutan hari dan bulan dapat terbaca dua cara; tulis {forms}",
            value,
        )
    else:
        raise _date_error("date_format", "tanggal '{value}' tidak dikenali bentuknya; tulis {forms}", value)
    try:
        date = PartialDate(year, month, day)
        date.first  # noqa: B018 - raises for a day or month the calendar does not have
        date.last  # noqa: B018
        if day is not None and month is not None:
            dt.date(year, month, day)
    except ValueError:
        raise PydanticCustomError(
            "date_impossible",
            "tanggal '{value}' tidak ada di kalender",
            {"value": shown(value)},
        ) from None
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise PydanticCustomError(
            "date_range",
            "tanggal '{value}' di luar rentang tahun {first}–{last}; salah ketik?",
            {"value": shown(value), "first": FIRST_YEAR, "last": LAST_YEAR},
        )
    return date


Date = Annotated[PartialDate, PlainValidator(_parse_date), TypeName("tanggal: 2016-01-05, 5 Januari 2016, Januari 2016 atau 2016")]


@dataclass(frozen=True, slots=True)
class YearlessDate:
    """A date a source writes without its year ('04 Januari', 'Desember'): kept and printed as written,
    and never used where a day must be known (review dates, order of dates)."""

    text: str
    month: int
    day: int | None = None


_YEARLESS = re.compile(r"(?:(\d{1,2})\s+)?([A-Za-z]+)\.?")


def _parse_source_date(value: Any) -> PartialDate | YearlessDate:
    """A date of the SOP itself: any `Date`, or a day and month (or a month) without a year."""
    if isinstance(value, (PartialDate, YearlessDate)):
        return value
    if isinstance(value, str):
        text = " ".join(value.split())
        match = _YEARLESS.fullmatch(text)
        if match and match.group(2).lower() in _MONTHS:
            day = int(match.group(1)) if match.group(1) else None
            month = _MONTHS[match.group(2).lower()]
            if day is not None and not 1 <= day <= calendar.monthrange(2000, month)[1]:  # a leap year: 29 Februari may be
                raise PydanticCustomError("date_impossible", "tanggal '{value}' tidak ada di kalender", {"value": shown(value)})
            return YearlessDate(text, month, day)
    return _parse_date(value)


SourceDate = Annotated[
    PartialDate | YearlessDate, PlainValidator(_parse_source_date),
    TypeName("tanggal: 2016-01-05, 5 Januari 2016, Januari 2016, 2016, atau tanpa tahun seperti sumbernya (04 Januari)"),
]


def dated(value: PartialDate | YearlessDate | None) -> PartialDate | None:
    """The date to compute with: None when the source gives no year."""
    return value if isinstance(value, PartialDate) else None


def indonesian_date(value: dt.date | PartialDate | YearlessDate | None) -> str:
    """05 Februari 2020, or as precisely as the source knows it: 'Januari 2016', '2016', and a date
    without a year as written ('04 Januari'); an absent date is an em dash, as every empty cell is (render/text.py NO_VALUE)."""
    if value is None:
        return "—"
    if isinstance(value, YearlessDate):
        return value.text
    if isinstance(value, PartialDate):
        if value.month is None:
            return str(value.year)
        if value.day is None:
            return f"{MONTHS[value.month - 1]} {value.year}"
    return f"{value.day:02d} {MONTHS[value.month - 1]} {value.year}"
