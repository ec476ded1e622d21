"""Waktu as real SOPs write it: a fixed amount, a range, a maximum or an approximation of
minutes, hours, days or working days; optionally with a condition, or a list of amounts each
with its condition.

Written forms (case does not matter, the space before the unit may be left out):
`30 menit`, `30menit`, `1,5 jam`, `1 jam 30 menit`, `3 hari kerja`, `5 (lima) menit` (the words must say the same
number), `1–3 hari`, `1 s.d. 3 hari`, `1 sampai 3 hari`, `paling lama 3 hari kerja`, `maks. 3 hari`,
`± 10 menit`, `kurang lebih 10 menit`, `paling lambat 17 hari kerja`, `1 x 24 jam`, and a bare `10` when the
SOP declares `satuan_waktu` (as the real table header says "Waktu (menit)"). The long form
`{jumlah, satuan, syarat}` takes the same amounts in `jumlah`; a list of long forms, each with its
`syarat`, is a step whose time depends on a condition ("7 hari dengan Bupati; 2 hari dengan Kadin").

What is not an amount of time is kept as the source writes it (`WrittenTime`), printed so and never
added to a total: a bare number under a column without a unit, a window or rule ("Setiap saat",
"Pada hari dan jam kerja", "Sesuai jadwal"), a deadline counted from an event ("paling lambat 3 hari
kerja setelah berkas lengkap"). Text that names a number of some time unit ("dua jam", "1 jam 90 menit",
"2 minggu") is a duration written wrongly and stays an error.
"""

from __future__ import annotations

import contextvars
import difflib
import enum
import re
from contextlib import contextmanager
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Annotated, Any, Iterator, Union

from pydantic import BeforeValidator, ConfigDict, Discriminator, Field, PlainValidator, RootModel, Tag, TypeAdapter, model_validator
from pydantic_core import PydanticCustomError

from .base import StrictModel, Text, TypeName, check_text, shown, when_absent


class TimeUnit(str, enum.Enum):
    MINUTE = "menit"
    HOUR = "jam"
    DAY = "hari"
    WORKING_DAY = "hari kerja"


class Bound(str, enum.Enum):
    """How an amount bounds the time a step takes."""

    EXACT = "tetap"  # 30 menit
    RANGE = "rentang"  # 1–3 hari
    AT_MOST = "paling lama"  # paling lama 3 hari kerja
    ABOUT = "kurang lebih"  # ± 10 menit


MAX_AMOUNT = Decimal(9999)  # in its own unit: 9999 menit is a week, 9999 hari kerja forty years
MAX_DECIMALS = 2

# Error types (pydantic) that the loader turns into their own codes (see errors.py).
ERR_FORMAT = "waktu_format"
ERR_WORDS = "waktu_words"
ERR_RANGE_ORDER = "waktu_range_order"
ERR_NO_UNIT = "waktu_no_unit"
ERR_UNIT = "waktu_unit"
ERR_CONDITION_TEXT = "waktu_condition_text"
ERR_ALTERNATIVES = "waktu_alternatives"
ERR_BOUNDS = "duration_range"

ACCEPTED_FORMS = (
    "'30 menit', '2 jam', '1 jam 30 menit', '1,5 hari', '3 hari kerja', '1–3 hari', '1 s.d. 3 hari', "
    "'paling lama 3 hari kerja', 'paling lambat 17 hari kerja', '1 x 24 jam', '± 10 menit', '5 (lima) menit', "
    "angka saja (dengan satuan kolom 'satuan_waktu' bila ada), atau teks tanpa angka seperti 'Setiap saat'"
)
UNITS_TEXT = "menit, jam, hari, hari kerja"
ALTERNATIVES_EXAMPLE = "'- {jumlah: 7, satuan: hari, syarat: dengan Bupati}' lalu '- {jumlah: 2, satuan: hari, syarat: dengan Kadin}'"

# The unit a SOP declares for its waktu column (`satuan_waktu`), while that SOP is validated.
_DECLARED_UNIT: contextvars.ContextVar[TimeUnit | None] = contextvars.ContextVar("declared_unit", default=None)


