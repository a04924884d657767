"""Reference data: the code tables, looked up by code and searched by name.

The built-in tables live in ``resources/codes/`` (see ``manifest.json`` for their versions);
the platform may publish newer versions, which the store keeps and hands to
:meth:`CodeBook.replace`. A table is swapped whole, in one assignment, so a reader never
sees half of an old table and half of a new one.

Lookups are dictionary hits; :meth:`CodeTable.search` scans one pre-lowered string per
row (a few thousand rows at most), which is what the editor's pickers call per keystroke.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping

from . import paths

log = logging.getLogger(__name__)

#: the tables every installation has, with the column holding the code.
TABLES = ("bureaus", "regions", "inspection_types", "transport_modes", "trade_modes",
          "purposes", "certificates", "attachment_types", "units", "package_types",
          "credit_grades", "negative_list", "countries", "currencies", "districts",
          "hs2022", "hs2022_sections",
          # the eCIQ tables (tools/gen_ciq_codes.py; client.ciq looks them up)
          "ciq_codes", "goods_attributes", "licences_inbound", "licences_outbound",
          "dangerous_pack_categories", "enterprise_qualifications", "attachment_types_eciq",
          "certificates_eciq", "transport_modes_eciq", "trade_modes_eciq",
          "transport_mode_mapping", "trade_mode_mapping", "inspection_catalogue",
          # the customs lists under their own names (the customs-declaration link, issue 13)
          "transport_modes_customs", "trade_modes_customs",
          # certificates of origin (issue 15, client.origin)
          "origin_agreements", "origin_partners", "origin_criteria", "gsp_donors")
_KEY_COLUMN = {"credit_grades": "grade", "regions": None, "negative_list": None,
               "hs2022_sections": "section"}


class CodeTableError(ValueError):
    """A code table that cannot be used (bad CSV, missing columns, wrong hash)."""


#: English names of tables that carry only Chinese ones (``table,code,name_en``)
NAMES_EN_FILE = "names_en.csv"


@dataclass(frozen=True, slots=True)
class CodeEntry:
    """One row of a code table. ``row`` holds every column as text."""

    code: str
    name_cn: str
    name_en: str
    row: Mapping[str, str]

    def label(self, lang: str = "zh") -> str:
        name = (self.name_en or self.name_cn) if lang == "en" else (self.name_cn or self.name_en)
        return f"{self.code} {name}".strip()


class CodeTable:
    """One version of one table: ordered rows, a code index, and a name search."""

    def __init__(self, name: str, version: str, rows: list[dict[str, str]],
                 sha256: str = "", source: str = "builtin",
                 names_en: Mapping[str, str] | None = None):
        """``names_en`` fills in English names a table does not carry (by code)."""
        self.name = name
        self.version = version
        self.sha256 = sha256
        self.source = source
        self.rows = rows
        self._names_en = names_en
        # the entries and the code index are made at their first use: a table read only by
        # its rows (the 24,197 CIQ codes, read by client.ciq.lookup) never makes them
        self._entries: list[CodeEntry] | None = None
        self._by: dict[str, CodeEntry] = {}
        self._haystack: list[str] | None = None

    @property
    def entries(self) -> list[CodeEntry]:
        """The rows as entries (code, Chinese and English name), in table order."""
        if self._entries is None:
            self._index()
        return self._entries  # type: ignore[return-value]

    @property
    def _by_code(self) -> dict[str, CodeEntry]:
        if self._entries is None:
            self._index()
        return self._by

    def _index(self) -> None:
        key = _KEY_COLUMN.get(self.name, "code")
        entries: list[CodeEntry] = []
        by: dict[str, CodeEntry] = {}
        names_en = self._names_en or {}
        if key is not None:
            sections = self.name == "hs2022_sections"
            for r in self.rows:
                code = r.get(key, "")
                e = CodeEntry(code, r.get("name_cn") or r.get("name", ""), r.get("name_en") or
                              (r.get("name", "") if sections else "")
                              or names_en.get(code, ""), r)
                entries.append(e)
                by[code] = e
        self._by = by
        self._entries = entries  # last: another thread sees both or neither

    def __len__(self) -> int:
        return len(self.rows)

    def __contains__(self, code: object) -> bool:
        if self._entries is None:
            self._index()
        return code in self._by

    def get(self, code: str | None) -> CodeEntry | None:
        if self._entries is None:
            self._index()
        return self._by.get(code) if code is not None else None

    def codes(self) -> Iterable[str]:
        return self._by_code.keys()

    def search(self, text: str, limit: int = 50) -> list[CodeEntry]:
        """Entries whose code starts with ``text`` first, then names containing it."""
        q = text.strip().lower()
        if not q:
            return self.entries[:limit]
        exact = self._by_code.get(text.strip())
        if self._haystack is None:
            self._haystack = [f"{e.name_cn}\x00{e.name_en}".lower() for e in self.entries]
        prefix, contains = [], []
        for e, hay in zip(self.entries, self._haystack):
            if e is exact:
                continue
            if e.code.lower().startswith(q):
                prefix.append(e)
                if len(prefix) >= limit:
                    break
            elif q in hay and len(contains) < limit:
                contains.append(e)
        out = ([exact] if exact else []) + prefix + contains
        return out[:limit]


def parse_csv(text: str) -> list[dict[str, str]]:
    if text.startswith("\ufeff"):
        text = text[1:]
    # what csv.DictReader gives (blank lines skipped, a short row padded with "", cells
    # past the header dropped, every cell stripped), without its per-row Python overhead:
    # the CIQ code list alone has 24,197 rows
    reader = csv.reader(io.StringIO(text))
    keys = next(reader, None)
    while keys == []:
        keys = next(reader, None)
    if not keys:
        raise CodeTableError("empty table")
    n = len(keys)
    out = []
    for r in reader:
        if not r:
            continue
        d = dict(zip(keys, [v.strip() for v in r]))
        if len(r) < n:
            for k in keys[len(r):]:
                d.setdefault(k, "")
        out.append(d)
    return out


_REQUIRED_COLUMNS = {"regions": {"region", "bureau"}, "negative_list": {"category", "hs_prefix"},
                     "credit_grades": {"grade", "direct_modes_allowed",
                                       "cross_bureau_declaration_allowed"}}


class CodeBook:
    """All code tables of one installation, loaded lazily, replaceable one at a time."""

    def __init__(self, codes_dir: Path | None = None,
                 overrides: Mapping[str, tuple[str, str, str]] | None = None):
        """``overrides`` maps a table name to ``(version, sha256, csv_text)`` from the store."""
        self.codes_dir = codes_dir or paths.resource_dir() / "codes"
        self._manifest = json.loads((self.codes_dir / "manifest.json").read_text("utf-8"))
        self._tables: dict[str, CodeTable] = {}
        self._overrides = dict(overrides or {})
        self._derived: dict[str, object] = {}
        self._lock = threading.Lock()
        self._names_en: dict[str, dict[str, str]] | None = None

    def names_en(self, table: str) -> dict[str, str]:
        """English names for a table whose official CSV has only Chinese ones (by code),
        from ``resources/codes/names_en.csv`` — the desk's own translation, never sent to
        the platform and not part of a table's version or hash."""
        if self._names_en is None:
            out: dict[str, dict[str, str]] = {}
            f = self.codes_dir / NAMES_EN_FILE
            if f.exists():
                for r in parse_csv(f.read_text("utf-8")):
                    out.setdefault(r.get("table", ""), {})[r.get("code", "")] = r.get("name_en", "")
            self._names_en = out
        return self._names_en.get(table, {})

    # -- tables ----------------------------------------------------------------
    def table(self, name: str) -> CodeTable:
        t = self._tables.get(name)
        if t is None:
            with self._lock:
                t = self._tables.get(name)
                if t is None:
                    t = self._load(name)
                    self._tables[name] = t
        return t

    def __getattr__(self, name: str) -> CodeTable:
        if name in TABLES:
            return self.table(name)
        raise AttributeError(name)

    def _load(self, name: str) -> CodeTable:
        if name in self._overrides:
            version, sha, text = self._overrides[name]
            try:
                return self._build(name, version, text, sha, "platform", self.names_en(name))
            except CodeTableError:
                log.exception("stored version %s of table %s is unusable; using built-in",
                              version, name)
        meta = self._manifest.get(name)
        if meta is None:
            raise KeyError(f"unknown code table {name!r}")
        text = (self.codes_dir / meta["file"]).read_text("utf-8")
        return CodeTable(name, meta["version"], parse_csv(text), meta["sha256"], "builtin",
                         self.names_en(name))

    @staticmethod
    def _build(name: str, version: str, text: str, sha256: str | None, source: str,
               names_en: Mapping[str, str] | None = None) -> CodeTable:
        actual = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if sha256 and sha256 != actual:
            raise CodeTableError(f"table {name} version {version}: sha256 mismatch")
        rows = parse_csv(text)
        need = _REQUIRED_COLUMNS.get(name, {_KEY_COLUMN.get(name, "code") or "code"})
        have = set(rows[0]) if rows else set()
        if not rows or not need <= have:
            raise CodeTableError(f"table {name} version {version}: missing columns "
                                 f"{sorted(need - have)} or no rows")
        return CodeTable(name, version, rows, actual, source, names_en)

    def replace(self, name: str, version: str, csv_text: str, sha256: str | None = None) -> CodeTable:
        """Swap in a newer version of a table (validated first; the old one stays on error)."""
        t = self._build(name, version, csv_text, sha256, "platform", self.names_en(name))
        with self._lock:
            self._tables[name] = t
            self._overrides[name] = (version, t.sha256, csv_text)
            self._derived.clear()
        return t

    def spec(self) -> tuple[Path, dict[str, tuple[str, str, str]]]:
        """``(codes_dir, overrides)``: what :class:`CodeBook` needs to be the same book in
        another process (the bulk import's workers, ``client.interchange.import_work``)."""
        with self._lock:
            return self.codes_dir, dict(self._overrides)

    def versions(self) -> dict[str, str]:
        """The version in force for every table (loaded or not)."""
        out = {n: m["version"] for n, m in self._manifest.items()}
        out.update({n: v[0] for n, v in self._overrides.items()})
        out.update({n: t.version for n, t in self._tables.items()})
        return out

    def fingerprint(self) -> tuple:
        """``(table, version, sha256)`` of every table in force, sorted: equal fingerprints
        mean the same tables (``client.services.cleanmemo`` keys validation results by it)."""
        with self._lock:
            out = {n: (m["version"], m.get("sha256")) for n, m in self._manifest.items()}
            out.update({n: (v[0], v[1]) for n, v in self._overrides.items()})
            out.update({n: (t.version, t.sha256) for n, t in self._tables.items()})
        return tuple(sorted((n, *v) for n, v in out.items()))

    def versions_in_force(self) -> list[tuple[str, str, str]]:
        """``(table, version, source)`` of every table, sorted by name; ``source`` is
        ``"platform"`` for a version the sync delivered (kept in the store), else
        ``"builtin"`` (the one shipped in ``resources/codes``). 帮助 → 代码表版本 shows it."""
        versions = self.versions()
        with self._lock:
            platform = set(self._overrides) | {n for n, t in self._tables.items()
                                               if t.source == "platform"}
        return [(n, versions[n], "platform" if n in platform else "builtin")
                for n in sorted(versions)]

    def builtin_csv(self, name: str) -> str:
        return (self.codes_dir / self._manifest[name]["file"]).read_text("utf-8")

    # -- derived lookups (cached until a table is replaced) ----------------------
    def _cached(self, key: str, build):
        v = self._derived.get(key)
        if v is None:
            v = build()
            self._derived[key] = v
        return v

    def regions_of(self, bureau: str | None) -> frozenset[str]:
        """The integration regions (三通两直 areas) a bureau belongs to."""
        def build():
            m: dict[str, set[str]] = {}
            for r in self.table("regions").rows:
                m.setdefault(r["bureau"], set()).add(r["region"])
            return {k: frozenset(v) for k, v in m.items()}
        return self._cached("regions_of", build).get(bureau, frozenset())

    def region_names(self) -> dict[str, str]:
        return self._cached("region_names", lambda: {
            r["region"]: r.get("name_cn", r["region"]) for r in self.table("regions").rows})

    def same_region(self, a: str | None, b: str | None) -> bool:
        return bool(self.regions_of(a) & self.regions_of(b))

    def negative_list_match(self, hs_code: str | None) -> tuple[str, str, str] | None:
        """``(category, name_cn, prefix)`` when the HS code falls under the negative list."""
        if not hs_code:
            return None
        prefixes = self._cached("negative", lambda: {
            r["hs_prefix"]: (r["category"], r.get("name_cn", ""), r["hs_prefix"])
            for r in self.table("negative_list").rows})
        lengths = self._cached("negative_len", lambda: sorted({len(p) for p in prefixes},
                                                              reverse=True))
        for n in lengths:
            hit = prefixes.get(hs_code[:n])
            if hit is not None and len(hs_code) >= n:
                return hit
        return None

    def grade_allows(self, grade: str | None, what: str) -> bool | None:
        """Whether a credit grade allows ``direct_modes`` or ``cross_bureau_declaration``.

        ``None`` when the grade is unknown.
        """
        e = self.table("credit_grades").get(grade)
        if e is None:
            return None
        col = {"direct_modes": "direct_modes_allowed",
               "cross_bureau_declaration": "cross_bureau_declaration_allowed"}[what]
        return e.row.get(col, "").lower() in ("yes", "true", "1", "y")

    def direction_of(self, table: str, code: str | None) -> str | None:
        """``inbound``/``outbound``/``both`` for inspection types and certificates."""
        e = self.table(table).get(code)
        return e.row.get("direction") if e else None

    def hs6_exists(self, code6: str) -> bool:
        return len(code6) == 6 and code6 in self.table("hs2022")


_default: CodeBook | None = None


def default_codebook() -> CodeBook:
    """The built-in tables only (no store): for tools, tests and the sandbox."""
    global _default
    if _default is None:
        _default = CodeBook()
    return _default
