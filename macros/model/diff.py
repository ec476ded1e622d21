"""What changed between two versions of an SOP, in SOP terms: a pure function of two models.

Not a text diff: a YAML reformatting, a comment, a quoting style or a key order gives the same
model, hence no change. Steps are matched across the two versions (by their `id`, then by equal
text, then by similar text, the source's step number helping), so that a reworded step is one
change with its old and new text, not a removal and an addition, and a step inserted in the
middle does not make every later step "moved".

Each kind of change has a stable id (`ChangeKind`, what `sop diff --format json` prints as
`jenis`):

- `sop_ditambah`, `sop_dihapus`: the source appeared or disappeared; `tidak_dapat_dibaca`: one of
  the two versions does not load (its first finding is `baru`/`lama`).
- `langkah_ditambah`, `langkah_dihapus`, `langkah_dipindah`: a step appeared, disappeared, or
  changed place relative to the others.
- `langkah_diubah`: a step's kegiatan was reworded (old and new text).
- `pelaksana_diubah`, `waktu_diubah`, `keputusan_diubah`: a step's actors, waktu, or decision
  exits (compared through the step matching: renumbering alone changes no exit).
- `rincian_langkah_diubah`: another field of a step (`bidang`: kelengkapan, output, keterangan,
  selesai).
- `dasar_hukum_ditambah`, `dasar_hukum_dihapus`: a legal basis cited or no longer cited.
- `identitas_diubah`: any other field of the SOP (`bidang`: its source key: judul, nomor, tanggal,
  status, disahkan_oleh, ...).
- `dasar_hukum_dicabut`, `dasar_hukum_diubah`, `jabatan_diubah`, `instansi_diubah`: an entry of a
  registry the SOP relies on changed (`bidang`: the entry's id), though the SOP's own file did not.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from .flow import step_exits, step_index, symbol_column
from .registry import LegalStatus, Registries
from .sop import Sop, Step

SIMILAR = 0.5  # how alike two step texts must be (difflib ratio over words, with the bonuses below)
FLOOR = 0.35  # below this the texts are different steps, whatever their numbers say
SAME_NUMBER_BONUS = 0.15  # the same step number (the source's, or the position)
SAME_ACTORS_BONUS = 0.05


class ChangeKind(str, enum.Enum):
    SOP_ADDED = "sop_ditambah"
    SOP_REMOVED = "sop_dihapus"
    UNREADABLE = "tidak_dapat_dibaca"
    IDENTITY = "identitas_diubah"
    LEGAL_ADDED = "dasar_hukum_ditambah"
    LEGAL_REMOVED = "dasar_hukum_dihapus"
    STEP_ADDED = "langkah_ditambah"
    STEP_REMOVED = "langkah_dihapus"
    STEP_MOVED = "langkah_dipindah"
    STEP_REWORDED = "langkah_diubah"
    STEP_ACTORS = "pelaksana_diubah"
    STEP_TIME = "waktu_diubah"
    STEP_DECISION = "keputusan_diubah"
    STEP_DETAIL = "rincian_langkah_diubah"
    LEGAL_REPEALED = "dasar_hukum_dicabut"
    LEGAL_EDITED = "dasar_hukum_diubah"
    ROLE_EDITED = "jabatan_diubah"
    AGENCY_EDITED = "instansi_diubah"

    @property
    def about_step(self) -> bool:
        return self in STEP_KINDS

    @property
    def from_registry(self) -> bool:
        return self in REGISTRY_KINDS


STEP_KINDS = frozenset({
    ChangeKind.STEP_ADDED, ChangeKind.STEP_REMOVED, ChangeKind.STEP_MOVED, ChangeKind.STEP_REWORDED,
    ChangeKind.STEP_ACTORS, ChangeKind.STEP_TIME, ChangeKind.STEP_DECISION, ChangeKind.STEP_DETAIL,
})
REGISTRY_KINDS = frozenset({
    ChangeKind.LEGAL_REPEALED, ChangeKind.LEGAL_EDITED, ChangeKind.ROLE_EDITED, ChangeKind.AGENCY_EDITED,
})


@dataclass(frozen=True)
class Exits:
    """A decision's exits as one version shows them: (path of labels, where it leads) in writing
    order; where = a step number of that version, 'selesai', or an id no step has. An exit whose
    branch draws a symbol on the way (`melalui`) has it third: (kegiatan, the column it stands in)."""

    exits: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Change:
    """One change. `step`: the step's number in the newer version (None when it is gone);
    `old_step`: in the older one. `field`: the source key (or registry entry id) that changed.
    `old`/`new`: the values as the model holds them (text, a date, actor ids, a waktu, a
    registry entry, `Exits`); renderers say them in words."""

    kind: ChangeKind
    step: str | None = None
    old_step: str | None = None
    field: str | None = None
    old: Any = None
    new: Any = None


# The SOP's own fields compared as identity fields, in the order of the identity block; steps and
# legal bases have changes of their own.
IDENTITY_FIELDS = tuple(
    name for name in Sop.model_fields if name not in ("steps", "legal_items")
)
STEP_DETAILS = ("requirements", "output", "note", "ends")


def alias(model: type, name: str) -> str:
    return model.model_fields[name].alias or name


def _norm(text: str) -> list[str]:
    return " ".join(text.split()).casefold().split()


def _similarity(a: Step, b: Step) -> float:
    return SequenceMatcher(None, _norm(a.activity), _norm(b.activity), autojunk=False).ratio()


def match_steps(old: Sop, new: Sop) -> dict[int, int]:
    """Old step index -> new step index, for the steps that are the same step in both."""
    pairs: dict[int, int] = {}
    taken: set[int] = set()

    def pair(i: int, j: int) -> None:
        pairs[i] = j
        taken.add(j)

    new_ids = step_index(new)
    for i, step in enumerate(old.steps):  # 1. the same explicit id
        j = new_ids.get(step.id) if step.id is not None else None
        if j is not None and j not in taken and _similarity(step, new.steps[j]) >= FLOOR:
            pair(i, j)
    for i, step in enumerate(old.steps):  # 2. the same text, the nearest first
        if i in pairs:
            continue
        text = _norm(step.activity)
        same = [j for j in range(len(new.steps)) if j not in taken and _norm(new.steps[j].activity) == text]
        if same:
            pair(i, min(same, key=lambda j: (abs(i - j), j)))
    candidates = []  # 3. similar text, best first
    for i, step in enumerate(old.steps):
        if i in pairs:
            continue
        for j, other in enumerate(new.steps):
            if j in taken:
                continue
            ratio = _similarity(step, other)
            if ratio < FLOOR:
                continue
            score = ratio
            if old.step_number(i) == new.step_number(j):
                score += SAME_NUMBER_BONUS
            if step.actors == other.actors:
                score += SAME_ACTORS_BONUS
            if score >= SIMILAR:
                candidates.append((-score, abs(i - j), i, j))
    for _, _, i, j in sorted(candidates):
        if i not in pairs and j not in taken:
            pair(i, j)
    return pairs


def _kept_in_order(pairs: dict[int, int]) -> set[int]:
    """The old indices of the longest run of matched steps that kept their order (the rest moved)."""
    olds = sorted(pairs)
    news = [pairs[i] for i in olds]
    best = [1] * len(news)
    back = [-1] * len(news)
    for k in range(len(news)):
        for m in range(k):
            if news[m] < news[k] and best[m] + 1 > best[k]:
                best[k], back[k] = best[m] + 1, m
    if not news:
        return set()
    k = max(range(len(news)), key=lambda n: (best[n], -n))
    kept = set()
    while k >= 0:
        kept.add(olds[k])
        k = back[k]
    return kept


def _exits(sop: Sop, step: Step, place) -> Exits | None:
    """The step's exits, each target named by `place(index or None, raw target)`."""
    if step.exits is None:
        return None
    index = step_index(sop)
    found = []
    for via, exit_ in step_exits(step):
        path = ", ".join(x for x in (*via, exit_.label) if x)
        if exit_.leaves:
            where = exit_.target
        else:
            where = place(index.get(exit_.target) if exit_.target is not None else None, exit_.target)
        symbol = () if exit_.via is None else ((exit_.via.activity, symbol_column(step, exit_.via)),)
        found.append((path, where, *symbol))
    return Exits(tuple(found))