@contextmanager
def declared_unit(unit: TimeUnit | None) -> Iterator[None]:
    token = _DECLARED_UNIT.set(unit)
    try:
        yield
    finally:
        _DECLARED_UNIT.reset(token)


# ---------------------------------------------------------------- numbers in words

_ONES = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")


def _int_words(n: int) -> str:
    if n < 10:
        return _ONES[n]
    if n < 20:
        return {10: "sepuluh", 11: "sebelas"}.get(n, f"{_ONES[n - 10]} belas")
    for size, name in ((1000, "ribu"), (100, "ratus"), (10, "puluh")):
        if n >= size:
            head, rest = divmod(n, size)
            text = f"se{name}" if head == 1 and size > 10 else f"{_int_words(head)} {name}"
            return f"{text} {_int_words(rest)}" if rest else text
    raise AssertionError(n)  # pragma: no cover


def number_words(value: Decimal) -> list[str]:
    """Every accepted way of saying `value` in words: 1,5 -> satu koma lima / satu setengah."""
    whole = int(value)
    fraction = format(value - whole, "f").partition(".")[2].rstrip("0")
    if not fraction:
        return [_int_words(whole)]
    said = [
        f"{_int_words(whole)} koma {' '.join(_ONES[int(d)] for d in fraction)}",
        f"{_int_words(whole)} koma {_int_words(int(fraction))}",
    ]
    if fraction == "5":
        said.append("setengah" if whole == 0 else f"{_int_words(whole)} setengah")
    return list(dict.fromkeys(said))


def _squash(text: str) -> str:
    return re.sub(r"[\s\-]+", "", text.lower())


# ---------------------------------------------------------------- amounts


@dataclass(frozen=True, slots=True)
class Amount:
    """The number part of a waktu: `high` is the value (or the upper bound of a range)."""

    high: Decimal
    low: Decimal | None = None  # only for a range
    bound: Bound = Bound.EXACT
    hours_and_minutes: bool = False  # written '1 jam 30 menit': kept in minutes, printed as written
    latest: bool = False  # a maximum written 'paling lambat' / 'selambat-lambatnya': printed 'paling lambat'
    times: int | None = None  # written '3 x 24 jam': `high` is the product, printed as written

    def __post_init__(self) -> None:
        assert (self.low is not None) == (self.bound is Bound.RANGE)
        assert not self.hours_and_minutes or self.low is None
        assert not self.latest or self.bound is Bound.AT_MOST
        assert self.times is None or (self.low is None and not self.hours_and_minutes)


_NUMBER = r"(\d+(?:[.,]\d+)?)"
_WORDS = r"(?:\s*\(([^()]*)\))?"
_RANGE_SEP = r"\s*(?:-|–|—|s\.?\s?d\.?|s/d|sampai(?:\s+dengan)?|hingga)\s*"
_LATEST = re.compile(r"^(?:paling\s+lambat|selambat-lambatnya)\s*")  # a maximum, printed 'paling lambat'
_PREFIXES = (
    (_LATEST, Bound.AT_MOST),
    (re.compile(r"^(?:paling\s+lama|maks(?:imal|imum)?\.?)\s*"), Bound.AT_MOST),
    (re.compile(r"^(?:±|\+/-|\+-|kurang\s+lebih|lebih\s+kurang|kira-kira|sekitar)\s*"), Bound.ABOUT),
)
_QUANTITY = re.compile(rf"^{_NUMBER}{_WORDS}(?:{_RANGE_SEP}{_NUMBER}{_WORDS})?\s*")
_HOURS_MINUTES = re.compile(r"^(\d+)\s*jam\s*(\d+)\s*menit$")  # '1 jam 30 menit', one amount only
_TIMES = re.compile(r"^(\d+)\s*[x×]\s*(\d+)\s*")  # '1 x 24 jam': one day counted in hours
_CONDITION_WORDS = ("dengan", "bila", "apabila", "jika", "kalau", "untuk", "oleh", "tergantung")


def _quoted(value: str) -> str:
    """A written waktu inside a one-line message: spaces collapsed, no control characters, cut short."""
    return shown("".join(c if c.isprintable() else "?" for c in " ".join(value.split())))


