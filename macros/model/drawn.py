"""The flow as a flowchart draws it: each symbol a source draws on a decision's branch (`melalui:`)
becomes a row of its own right after its decision, which the drawings place and route like any
step's symbol. It stays what the source says it is: no step (no number, no time, counted nowhere).
Only the drawings read this form; everything else reads the source's own steps."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import PrivateAttr

from .flow import step_exits, symbol_column
from .sop import Exit, Sop, Step, Via


@dataclass(frozen=True, slots=True)
class BranchSymbol:
    """A symbol on a branch, as a row of the drawing."""

    decision: int  # the source index of the decision step whose exit draws it
    path: str  # the labels on the way to it ('Tidak lengkap'; 'Lengkap, Tidak sah'; '' unlabelled)
    via: Via
    column: str  # the column it stands in


class DrawnSop(Sop):
    """An SOP with its branch symbols as rows of their own: each a one-exit step whose exit is the
    branch's `ke`, and the branch's exit leading to it. Numbers stay the source's (a symbol has none)."""

    _source: Sop = PrivateAttr()
    _origins: tuple[int | None, ...] = PrivateAttr()
    _symbols: dict[int, BranchSymbol] = PrivateAttr()

    @property
    def source(self) -> Sop:
        return self._source

    def origin(self, index: int) -> int | None:
        """The source index of drawn step `index`; None for a symbol on a branch."""
        return self._origins[index]

    def symbol(self, index: int) -> BranchSymbol | None:
        return self._symbols.get(index)

    def step_number(self, index: int) -> str:
        origin = self._origins[index]
        return "" if origin is None else self._source.step_number(origin)


def _symbol_id(decision: int, k: int) -> str:
    return f"melalui:{decision}:{k}"  # never an id a source can write (':' is not allowed in one)


def drawn(sop: Sop) -> Sop:
    """`sop` as drawn: the SOP itself when no branch draws a symbol (every drawing of it stays as it
    was), else a DrawnSop."""
    if not any(exit_.via is not None for step in sop.steps for _, exit_ in step_exits(step)):
        return sop
    steps: list[Step] = []
    origins: list[int | None] = []
    symbols: dict[int, BranchSymbol] = {}
    for i, step in enumerate(sop.steps):
        rows: list[tuple[BranchSymbol, Exit]] = []

        def redirect(exits: tuple[Exit, ...], via: tuple[str, ...]) -> tuple[Exit, ...]:
            result = []
            for exit_ in exits:
                if exit_.decides:
                    result.append(exit_.model_copy(update={"exits": redirect(exit_.exits, (*via, exit_.label))}))
                elif exit_.via is not None:
                    column = symbol_column(step, exit_.via) or step.actors[0]  # checks ask for it (SOP-F018)
                    path = ", ".join(x for x in (*via, exit_.label) if x)
                    rows.append((BranchSymbol(i, path, exit_.via, column), exit_))
                    result.append(exit_.model_copy(update={"target": _symbol_id(i, len(rows)), "via": None}))
                else:
                    result.append(exit_)
            return tuple(result)

        exits = redirect(step.exits, ()) if step.exits is not None else None
        steps.append(step if not rows else step.model_copy(update={"exits": exits}))
        origins.append(i)
        for k, (symbol, exit_) in enumerate(rows, start=1):
            onward = Exit.model_construct(label=None, target=exit_.target)
            symbols[len(steps)] = symbol
            steps.append(Step.model_construct(
                id=_symbol_id(i, k), activity=symbol.via.activity, actors=(symbol.column,), exits=(onward,),
            ))
            origins.append(None)
    result = DrawnSop.model_construct(**{**{name: getattr(sop, name) for name in Sop.model_fields}, "steps": tuple(steps)})
    result._source = sop
    result._origins = tuple(origins)
    result._symbols = symbols
    return result


def source_step(sop: Sop, index: int) -> tuple[Sop, int | None]:
    """The SOP and the index a drawn step's text is read from: the source's own step (its number, its
    exits with their symbols), or None for a symbol on a branch."""
    if isinstance(sop, DrawnSop):
        return sop.source, sop.origin(index)
    return sop, index


def source_of(sop: Sop) -> Sop:
    return sop.source if isinstance(sop, DrawnSop) else sop


def branch_symbol(sop: Sop, index: int) -> BranchSymbol | None:
    """The symbol on a branch that drawn step `index` is, if it is one."""
    return sop.symbol(index) if isinstance(sop, DrawnSop) else None


def inner_text(sop: Sop, index: int) -> str | None:
    """What a step's symbol holds inside: the question a source writes in a decision's diamond, or the
    text of a symbol on a branch (which has no Kegiatan cell); a step's own text is in its row."""
    symbol = branch_symbol(sop, index)
    if symbol is not None:
        return symbol.via.activity
    step = sop.steps[index]
    return step.question if step.is_decision else None
