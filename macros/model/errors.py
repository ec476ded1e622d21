"""Translate pydantic's validation errors into located, Indonesian findings."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel, RootModel, ValidationError

from .. import codes
from ..findings import Finding
from ..load.yaml_tree import Locator
from . import duration, monev

_CUSTOM_CODES = {
    "date_format": codes.IMPOSSIBLE_DATE,
    "date_impossible": codes.IMPOSSIBLE_DATE,
    "date_range": codes.IMPOSSIBLE_DATE,
    "date_ambiguous": codes.AMBIGUOUS_DATE,
    "reserved_name": codes.RESERVED_NAME,
    "bidi_control": codes.BIDI_CONTROL,
    monev.ERR_PERIOD: codes.RECORD_PERIOD,
    duration.ERR_FORMAT: codes.WAKTU_FORMAT,
    duration.ERR_WORDS: codes.WAKTU_WORDS,
    duration.ERR_RANGE_ORDER: codes.WAKTU_RANGE_ORDER,
    duration.ERR_NO_UNIT: codes.WAKTU_FORMAT,  # only in a conditional list now: a lone bare number is kept (SOP-W004)
    duration.ERR_UNIT: codes.WAKTU_UNIT,
    duration.ERR_CONDITION_TEXT: codes.WAKTU_CONDITION_TEXT,
    duration.ERR_ALTERNATIVES: codes.WAKTU_ALTERNATIVES,
}

_TYPE_MESSAGES = {
    "string_type": "harus berupa teks",
    "int_parsing": "harus berupa bilangan bulat",
    "int_type": "harus berupa bilangan bulat",
    "int_from_float": "harus berupa bilangan bulat",
    "decimal_parsing": "harus berupa angka",
    "decimal_type": "harus berupa angka",
    "bool_parsing": "harus true atau false",
    "bool_type": "harus true atau false",
    "tuple_type": "harus berupa daftar (baris-baris berawalan '- ')",
    "list_type": "harus berupa daftar (baris-baris berawalan '- ')",
    "model_type": "harus berupa pemetaan (baris-baris 'kunci: nilai')",
    "model_attributes_type": "harus berupa pemetaan (baris-baris 'kunci: nilai')",
    "dict_type": "harus berupa pemetaan (baris-baris 'kunci: nilai')",
    "date_type": "harus berupa tanggal (TTTT-BB-HH, TTTT-BB, TTTT, atau 'Januari 2016')",
    "finite_number": "harus berupa angka terhingga",
}

_LIST_ITEM_NOUN = {
    "langkah": "langkah",
    "keputusan": "cabang",
    "keterkaitan": "keterkaitan",
    "riwayat_revisi": "revisi",
    "pelaksana": "pelaksana",
    "dasar_hukum": "dasar hukum",
    "kualifikasi_pelaksana": "kualifikasi",
    "peralatan_perlengkapan": "peralatan",
    "peringatan": "peringatan",
    "pencatatan_pendataan": "pencatatan",
    "kelengkapan": "kelengkapan",
}


# Mappings of the monitoring and evaluation records keyed by what they are about: hasil by SOP slug,
# langkah by step number.
_KEYED_NOUN = {"hasil": "SOP", "langkah": "langkah"}


def describe_path(loc: tuple[Any, ...]) -> str:
    """('langkah', 3, 'waktu') -> "'waktu' (langkah 4)"; ('hasil', 'x', 'langkah', '4', 'penilaian') ->
    "'penilaian' (SOP x, langkah 4)"."""
    keyed = {i for i, p in enumerate(loc) if isinstance(p, str) and i > 0 and loc[i - 1] in _KEYED_NOUN}
    names = [p for i, p in enumerate(loc) if isinstance(p, str) and i not in keyed]
    context = []
    for i, part in enumerate(loc):
        if i in keyed:
            context.append(f"{_KEYED_NOUN[loc[i - 1]]} {part}")
        elif isinstance(part, int) and i > 0 and isinstance(loc[i - 1], str):
            noun = _LIST_ITEM_NOUN.get(loc[i - 1], loc[i - 1])
            context.append(f"{noun} {part + 1}")
    if not names:
        return "berkas ini"
    head = f"'{names[-1]}'"
    if isinstance(loc[-1], int):
        head = f"butir {loc[-1] + 1} dari '{names[-1]}'"
        context = context[:-1]
    return f"{head} ({', '.join(context)})" if context else head


def _kind_of(value: Any) -> str:
    if value is None:
        return "kosong"
    if isinstance(value, str):
        return "teks"
    if isinstance(value, list):
        return "daftar"
    if isinstance(value, dict):
        return "pemetaan"
    return type(value).__name__


def _unwrap(tp: Any) -> Any:
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            tp = next(a for a in typing.get_args(tp) if a is not type(None))
        else:
            return tp


def _model_at(root: type, loc: tuple[Any, ...]) -> type | None:
    tp: Any = root
    for part in loc:
        tp = _unwrap(tp)
        if isinstance(tp, type) and issubclass(tp, RootModel):
            tp = _unwrap(tp.model_fields["root"].annotation)
        origin = typing.get_origin(tp)
        if isinstance(part, int) and origin in (tuple, list):
            tp = typing.get_args(tp)[0]
        elif origin is dict:
            tp = typing.get_args(tp)[1]
        elif isinstance(tp, type) and issubclass(tp, BaseModel):
            fields = {f.alias or name: f for name, f in tp.model_fields.items()}
            if part not in fields:
                return None
            tp = fields[part].annotation
        else:
            return None
    tp = _unwrap(tp)
    if isinstance(tp, type) and issubclass(tp, RootModel):
        tp = _unwrap(tp.model_fields["root"].annotation)
        if typing.get_origin(tp) is dict:
            tp = _unwrap(typing.get_args(tp)[1])
    return tp if isinstance(tp, type) and issubclass(tp, BaseModel) else None


def allowed_keys(root: type, loc: tuple[Any, ...]) -> list[str]:
    model = _model_at(root, loc)
    if model is None:
        return []
    return [f.alias or name for name, f in model.model_fields.items()]


def suggest(word: str, candidates: list[str]) -> str:
    match = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    return f"; maksud Anda '{match[0]}'?" if match else ""


def _clean_loc(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    # pydantic appends '[key]' for a dict key and a type tag inside some validators
    # a union's tag (see Tag("tag:…") in the model), and the two shapes of a step's waktu
    return tuple(
        p for p in loc
        if p not in ("[key]",) and p not in duration.UNION_TAGS
        and not (isinstance(p, str) and p.startswith(("function-", "tag:")))
    )


def findings_from(error: ValidationError, locator: Locator, root: type) -> list[Finding]:
    raw = error.errors()
    failed = {_clean_loc(tuple(e["loc"])) for e in raw}
    findings: list[Finding] = []
    for err in raw:
        loc = _clean_loc(tuple(err["loc"]))
        kind = err["type"]
        value = err.get("input")
        ctx = err.get("ctx") or {}
        if kind == "too_short" and any(f[: len(loc)] == loc and len(f) > len(loc) for f in failed):
            continue  # items failed on their own; the count would mislead
        where = describe_path(loc)
        if kind == "extra_forbidden":
            key = loc[-1]
            keys = allowed_keys(root, loc[:-1])
            findings.append(
                codes.UNKNOWN_KEY.at(locator.key(*loc), f"kunci '{key}' tidak dikenal{suggest(str(key), keys)}")
            )
        elif kind == "missing":
            parent = loc[:-1]
            at = locator.key(*parent) if parent else locator.value()
            findings.append(codes.MISSING_FIELD.at(at, f"isian wajib {where} belum diisi"))
        elif kind in _CUSTOM_CODES:
            findings.append(_CUSTOM_CODES[kind].at(locator.value(*loc), f"{where}: {err['msg']}"))
        elif kind in ("enum", "literal_error"):
            options = [o.strip(" '") for o in str(ctx.get("expected", "")).replace(" or ", ", ").split(",")]
            hint = suggest(str(value), options) if isinstance(value, str) else ""
            findings.append(
                codes.WRONG_TYPE.at(
                    locator.value(*loc),
                    f"{where} bernilai '{value}', harus salah satu dari: {', '.join(options)}{hint}",
                )
            )
        elif kind in _TYPE_MESSAGES:
            findings.append(
                codes.WRONG_TYPE.at(
                    locator.value(*loc), f"{where} {_TYPE_MESSAGES[kind]}, bukan {_kind_of(value)}"
                )
            )
        elif kind in ("too_short", "string_too_short"):
            findings.append(
                codes.WRONG_TYPE.at(locator.value(*loc), f"{where} minimal berisi {ctx.get('min_length')} butir")
            )
        elif kind == "too_long":
            findings.append(
                codes.WRONG_TYPE.at(
                    locator.value(*loc),
                    f"{where} berisi {ctx.get('actual_length')} butir, paling banyak {ctx.get('max_length')}",
                )
            )
        elif kind in ("greater_than", "greater_than_equal", "less_than_equal", "less_than"):
            bound = ctx.get("gt", ctx.get("ge", ctx.get("lt", ctx.get("le"))))
            relation = {"greater_than": "lebih dari", "greater_than_equal": "paling kecil",
                        "less_than": "kurang dari", "less_than_equal": "paling besar"}[kind]
            findings.append(
                codes.WRONG_TYPE.at(locator.value(*loc), f"{where} bernilai {value}, harus {relation} {bound}")
            )
        elif err["msg"] and not err["msg"][:1].isupper():
            # our own PydanticCustomError messages are Indonesian and start in lower case
            findings.append(codes.WRONG_TYPE.at(locator.value(*loc), f"{where}: {err['msg']}"))
        else:
            findings.append(codes.WRONG_TYPE.at(locator.value(*loc), f"nilai {where} tidak sah"))
    return findings


def validate(model: type[BaseModel], data: Any, locator: Locator) -> tuple[Any, list[Finding]]:
    """The model, or None with the findings that explain why not."""
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, findings_from(exc, locator, model)