def _error(kind: str, message: str, **context: Any) -> PydanticCustomError:
    return PydanticCustomError(kind, message, context)


def _unrecognised(value: str) -> PydanticCustomError:
    return _error(
        ERR_FORMAT,
        "waktu '{value}' tidak dikenali; bentuk yang diterima: {forms}",
        value=_quoted(value), forms=ACCEPTED_FORMS,
    )


def _decimal(text: str, unit: str) -> Decimal:
    value = Decimal(text.replace(",", "."))
    exponent = value.as_tuple().exponent
    if not 0 < value <= MAX_AMOUNT or (isinstance(exponent, int) and exponent < -MAX_DECIMALS):
        raise _error(
            ERR_BOUNDS,
            "jumlah waktu '{value}' di luar batas: lebih dari 0 dan paling besar {limit} {unit}, paling "
            "banyak {decimals} angka di belakang koma; untuk waktu yang lebih lama pakai satuan yang lebih besar",
            value=shown(text, 20), limit=MAX_AMOUNT, unit=unit, decimals=MAX_DECIMALS,
        )
    return value


def _check_words(digits: str, value: Decimal, words: str | None) -> None:
    if words is None:
        return
    said = number_words(value)
    if _squash(words) not in {_squash(s) for s in said}:
        raise _error(
            ERR_WORDS,
            "angka {digits} ditulis '({words})' dalam kata, padahal {digits} dibaca '{said}'; "
            "samakan angka dan katanya, atau hapus kata dalam kurung",
            digits=digits, words=_quoted(words), said=said[0],
        )


def split_waktu(value: str) -> tuple[Amount, str]:
    """'paling lama 3 Hari Kerja' -> (Amount(3, AT_MOST), 'hari kerja'): the amount and the rest
    of the text, lowered and with single spaces. Raises the located errors of the amount."""
    text = " ".join(value.split()).lower()
    bound, latest = Bound.EXACT, False
    for pattern, kind in _PREFIXES:
        match = pattern.match(text)
        if match:
            text, bound, latest = text[match.end():], kind, pattern is _LATEST
            break
    compound = _HOURS_MINUTES.match(text)
    if compound:
        return replace(_hours_and_minutes(value, compound, bound), latest=latest), TimeUnit.MINUTE.value
    product = _TIMES.match(text)
    if product:
        rest = text[product.end():]
        times, each = int(product.group(1)), int(product.group(2))
        unit = rest if rest in {u.value for u in TimeUnit} else "dalam satuannya"
        if times == 0:
            raise _unrecognised(value)
        return Amount(_decimal(str(times * each), unit), None, bound, latest=latest, times=times), rest
    match = _QUANTITY.match(text)
    if not match:
        raise _unrecognised(value)
    rest = text[match.end():]
    unit = rest if rest in {u.value for u in TimeUnit} else "dalam satuannya"
    first, first_words, second, second_words = match.groups()
    high = _decimal(first, unit)
    _check_words(first, high, first_words)
    if second is None:
        return Amount(high, None, bound, latest=latest), rest
    if bound is not Bound.EXACT:
        raise _error(
            ERR_FORMAT,
            "waktu '{value}' memadukan rentang dengan '{prefix}'; tulis salah satu, mis. '1–3 hari' atau "
            "'paling lama 3 hari'",
            value=_quoted(value), prefix=bound.value,
        )
    low, high = high, _decimal(second, unit)
    _check_words(second, high, second_words)
    if low >= high:
        raise _error(
            ERR_RANGE_ORDER,
            "rentang waktu '{value}': batas bawah harus lebih kecil dari batas atas, mis. '1–3 hari'",
            value=_quoted(value),
        )
    return Amount(high, low, Bound.RANGE), rest


def _hours_and_minutes(value: str, match: re.Match[str], bound: Bound) -> Amount:
    """'1 jam 30 menit' is 90 minutes; the minutes must be fewer than an hour."""
    hours, minutes = int(match.group(1)), int(match.group(2))
    if not 0 < minutes < 60:
        raise _error(
            ERR_FORMAT,
            "waktu '{value}': menit di belakang jam harus 1 sampai 59, mis. '1 jam 30 menit'; atau tulis '{total} menit'",
            value=_quoted(value), total=hours * 60 + minutes,
        )
    total = _decimal(str(hours * 60 + minutes), TimeUnit.MINUTE.value)
    return Amount(total, None, bound, hours_and_minutes=True)


