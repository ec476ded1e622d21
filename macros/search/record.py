"""One SOP as Pagefind indexes it: a small HTML document made from the model, never from the page.

The page holds every text twice (the screen table and the printed one) and the views around it; the
record holds each searchable text once, weighted: the nomor and the judul first, then the unit and the
agency, the roles, then the procedure. Results show `meta` (judul, nomor, agency, status) and link
to the SOP document; `filters` are what the search box narrows by.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..model.flow import step_exits, symbol_column
from ..model.sop import Sop, Status
from ..render.actors import column_name
from ..render.context import Registries

# data-pagefind-weight: how much a word found there counts (Pagefind's default is 1)
TITLE_WEIGHT = 10
NUMBER_WEIGHT = 8
ROLE_WEIGHT = 3
UNIT_WEIGHT = 2

STATUS_TEXT = {Status.IN_FORCE: "Berlaku", Status.DRAFT: "Draf", Status.RETIRED: "Dicabut"}

# the filter keys the search box shows, in this order, with their labels (macros/plugin/static/assets/cari.js)
FILTERS = {"instansi": "Instansi", "unit": "Bidang/Unit", "jenis": "Jenis kegiatan", "status": "Status",
           "pelaksana": "Pelaksana"}


@dataclass(frozen=True)
class SearchRecord:
    url: str  # the SOP document's page, relative to the site's root ("sop/<slug>/")
    html: str


def _value(kind: str, key: str, value: str) -> Markup:
    """A meta or filter value carried in an attribute: Pagefind reads it, no text is indexed."""
    return Markup('<span data-pagefind-{}="{}[data-nilai]" data-nilai="{}"></span>').format(kind, key, value)


def sop_roles(sop: Sop, registries: Registries) -> list[str]:
    """The full names of the roles that act in the SOP, in column order, each once."""
    return list(dict.fromkeys(registries.roles[role].name for role in sop.roles))


def search_record(slug: str, url: str, sop: Sop, registries: Registries) -> SearchRecord:
    agency = registries.agencies[sop.agency]
    roles = sop_roles(sop, registries)
    facts = [
        _value("meta", "instansi", agency.name),
        _value("meta", "status", STATUS_TEXT[sop.status]),
        _value("filter", "instansi", agency.name),
        _value("filter", "status", STATUS_TEXT[sop.status]),
    ]
    if sop.activity_kind is not None:
        facts.append(_value("filter", "jenis", sop.activity_kind.value))
    if sop.number:
        facts.append(_value("meta", "nomor", sop.number))
    if sop.unit:
        facts.append(_value("filter", "unit", sop.unit))
    facts += [_value("filter", "pelaksana", name) for name in roles]

    short_names = [registries.roles[role].short_name for role in sop.roles]
    body = [Markup('<h1 data-pagefind-meta="title" data-pagefind-weight="{}">{}</h1>').format(TITLE_WEIGHT, sop.title)]
    if sop.number:
        body.append(Markup('<p data-pagefind-weight="{}">{}</p>').format(NUMBER_WEIGHT, sop.number))
    body.append(Markup('<p data-pagefind-weight="{}">{}</p>').format(
        UNIT_WEIGHT, " · ".join(x for x in (sop.unit, agency.name) if x)))
    body.append(Markup('<p data-pagefind-weight="{}">Pelaksana: {}.</p>').format(
        ROLE_WEIGHT, "; ".join(roles + [s for s in dict.fromkeys(short_names) if s not in roles])))
    if sop.scope:
        body.append(Markup("<p>{}</p>").format(sop.scope))
    steps = []
    for step in sop.steps:
        who = " dan ".join(column_name(key, registries) for key in step.actors)
        parts = [step.activity, f"({who})"]
        if step.output:
            parts.append(f"Output: {step.output}.")
        for _, exit_ in step_exits(step):  # a symbol a branch draws: found like the step it hangs from
            column = symbol_column(step, exit_.via) if exit_.via is not None else None
            if column is not None:
                parts.append(f"{exit_.via.activity} ({column_name(column, registries)}).")
        steps.append(Markup("<li>{}</li>").format(" ".join(parts)))
    body.append(Markup("<ol>{}</ol>").format(Markup("").join(steps)))
    html = Markup('<!doctype html><html lang="id"><head><meta charset="utf-8"><title>{}</title></head>'
                  '<body><main data-pagefind-body>{}{}</main></body></html>').format(
        sop.title, Markup("").join(facts), Markup("").join(body))
    return SearchRecord(url, str(html))
