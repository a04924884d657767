"""A selection of declarations defined by a query, not by rows loaded in a view.

"Select all N matching" in the desktop, or ``--status``/``--client`` on a command line,
selects a filtered set of any size. :class:`Selection` holds the filter (status, search,
client) and, beside it, explicit ids (a selection made row by row) or exclusions (all
matching but these). :func:`iter_ids` resolves it to ids in keyset pages, newest change
first, reading only the covering index, so batch validation, finalising and export work
on 100,000 declarations without ever holding their rows.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Iterable, Iterator

from ..interchange.progress import CancelFn, ProgressFn
from ..store import declarations as decl_q

#: ids resolved per page
PAGE = 2000


@dataclass(frozen=True)
class Selection:
    """What the user selected: explicit ``ids``, or every declaration matching the filter
    (``matching=True``) except ``excluded``."""

    status: tuple[str, ...] | None = None
    search: str | None = None
    declarant: str | None = None
    ids: tuple[str, ...] = ()
    excluded: frozenset[str] = field(default_factory=frozenset)
    matching: bool = False
    #: the list key a bounded search stopped at (the rows the list shows; None: no bound)
    floor: tuple[str, str] | None = None

    @classmethod
    def of_ids(cls, ids: Iterable[str]) -> "Selection":
        return cls(ids=tuple(dict.fromkeys(ids)))

    @classmethod
    def all_matching(cls, *, status=None, search: str | None = None,
                     declarant: str | None = None,
                     floor: tuple[str, str] | None = None) -> "Selection":
        if isinstance(status, str):
            status = (status,)
        return cls(status=tuple(status) if status else None,
                   search=(search or "").strip() or None, declarant=declarant or None,
                   matching=True, floor=tuple(floor) if floor else None)  # type: ignore[arg-type]

    def narrowed(self, status: str) -> "Selection":
        """The same selection limited to one status (finalise takes only drafts)."""
        if not self.matching:
            return self
        if self.status and status not in self.status:
            return replace(self, status=("__none__",))
        return replace(self, status=(status,))

    def without(self, ids: Iterable[str]) -> "Selection":
        if self.matching:
            return replace(self, excluded=self.excluded | frozenset(ids))
        gone = set(ids)
        return replace(self, ids=tuple(i for i in self.ids if i not in gone))

    def query(self) -> dict:
        st = self.status
        return {"status": (st[0] if st and len(st) == 1 else (list(st) if st else None)),
                "search": self.search, "declarant": self.declarant, "floor": self.floor}


def count(desk, sel: Selection) -> int:
    """How many declarations ``sel`` holds (the excluded ids that match are subtracted)."""
    if not sel.matching:
        return len(sel.ids)
    with desk.db.read() as conn:
        n = decl_q.count(conn, **sel.query())
    if sel.excluded:
        n -= sum(1 for _ in _matching_of(desk, sel, sel.excluded))
    return n


def _matching_of(desk, sel: Selection, ids) -> Iterator[str]:
    wanted = set(ids)
    for page in _walk(desk, replace(sel, excluded=frozenset())):
        yield from (i for i in page if i in wanted)


def _walk(desk, sel: Selection, page: int = PAGE) -> Iterator[list[str]]:
    after = None
    q = sel.query()
    while True:
        with desk.db.read() as conn:
            rows = decl_q.list_page(conn, limit=page, after=after, **q)
        if not rows:
            return
        ids = [r.id for r in rows if r.id not in sel.excluded]
        if ids:
            yield ids
        if len(rows) < page:
            return
        after = rows[-1].cursor


def iter_ids(desk, sel: Selection, page: int = PAGE) -> Iterator[list[str]]:
    """The ids of ``sel`` in pages of at most ``page``, newest change first."""
    if not sel.matching:
        for i in range(0, len(sel.ids), page):
            yield list(sel.ids[i:i + page])
        return
    yield from _walk(desk, sel, page)


def resolve(desk, sel: Selection) -> list[str]:
    """Every id of ``sel`` (a list of ids is small even for 100,000 declarations)."""
    return [i for page in iter_ids(desk, sel) for i in page]


@dataclass(frozen=True, slots=True)
class ValidateTotals:
    """What a batch validation over a selection found."""

    total: int
    done: int
    passed: int
    failed: int
    cancelled: bool


def validate(desk, sel: Selection, *, progress: ProgressFn = None, cancel: CancelFn = None,
             page: int = 1000) -> ValidateTotals:
    """Validate every declaration of ``sel`` page by page, keeping each result for the
    list's markers; ``progress(done, total, "")`` after each page, ``cancel()`` checked
    before each (what was validated stays validated)."""
    total = count(desk, sel)
    done = bad = 0
    if progress:
        progress(0, total, "")
    for ids in iter_ids(desk, sel, page):
        if cancel and cancel():
            return ValidateTotals(total, done, done - bad, bad, True)
        result = desk.validate_ids(ids)
        done += len(result)
        bad += sum(1 for issues in result.values()
                   if any(getattr(i, "severity", "") == "error" for i in issues))
        if progress:
            progress(done, max(total, done), "")
    return ValidateTotals(max(total, done), done, done - bad, bad, False)