def parse_unit(text: str, written: str) -> TimeUnit:
    """The unit named by `text` (already lowered); the located error otherwise."""
    try:
        return TimeUnit(text)
    except ValueError:
        pass
    head = "hari kerja" if text.startswith("hari kerja") else text.split(" ", 1)[0]
    if head in {u.value for u in TimeUnit}:
        tail = text[len(head):].strip()
        if ";" in written or tail.split(" ", 1)[0] in _CONDITION_WORDS:
            raise _error(
                ERR_CONDITION_TEXT,
                "waktu '{value}' memuat syarat sebagai teks; waktu bersyarat ditulis sebagai daftar, satu butir per "
                "syarat: {example}",
                value=_quoted(written), example=ALTERNATIVES_EXAMPLE,
            )
    if re.search(r"\d", text):
        raise _unrecognised(written)
    close = difflib.get_close_matches(text, [u.value for u in TimeUnit], n=1, cutoff=0.6)
    raise _error(
        ERR_UNIT,
        "satuan waktu '{unit}' tidak dikenal; satuan yang diterima: {units} (2 minggu ditulis '14 hari'){hint}",
        unit=_quoted(text), units=UNITS_TEXT, hint=f"; maksud Anda '{close[0]}'?" if close else "",
    )


def _amount_from_text(value: Any) -> Any:
    """`jumlah` of the long form: the same amounts as the short form, without a unit."""
    if isinstance(value, Amount):
        return value
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise _error(ERR_FORMAT, "jumlah waktu harus berupa angka, mis. '120', '1–3' atau 'paling lama 3'")
    try:
        amount, rest = split_waktu(value)
    except PydanticCustomError as error:
        if error.type != ERR_FORMAT:
            raise
        rest = "?"
    if rest:
        raise _error(
            ERR_FORMAT,
            "jumlah waktu '{value}' tidak dikenali; tulis angkanya saja, mis. '3', '1,5', '1–3', 'paling lama 3' "
            "atau '± 10', dan satuannya di 'satuan'",
            value=_quoted(value),
        )
    return amount


def _unit_from_text(value: Any) -> Any:
    if isinstance(value, str):
        return parse_unit(" ".join(value.split()).lower(), value)
    return value


AmountField = Annotated[Amount, PlainValidator(_amount_from_text), TypeName("jumlah: 3, 1,5, 1–3, paling lama 3 atau ± 10")]
UnitField = Annotated[TimeUnit, BeforeValidator(_unit_from_text)]


class Duration(StrictModel):
    """One amount of time: written `120 menit`, or as a mapping when a condition applies."""

    quantity: AmountField = Field(alias="jumlah", description="berapa lama, dalam satuannya")
    unit: UnitField = Field(
        alias="satuan", description="satuan jumlah",
        json_schema_extra=when_absent("boleh tidak ditulis bila SOP menulis satuan_waktu: satuan itu yang dipakai"),
    )
    condition: Text | None = Field(
        None, alias="syarat", description="mis. bila ditandatangani Kadin; wajib pada setiap butir daftar bersyarat (SOP-W007)",
        json_schema_extra=when_absent("waktu tanpa syarat"),
    )

    @model_validator(mode="before")
    @classmethod
    def _written(cls, value: Any) -> Any:
        if isinstance(value, str):
            amount, rest = split_waktu(value)
            return {"jumlah": amount, "satuan": _unit_or_declared(rest, value)}
        if isinstance(value, dict) and "satuan" not in value and _DECLARED_UNIT.get() is not None:
            value = {**value, "satuan": _DECLARED_UNIT.get()}
        return value

    @property
    def amount(self) -> Decimal:
        """The value, or the upper bound of a range or maximum."""
        return self.quantity.high

    @property
    def low(self) -> Decimal | None:
        return self.quantity.low

    @property
    def bound(self) -> Bound:
        return self.quantity.bound

    @property
    def minutes(self) -> Decimal | None:
        """Minutes of `amount` for units that convert exactly; days are summed separately."""
        return to_minutes(self.amount, self.unit)

    @property
    def options(self) -> tuple["Duration", ...]:
        return (self,)


