"""The CIQ-code list and the inspection catalogue, looked up (Qt-free, no I/O).

:class:`CiqLookup` is built once per :class:`~client.codes.CodeBook` state from its tables
``ciq_codes`` (24,197 rows) and ``inspection_catalogue``; :func:`ciq_lookup` hands out the
cached one and a replaced table (a newer platform version) builds a new one. Every call is
a dictionary hit or a scan of one joined string, well under a millisecond
(``benchmarks/bench_ciq.py`` prints the figures).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from ..codes import CodeBook


@dataclass(frozen=True, slots=True)
class CiqCode:
    """One row of ``ciq_codes``: the 10-digit HS code, the 3-digit CIQ code (``999`` =
    the HS code's only CIQ code) and the official Chinese name."""

    hs_code: str
    ciq_code: str
    name_cn: str

    @property
    def code13(self) -> str:
        """The 13-digit 检验检疫编码 (HS10 + CIQ3)."""
        return self.hs_code + self.ciq_code

    def label(self) -> str:
        return f"{self.ciq_code} {self.name_cn}"


@dataclass(frozen=True, slots=True)
class CatalogueEntry:
    """The catalogue's answer for a goods line (法检目录 row).

    ``categories`` is the row's text as the catalogue writes it, inbound letters before the
    slash and outbound after, joined by dots (``"P.R/Q.S"``); ``conditions`` likewise
    (``"A/B"``). ``licences_inbound``/``licences_outbound`` are licence codes the row
    itself requires. ``match`` is the HS prefix matched (or the 13-digit pair for an exact
    HS10+CIQ row); ``basis`` says where the row comes from (the built-in table is a
    stand-in and says so).
    """

    match: str
    categories: str
    conditions: str
    licences_inbound: tuple[str, ...]
    licences_outbound: tuple[str, ...]
    basis: str

    def letters(self, direction: str | None) -> tuple[str, ...]:
        """The 检验检疫类别 letters for ``direction`` (``None``: both sides)."""
        key = (self.categories, direction)
        hit = _LETTERS.get(key)
        if hit is None:
            inbound, _, outbound = self.categories.partition("/")
            parts = {"inbound": inbound, "outbound": outbound}.get(direction or "",
                                                                   inbound + "." + outbound)
            hit = tuple(x for x in parts.split(".") if x)
            if len(_LETTERS) < 4096:  # a handful of distinct category texts in practice
                _LETTERS[key] = hit
        return hit

    def condition(self, direction: str | None) -> str | None:
        """The 监管条件 letter in force for ``direction``: ``A`` (inbound 通关单) or ``B``
        (outbound 通关单), ``None`` when none applies."""
        want = {"inbound": "A", "outbound": "B"}.get(direction or "")
        return want if want and want in self.conditions else None

    def licences(self, direction: str | None) -> tuple[str, ...]:
        """The licence codes the row requires for ``direction``."""
        return self.licences_outbound if direction == "outbound" else self.licences_inbound


#: (categories text, direction) -> letters: the texts are few, the question is asked per line
_LETTERS: dict[tuple[str, str | None], tuple[str, ...]] = {}


def _split(text: str) -> tuple[str, ...]:
    return tuple(x for x in (text or "").replace(",", "|").split("|") if x)


class CiqLookup:
    """CIQ codes by HS code, name search, and catalogue lookups over one CodeBook state.

    Use :func:`ciq_lookup` (cached) rather than building one per call.
    """

    def __init__(self, codes: CodeBook):
        self.codes_version = codes.versions().get("ciq_codes", "")
        self.catalogue_version = codes.versions().get("inspection_catalogue", "")
        rows = codes.table("ciq_codes").rows
        self._all: list[CiqCode] = [CiqCode(r["hs_code"], r["ciq_code"], r["name_cn"])
                                    for r in rows]
        self._all.sort(key=lambda c: c.code13)
        self._keys = [c.code13 for c in self._all]
        self._by_hs: dict[str, list[CiqCode]] = {}
        self._by_pair: dict[tuple[str, str], CiqCode] = {}
        for c in self._all:
            self._by_hs.setdefault(c.hs_code, []).append(c)
            self._by_pair[(c.hs_code, c.ciq_code)] = c
        #: the HS codes the list holds codes for, and every (hs, ciq) pair: for checks that
        #: only ask whether (``client/rules/fastpath_ciq.py``)
        self.hs_with_codes: frozenset[str] = frozenset(self._by_hs)
        self.pairs: frozenset[tuple[str, str]] = frozenset(self._by_pair)
        # the name search scans one joined string, made at the first search (the rules
        # never search); _starts maps an offset back to a row
        self._hay: str | None = None
        self._starts: list[int] = []
        # the catalogue: prefix rows by prefix, exact rows by (hs10, ciq3)
        self._prefix: dict[str, CatalogueEntry] = {}
        self._exact: dict[tuple[str, str], CatalogueEntry] = {}
        for r in codes.table("inspection_catalogue").rows:
            prefix, ciq = r.get("hs_prefix", ""), r.get("ciq_code", "")
            e = CatalogueEntry(prefix + ciq, r.get("categories", ""), r.get("conditions", ""),
                               _split(r.get("licences_inbound", "")),
                               _split(r.get("licences_outbound", "")), r.get("basis", ""))
            if ciq:
                self._exact[(prefix, ciq)] = e
            elif prefix:
                self._prefix[prefix] = e
        self._lengths = sorted({len(p) for p in self._prefix}, reverse=True)
        #: answers other modules derive from this lookup (``requirements.plans``), kept
        #: as long as the lookup itself
        self.derived: dict[str, dict] = {}
        #: (hs, ciq) -> catalogue answer, filled as lines are judged (the object itself is
        #: rebuilt when a table is replaced, so the memo never outlives its tables)
        self._memo: dict[tuple[str, str | None], CatalogueEntry | None] = {}

    # -- CIQ codes ---------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._all)

    def has_codes(self, hs_code: str | None) -> bool:
        """Whether the CIQ list holds codes for this HS code (``codes_for`` is not empty)."""
        return (hs_code or "") in self._by_hs

    def codes_for(self, hs_code: str | None) -> list[CiqCode]:
        """The CIQ codes of a 10-digit HS code, in code order (empty when unknown)."""
        return list(self._by_hs.get(hs_code or "", ()))

    def get(self, hs_code: str | None, ciq_code: str | None) -> CiqCode | None:
        """The row of the pair ``hs_code``+``ciq_code`` (``None``: not a valid pair)."""
        if not hs_code or not ciq_code:
            return None
        return self._by_pair.get((hs_code, ciq_code))

    def name(self, hs_code: str | None, ciq_code: str | None) -> str | None:
        """The official name of the pair, or ``None``."""
        c = self.get(hs_code, ciq_code)
        return c.name_cn if c else None

    def search(self, text: str, limit: int = 50) -> list[CiqCode]:
        """Codes whose 13-digit code starts with ``text`` (digits), else whose code or name
        contains it (case-insensitive); at most ``limit``, in code order."""
        q = text.strip().lower()
        if not q:
            return self._all[:limit]
        if q.isdigit():
            i = bisect.bisect_left(self._keys, q)
            out: list[CiqCode] = []
            while i < len(self._keys) and self._keys[i].startswith(q) and len(out) < limit:
                out.append(self._all[i])
                i += 1
            if out:
                return out
        out = []
        seen, pos, hay = -1, 0, self._haystack()
        while len(out) < limit:
            pos = hay.find(q, pos)
            if pos < 0:
                break
            row = bisect.bisect_right(self._starts, pos) - 1
            if row != seen:
                out.append(self._all[row])
                seen = row
            pos = self._starts[row + 1] if row + 1 < len(self._starts) else len(hay)
        return out

    def _haystack(self) -> str:
        if self._hay is None:
            parts, starts, pos = [], [], 0
            for c in self._all:
                text = f"{c.code13} {c.name_cn}".lower()
                starts.append(pos)
                parts.append(text)
                pos += len(text) + 1
            self._starts = starts
            self._hay = "\n".join(parts)
        return self._hay

    # -- the catalogue -------------------------------------------------------------
    def catalogue(self, hs_code: str | None, ciq_code: str | None = None
                  ) -> CatalogueEntry | None:
        """The catalogue row for a goods line: the exact HS10+CIQ row if there is one,
        else the longest HS prefix row; ``None`` when the goods are not in the catalogue
        (no statutory inspection)."""
        if not hs_code:
            return None
        key = (hs_code, ciq_code)
        memo = self._memo
        try:
            return memo[key]
        except KeyError:
            pass
        hit = self._catalogue(hs_code, ciq_code)
        if len(memo) < 65536:  # the pairs in use; bounded against odd input
            memo[key] = hit
        return hit

    def _catalogue(self, hs_code: str, ciq_code: str | None) -> CatalogueEntry | None:
        if ciq_code and self._exact:
            hit = self._exact.get((hs_code, ciq_code))
            if hit is not None:
                return hit
        for n in self._lengths:
            if len(hs_code) >= n:
                hit = self._prefix.get(hs_code[:n])
                if hit is not None:
                    return hit
        return None


def ciq_lookup(codes: CodeBook) -> CiqLookup:
    """The :class:`CiqLookup` of ``codes`` (built on first use, rebuilt after a
    :meth:`~client.codes.CodeBook.replace`)."""
    return codes._cached("ciq_lookup", lambda: CiqLookup(codes))  # type: ignore[no-any-return]