def _step_changes(old: Sop, new: Sop, i: int, j: int, pairs: dict[int, int], moved: bool) -> list[Change]:
    a, b = old.steps[i], new.steps[j]
    number, old_number = new.step_number(j), old.step_number(i)
    out: list[Change] = []

    def change(kind: ChangeKind, field: str | None, before: Any, after: Any) -> None:
        out.append(Change(kind, number, old_number, field, before, after))

    if moved:
        change(ChangeKind.STEP_MOVED, None, old_number, number)
    if _norm(a.activity) != _norm(b.activity):
        change(ChangeKind.STEP_REWORDED, "kegiatan", a.activity, b.activity)
    if a.actors != b.actors:
        change(ChangeKind.STEP_ACTORS, "pelaksana", a.actors, b.actors)
    if a.duration != b.duration:
        change(ChangeKind.STEP_TIME, "waktu", a.duration, b.duration)
    # exits compared in the new numbering: an old target is named by the step it became
    mapped = _exits(old, a, lambda k, raw: new.step_number(pairs[k]) if k is not None and k in pairs else f"#{raw}")
    now = _exits(new, b, lambda k, raw: new.step_number(k) if k is not None else f"#{raw}")
    if mapped != now:
        shown = _exits(old, a, lambda k, raw: old.step_number(k) if k is not None else str(raw))
        now_shown = _exits(new, b, lambda k, raw: new.step_number(k) if k is not None else str(raw))
        change(ChangeKind.STEP_DECISION, "keputusan", shown, now_shown)
    for name in STEP_DETAILS:
        before, after = getattr(a, name), getattr(b, name)
        if before != after:
            change(ChangeKind.STEP_DETAIL, alias(Step, name), before, after)
    return out