def to_minutes(value: Decimal, unit: TimeUnit) -> Decimal | None:
    if unit is TimeUnit.MINUTE:
        return value
    if unit is TimeUnit.HOUR:
        return value * 60
    return None


def _unit_or_declared(rest: str, written: str) -> TimeUnit:
    if rest:
        return parse_unit(rest, written)
    declared = _DECLARED_UNIT.get()
    if declared is None:
        raise _error(
            ERR_NO_UNIT,
            "waktu '{value}' tanpa satuan; tulis satuannya (mis. '{value} menit'), atau nyatakan satuan kolom waktu "
            "SOP ini dengan 'satuan_waktu: menit' bila kepala kolomnya 'Waktu (menit)'",
            value=_quoted(written),
        )
    return declared


MIN_ALTERNATIVES = 2


class Alternatives(RootModel[tuple[Duration, ...]]):
    """A step whose time depends on a condition: one amount per condition."""

    model_config = ConfigDict(frozen=True)

    @model_validator(mode="after")
    def _each_with_its_condition(self) -> "Alternatives":
        options = self.root
        example = ALTERNATIVES_EXAMPLE
        if len(options) < MIN_ALTERNATIVES:
            raise _error(
                ERR_ALTERNATIVES,
                "daftar waktu bersyarat berisi {n} butir, minimal {min}; satu waktu ditulis tanpa tanda '-' "
                "(mis. 'waktu: 3 hari'), waktu bersyarat satu butir per syarat: {example}",
                n=len(options), min=MIN_ALTERNATIVES, example=example,
            )
        missing = [str(i + 1) for i, option in enumerate(options) if not option.condition]
        if missing:
            raise _error(
                ERR_ALTERNATIVES,
                "butir {items} daftar waktu bersyarat tanpa 'syarat'; setiap butir menyebut syaratnya: {example}",
                items=", ".join(missing), example=example,
            )
        seen: dict[str, int] = {}
        for i, option in enumerate(options):
            key = " ".join(str(option.condition).split()).casefold()
            if key in seen:
                raise _error(
                    ERR_ALTERNATIVES,
                    "butir {a} dan {b} daftar waktu bersyarat menyebut syarat yang sama '{condition}'",
                    a=seen[key] + 1, b=i + 1, condition=_quoted(str(option.condition)),
                )
            seen[key] = i
        return self

    @property
    def options(self) -> tuple[Duration, ...]:
        return self.root


# ---------------------------------------------------------------- waktu kept as written


class WrittenKind(str, enum.Enum):
    """Why a waktu is kept as the source writes it instead of read as an amount of time."""

    BARE = "angka tanpa satuan"  # '10' under a column that names no unit (no satuan_waktu)
    WINDOW = "teks"  # 'Setiap saat', 'Pada hari dan jam kerja', 'Sesuai jadwal'
    DEADLINE = "batas dari peristiwa"  # 'paling lambat 3 hari kerja setelah berkas lengkap'


@dataclass(frozen=True, slots=True)
class WrittenTime:
    """A waktu printed exactly as written (spaces collapsed) and never added to a total: the source
    gives no amount of time this step takes. `deadline` is the measurable part of a deadline counted
    from an event ('paling lambat 3 hari kerja' of '… setelah berkas lengkap'), the event in `since`."""

    text: str
    kind: WrittenKind
    deadline: Duration | None = None
    since: str | None = None

    @property
    def options(self) -> tuple[Duration, ...]:
        return ()


# A number of some unit of time, also in words ('dua jam', 'sehari', '2 minggu'): text holding one is
# a duration, read or refused as such, never kept as a window.
_NUMBER_WORDS = (
    r"satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|belas|puluh|ratus|ribu|"
    r"setengah|seperempat|beberapa"
)
_ANY_UNIT = r"menit|mnt|jam|hari|minggu|pekan|bulan|tahun|detik"
_MEASURE = re.compile(
    rf"(?<![\w.,])(?:\d+(?:[.,]\d+)?|(?:{_NUMBER_WORDS}))\s*(?:\([^()]*\)\s*)?(?:{_ANY_UNIT})\b|\bse(?:{_ANY_UNIT})\b"
)
_NOT_A_COUNT = re.compile(r"(?:tanggal|tgl\.?|pukul|ke-?)\s*$")  # 'tanggal 10 bulan berikutnya', 'pukul 08.00'
_CLOCK_ZONE = re.compile(r"\b(?:wib|wita|wit)\b")  # '08.00–16.00 WIB': office hours, not a length of time
_SINCE = re.compile(r"^(menit|jam|hari kerja|hari) ((?:setelah|sesudah|sejak|terhitung|dihitung|dari) .+)$")


def _names_a_measure(text: str) -> bool:
    return any(not _NOT_A_COUNT.search(text[: m.start()]) for m in _MEASURE.finditer(text))


def _starts_with_number(text: str) -> bool:
    for pattern, _ in _PREFIXES:
        match = pattern.match(text)
        if match:
            text = text[match.end():]
            break
    return text[:1].isdigit()


def written_kind(value: str) -> WrittenKind | None:
    """Is this short-form waktu kept as written, and why? None: it is read as an amount of time
    (and refused with its located error when it cannot be)."""
    text = " ".join(value.split()).lower()
    if not text:
        return None
    if _CLOCK_ZONE.search(text) or not (_starts_with_number(text) or _names_a_measure(text)):
        return WrittenKind.WINDOW
    try:
        _, rest = split_waktu(value)
    except PydanticCustomError:
        return None
    if not rest:
        return WrittenKind.BARE if _DECLARED_UNIT.get() is None else None
    return WrittenKind.DEADLINE if _SINCE.match(rest) else None


def _written_time(value: Any) -> WrittenTime:
    if isinstance(value, WrittenTime):
        return value
    text = " ".join(check_text(value).split())
    kind = written_kind(text)
    assert kind is not None  # the discriminator routes only these here
    if kind is not WrittenKind.DEADLINE:
        return WrittenTime(text, kind)
    amount, rest = split_waktu(text)
    match = _SINCE.match(rest)
    assert match is not None
    deadline = Duration.model_validate({"jumlah": amount, "satuan": match.group(1)})
    return WrittenTime(text, kind, deadline, text[len(text) - len(match.group(2)):])


# Union tags: the loader drops them from error locations (errors.py), so a finding names 'waktu'.
TAG_ONE, TAG_MANY, TAG_WRITTEN = "waktu:satu", "waktu:daftar", "waktu:teks"
UNION_TAGS = frozenset({TAG_ONE, TAG_MANY, TAG_WRITTEN})


def _shape(value: Any) -> str:
    if isinstance(value, (list, tuple, Alternatives)):
        return TAG_MANY
    if isinstance(value, WrittenTime) or (isinstance(value, str) and written_kind(value) is not None):
        return TAG_WRITTEN
    return TAG_ONE


StepTime = Annotated[
    Union[
        Annotated[Duration, Tag(TAG_ONE)],
        Annotated[Alternatives, Tag(TAG_MANY)],
        Annotated[WrittenTime, PlainValidator(_written_time), Tag(TAG_WRITTEN)],
    ],
    Discriminator(_shape),
    TypeName("waktu: teks seperti '30 menit' atau '1-3 hari kerja', bentuk panjang {jumlah, satuan, syarat}, "
             "atau daftar bentuk panjang bersyarat"),
]


def parse_waktu(text: str, unit: TimeUnit | None = None) -> Duration:
    """A short form read as a SOP with `satuan_waktu: unit` would read it (for tests and tools)."""
    with declared_unit(unit):
        return Duration.model_validate(text)


_STEP_TIME: TypeAdapter[Any] = TypeAdapter(StepTime)


def read_waktu(value: Any, unit: TimeUnit | None = None) -> Duration | Alternatives | WrittenTime:
    """A step's waktu read as a SOP with `satuan_waktu: unit` would read it: an amount, a
    conditional list, or text kept as written."""
    with declared_unit(unit):
        return _STEP_TIME.validate_python(value)