def _basis(item) -> str:
    return item if isinstance(item, str) else item.basis


def _cited(sop: Sop, bases: set[str]) -> list:
    """The items citing `bases`, in order (`- id: x` is held as `- x`: the two compare alike)."""
    return [item for item in sop.legal_items if _basis(item) in bases]


def diff_sops(old: Sop, new: Sop) -> list[Change]:
    """Every change from `old` to `new`, in reading order: identity, legal bases, then the steps in
    the newer version's order (a removed step where it stood)."""
    changes: list[Change] = []
    for name in IDENTITY_FIELDS:
        before, after = getattr(old, name), getattr(new, name)
        if before != after:
            changes.append(Change(ChangeKind.IDENTITY, field=alias(Sop, name), old=before, new=after))
    old_bases, new_bases = set(old.legal_bases), set(new.legal_bases)
    changes += [Change(ChangeKind.LEGAL_ADDED, field=b, new=b) for b in dict.fromkeys(new.legal_bases) if b not in old_bases]
    changes += [Change(ChangeKind.LEGAL_REMOVED, field=b, old=b) for b in dict.fromkeys(old.legal_bases) if b not in new_bases]
    kept = old_bases & new_bases
    if _cited(old, kept) != _cited(new, kept):
        # the same bases, cited in other words, numbers or order: the printed list changed all the same
        changes.append(Change(ChangeKind.IDENTITY, field=alias(Sop, "legal_items"), old=old.legal_items, new=new.legal_items))

    pairs = match_steps(old, new)
    kept = _kept_in_order(pairs)
    back = {j: i for i, j in pairs.items()}
    keyed: list[tuple[tuple[int, int, int], Change]] = []
    for j, step in enumerate(new.steps):
        i = back.get(j)
        if i is None:
            keyed.append(((j, 0, 0), Change(ChangeKind.STEP_ADDED, new.step_number(j), None, "kegiatan", None, step.activity)))
        else:
            keyed += [((j, 0, n), c) for n, c in enumerate(_step_changes(old, new, i, j, pairs, i not in kept))]
    for i, step in enumerate(old.steps):
        if i in pairs:
            continue
        before = [pairs[k] for k in pairs if k < i]
        place = max(before) if before else -1
        keyed.append(((place, 1, i), Change(ChangeKind.STEP_REMOVED, None, old.step_number(i), "kegiatan", step.activity, None)))
    changes += [c for _, c in sorted(keyed, key=lambda item: item[0])]
    return changes


def relied_on(sop: Sop) -> tuple[tuple[str, ...], tuple[str, ...], str]:
    """The registry entries an SOP relies on: its legal bases, its roles (actors, signer,
    responsible), its agency."""
    roles = list(sop.roles)
    if sop.approval is not None and sop.approval.role is not None:
        roles.append(sop.approval.role)
    roles += [role for _, role in sop.responsible_roles]
    return tuple(dict.fromkeys(sop.legal_bases)), tuple(dict.fromkeys(roles)), sop.agency


def registry_changes(
    sop: Sop,
    old: Registries,
    new: Registries,
) -> list[Change]:
    """Changes of the registry entries `sop` relies on, from the `old` registries to the `new` ones. An entry that was not there before is no change to the SOP
    (it cited an unknown id, which the checks reported)."""
    bases, roles, agency = relied_on(sop)
    changes: list[Change] = []
    for entry in bases:
        before, after = old.legal_bases.get(entry), new.legal_bases.get(entry)
        if before is None or before == after:  # an entry new to the registry: the SOP cited nothing before
            continue
        repealed = after is not None and after.status is LegalStatus.REPEALED and (
            before is None or before.status is not LegalStatus.REPEALED
        )
        changes.append(Change(ChangeKind.LEGAL_REPEALED if repealed else ChangeKind.LEGAL_EDITED, field=entry, old=before, new=after))
    for entry in roles:
        before, after = old.roles.get(entry), new.roles.get(entry)
        if before is not None and before != after:
            changes.append(Change(ChangeKind.ROLE_EDITED, field=entry, old=before, new=after))
    before, after = old.agencies.get(agency), new.agencies.get(agency)
    if before is not None and before != after:
        changes.append(Change(ChangeKind.AGENCY_EDITED, field=agency, old=before, new=after))
    return changes


def changed_entries(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    """Ids of the entries added, removed or edited between two versions of a registry, sorted."""
    return sorted(k for k in set(old) | set(new) if old.get(k) != new.get(k))
