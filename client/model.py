"""The declaration model: plain dataclasses and the JSON interchange format.

This module is the contract of ``shared/spec/declaration.md`` in code. It holds no I/O
and imports nothing from the rest of the client, so the rulebook, the store, the sync
engine, the importers and the sandbox platform can all depend on it.

* Amounts are :class:`~decimal.Decimal` (JSON strings such as ``"25200.500"``); the
  exponent of the input is kept, so ``"25200.500"`` comes back as ``"25200.500"``.
* Dates are :class:`datetime.date` (JSON ``YYYY-MM-DD``).
* Keys this version does not know are kept in ``extra`` and written back unchanged, so a
  newer client's fields survive a round trip through an older one.

:func:`parse_declaration` never raises for bad input: it returns the declaration it could
read (fields it could not read are ``None``) and a list of :class:`ParseIssue`, each
pointing at a field path such as ``goods[0].net_weight_kg``. A well-formed declaration
is read by generated straight-line readers (about twice as fast); anything else falls back
to the generic table-driven reader, which alone decides issues (see "parse: fast path").
The readers of single values and `ParseIssue` live in :mod:`client.model_values`.
"""
from __future__ import annotations

import json
import keyword
import os
import time
from dataclasses import MISSING, dataclass, field, fields, replace
from datetime import date
from decimal import Decimal
from typing import Any, Iterable

import orjson

from .model_fast import Slow as _Slow
from .model_fast import _attr, fast_dumpers, fast_parsers
from .model_values import (ParseIssue, _en, _is_list, _join, _p_bool, _p_date, _p_dec,
                           _p_int, _p_ints, _p_str, _p_strs, _short, _zh)
from .model_values import parse_decimal  # noqa: F401 - part of this module's API

#: the interchange format this version writes (``docs/declaration-v2.md``)
SCHEMA = "ciqdesk/declaration@2"
#: the previous format, still read: same fields, but transport and trade modes in the
#: customs code lists (``client.ciq.upgrade`` maps them to eCIQ codes)
SCHEMA_V1 = "ciqdesk/declaration@1"
SCHEMAS = (SCHEMA, SCHEMA_V1)

DIRECTIONS = ("inbound", "outbound")
CLEARANCE_MODES = ("standard", "import_direct", "export_direct", "import_transfer")

# ----------------------------------------------------------------------------- ids

_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_ulid(now_ms: int | None = None) -> str:
    """A ULID (26 Crockford base32 characters): 48-bit millisecond time + 80 random bits.

    Lexicographic order follows creation time, which keeps ids index-friendly.
    """
    ms = int(time.time() * 1000) if now_ms is None else now_ms
    value = (ms << 80) | int.from_bytes(os.urandom(10), "big")
    out = []
    for _ in range(26):
        out.append(_CROCKFORD[value & 31])
        value >>= 5
    return "".join(reversed(out))


# ----------------------------------------------------------------------- dataclasses


@dataclass(slots=True)
class Party:
    """报检单位/收货人/发货人/代理: names, CIQ registration number and USCC."""

    name_cn: str | None = None
    name_en: str | None = None
    reg_no: str | None = None
    uscc: str | None = None
    extra: dict = field(default_factory=dict)

    @property
    def display_name(self) -> str:
        return self.name_cn or self.name_en or ""


@dataclass(slots=True)
class Declarer:
    """报检员: the person filing."""

    name: str | None = None
    phone: str | None = None
    cert_no: str | None = None
    extra: dict = field(default_factory=dict)


@dataclass(slots=True)
class Licence:
    """产品资质 of a goods line: a licence/approval ``type`` (``licences_inbound`` or
    ``licences_outbound`` code, e.g. ``325`` 进境动植物检疫许可证) and its ``number``."""

    type: str | None = None
    number: str | None = None
    extra: dict = field(default_factory=dict)


@dataclass(slots=True)
class Qualification:
    """企业资质 in the header: ``type`` from ``enterprise_qualification_types`` and ``number``."""

    type: str | None = None
    number: str | None = None
    extra: dict = field(default_factory=dict)


@dataclass(slots=True)
class Dangerous:
    """危险货物 data of a goods line (attributes 31/32). JSON key ``class`` is the
    attribute ``class_`` (a Python keyword); ``pack_category`` is a
    ``dangerous_pack_categories`` code."""

    un_no: str | None = None
    name: str | None = None
    class_: str | None = None
    pack_category: str | None = None
    packaging_code: str | None = None
    extra: dict = field(default_factory=dict)


@dataclass(slots=True)
class Producer:
    """生产单位 of a goods line: name and registration/filing number (生产单位注册号)."""

    name: str | None = None
    reg_no: str | None = None
    extra: dict = field(default_factory=dict)


@dataclass(slots=True)
class GoodsLine:
    """One goods line (货物明细). ``hs_code`` + ``ciq_code`` form the 13-digit 检验检疫编码;
    ``goods_attributes`` are ``goods_attributes`` codes (several per line); ``std_quantity``
    in ``std_unit`` is the HS standard quantity (HS标准量)."""

    seq: int | None = None
    hs_code: str | None = None
    ciq_code: str | None = None
    name_cn: str | None = None
    name_en: str | None = None
    spec: str | None = None
    brand: str | None = None
    origin_country: str | None = None
    quantity: Decimal | None = None
    quantity_unit: str | None = None
    net_weight_kg: Decimal | None = None
    gross_weight_kg: Decimal | None = None
    value: Decimal | None = None
    currency: str | None = None
    package_type: str | None = None
    package_count: int | None = None
    product_reg_no: str | None = None
    goods_attributes: list[str] = field(default_factory=list)
    licences: list[Licence] = field(default_factory=list)
    dangerous: Dangerous | None = None
    producer: Producer | None = None
    batch_no: str | None = None
    production_date: date | None = None
    std_quantity: Decimal | None = None
    std_unit: str | None = None
    extra: dict = field(default_factory=dict)


@dataclass(slots=True)
class Container:
    """An ISO 6346 container: number with check digit, size-type code, and the ``seq`` of
    the goods lines it holds (``goods_seqs``; empty: not said)."""

    number: str | None = None
    size_type: str | None = None
    goods_seqs: list[int] = field(default_factory=list)
    extra: dict = field(default_factory=dict)


@dataclass(slots=True)
class Attachment:
    """A supporting document (随附单据), stored content-addressed by sha256."""

    type: str | None = None
    file_name: str | None = None
    sha256: str | None = None
    size: int | None = None
    extra: dict = field(default_factory=dict)


@dataclass(slots=True)
class CertificateRequest:
    """A certificate the declarant asks for (所需证单) and how many originals/copies."""

    type: str | None = None
    originals: int | None = None
    copies: int | None = None
    extra: dict = field(default_factory=dict)


@dataclass(slots=True)
class Declaration:
    """One inspection declaration (报检单), header plus its lists."""

    id: str | None = None
    schema: str = SCHEMA
    inspection_no: str | None = None
    direction: str | None = None
    inspection_type: str | None = None
    clearance_mode: str | None = None
    declare_bureau: str | None = None
    port_bureau: str | None = None
    inspect_bureau: str | None = None
    release_bureau: str | None = None
    declarant: Party | None = None
    agent: Party | None = None
    declarer: Declarer | None = None
    consignee: Party | None = None
    consignor: Party | None = None
    contract_no: str | None = None
    invoice_no: str | None = None
    lc_no: str | None = None
    bl_no: str | None = None
    transport_mode: str | None = None
    transport_name: str | None = None
    trade_mode: str | None = None
    trade_country: str | None = None
    departure_country: str | None = None
    destination_country: str | None = None
    departure_port: str | None = None
    entry_exit_port: str | None = None
    arrival_port: str | None = None
    destination_district: str | None = None
    origin_district: str | None = None
    arrival_date: date | None = None
    unload_date: date | None = None
    claim_deadline: date | None = None
    ship_date: date | None = None
    goods_location: str | None = None
    purpose: str | None = None
    marks: str | None = None
    ecommerce: bool | None = None
    #: 企业资质 (``[{type, number}]``)
    enterprise_qualifications: list[Qualification] = field(default_factory=list)
    #: 报关单号 of the linked customs declaration (18 digits, optional)
    customs_decl_no: str | None = None
    #: 经停口岸 (a port code, as the other ports)
    stopover_port: str | None = None
    #: 外商投资财产 (inbound): true/false
    foreign_investment: bool | None = None
    #: 通关单号, assigned by the platform on release of 监管条件 A/B goods (18 digits)
    clearance_doc_no: str | None = None
    goods: list[GoodsLine] = field(default_factory=list)
    containers: list[Container] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    certificates: list[CertificateRequest] = field(default_factory=list)
    remarks: str | None = None
    extra: dict = field(default_factory=dict)

    # -- conveniences used by the store and the UI -------------------------------
    @property
    def counterparty(self) -> Party | None:
        """The foreign-trade partner shown in lists: consignee inbound, consignor outbound."""
        return self.consignee if self.direction != "outbound" else self.consignor

    def goods_summary(self, limit: int = 60) -> str:
        names = [g.name_cn or g.name_en or "" for g in self.goods]
        text = "、".join(n for n in names if n)
        return text if len(text) <= limit else text[: limit - 1] + "…"

    def total_value(self) -> tuple[Decimal | None, str | None]:
        """Sum of goods values and their currency (``None`` currency when mixed)."""
        total = Decimal(0)
        currencies = set()
        seen = False
        for g in self.goods:
            if isinstance(g.value, Decimal):
                total += g.value
                seen = True
            if g.currency:
                currencies.add(g.currency)
        cur = currencies.pop() if len(currencies) == 1 else None
        return (total if seen else None), cur

    def copy(self) -> "Declaration":
        return from_dict(to_dict(self))


# -------------------------------------------------------------- field descriptions
# kind: str | int | dec | date | bool | strs (list of text) | ints (list of whole numbers)
#       | obj:<Class> | list:<Class>
# A JSON name that is a Python keyword ("class") is the attribute name + "_" (see _attr).

_PARTY_FIELDS = (("name_cn", "str"), ("name_en", "str"), ("reg_no", "str"), ("uscc", "str"))
_DECLARER_FIELDS = (("name", "str"), ("phone", "str"), ("cert_no", "str"))
_GOODS_FIELDS = (
    ("seq", "int"), ("hs_code", "str"), ("ciq_code", "str"), ("name_cn", "str"),
    ("name_en", "str"), ("spec", "str"), ("brand", "str"), ("origin_country", "str"),
    ("quantity", "dec"), ("quantity_unit", "str"), ("net_weight_kg", "dec"),
    ("gross_weight_kg", "dec"), ("value", "dec"), ("currency", "str"),
    ("package_type", "str"), ("package_count", "int"), ("product_reg_no", "str"),
    ("goods_attributes", "strs"), ("licences", "list:licence"), ("dangerous", "obj:dangerous"),
    ("producer", "obj:producer"), ("batch_no", "str"), ("production_date", "date"),
    ("std_quantity", "dec"), ("std_unit", "str"),
)
_LICENCE_FIELDS = (("type", "str"), ("number", "str"))
_DANGEROUS_FIELDS = (("un_no", "str"), ("name", "str"), ("class", "str"),
                     ("pack_category", "str"), ("packaging_code", "str"))
_PRODUCER_FIELDS = (("name", "str"), ("reg_no", "str"))
_CONTAINER_FIELDS = (("number", "str"), ("size_type", "str"), ("goods_seqs", "ints"))
_ATTACHMENT_FIELDS = (("type", "str"), ("file_name", "str"), ("sha256", "str"), ("size", "int"))
_CERT_FIELDS = (("type", "str"), ("originals", "int"), ("copies", "int"))
_HEADER_FIELDS = (
    ("schema", "str"), ("id", "str"), ("inspection_no", "str"), ("direction", "str"),
    ("inspection_type", "str"), ("clearance_mode", "str"), ("declare_bureau", "str"),
    ("port_bureau", "str"), ("inspect_bureau", "str"), ("release_bureau", "str"),
    ("declarant", "obj:party"), ("agent", "obj:party"), ("declarer", "obj:declarer"),
    ("consignee", "obj:party"), ("consignor", "obj:party"), ("contract_no", "str"),
    ("invoice_no", "str"), ("lc_no", "str"), ("bl_no", "str"), ("transport_mode", "str"),
    ("transport_name", "str"), ("trade_mode", "str"), ("trade_country", "str"),
    ("departure_country", "str"), ("destination_country", "str"), ("departure_port", "str"),
    ("entry_exit_port", "str"), ("arrival_port", "str"), ("destination_district", "str"),
    ("origin_district", "str"), ("arrival_date", "date"), ("unload_date", "date"),
    ("claim_deadline", "date"), ("ship_date", "date"), ("goods_location", "str"),
    ("purpose", "str"), ("marks", "str"), ("ecommerce", "bool"),
    ("enterprise_qualifications", "list:qualification"), ("customs_decl_no", "str"),
    ("stopover_port", "str"), ("foreign_investment", "bool"), ("clearance_doc_no", "str"),
    ("goods", "list:goods"),
    ("containers", "list:container"), ("attachments", "list:attachment"),
    ("certificates", "list:certificate"), ("remarks", "str"),
)

_CLASSES: dict[str, tuple[type, tuple]] = {
    "party": (Party, _PARTY_FIELDS),
    "declarer": (Declarer, _DECLARER_FIELDS),
    "goods": (GoodsLine, _GOODS_FIELDS),
    "licence": (Licence, _LICENCE_FIELDS),
    "qualification": (Qualification, _LICENCE_FIELDS),
    "dangerous": (Dangerous, _DANGEROUS_FIELDS),
    "producer": (Producer, _PRODUCER_FIELDS),
    "container": (Container, _CONTAINER_FIELDS),
    "attachment": (Attachment, _ATTACHMENT_FIELDS),
    "certificate": (CertificateRequest, _CERT_FIELDS),
    "declaration": (Declaration, _HEADER_FIELDS),
}

#: Field names of each part, in interchange order (used by importers and the UI).
HEADER_FIELDS = tuple(n for n, _ in _HEADER_FIELDS)
GOODS_FIELDS = tuple(n for n, _ in _GOODS_FIELDS)
PARTY_FIELDS = tuple(n for n, _ in _PARTY_FIELDS)
DECLARER_FIELDS = tuple(n for n, _ in _DECLARER_FIELDS)
CONTAINER_FIELDS = tuple(n for n, _ in _CONTAINER_FIELDS)
ATTACHMENT_FIELDS = tuple(n for n, _ in _ATTACHMENT_FIELDS)
CERTIFICATE_FIELDS = tuple(n for n, _ in _CERT_FIELDS)
LICENCE_FIELDS = tuple(n for n, _ in _LICENCE_FIELDS)
DANGEROUS_FIELDS = tuple(n for n, _ in _DANGEROUS_FIELDS)
PRODUCER_FIELDS = tuple(n for n, _ in _PRODUCER_FIELDS)
#: the kinds that hold one plain value (the rest are lists and objects)
SCALAR_KINDS = frozenset({"str", "int", "dec", "date", "bool"})

#: kind of every leaf field, keyed by a path template ("goods[].net_weight_kg").
FIELD_KINDS: dict[str, str] = {}


def _fill_kinds(prefix: str, spec: tuple) -> None:
    for name, kind in spec:
        path = f"{prefix}{name}"
        if kind.startswith("obj:"):
            _fill_kinds(path + ".", _CLASSES[kind[4:]][1])
        elif kind.startswith("list:"):
            _fill_kinds(path + "[].", _CLASSES[kind[5:]][1])
        else:
            FIELD_KINDS[path] = kind


_fill_kinds("", _HEADER_FIELDS)

def _parse_obj(cls_key: str, data: Any, path: str, issues: list[ParseIssue]):
    if data.__class__ is not dict and not isinstance(data, dict):
        issues.append(ParseIssue(
            "E0002", path or "$", f"{_zh(path) if path else '报检单'}应为对象，实际为 {_short(data)}",
            f"{_en(path) if path else 'the declaration'} must be an object, got {_short(data)}"))
        return None
    # text fields holding text, the bulk of every object, in one C-level pass
    str_names = _STR_NAMES[cls_key]
    kwargs: dict[str, Any] = {k: v for k, v in data.items()
                              if v.__class__ is str and k in str_names}
    extra: dict | None = None
    if len(kwargs) != len(data):
        # the typed fields (numbers, dates, lists, objects): a handful per object
        failed = 0
        for name, handler in _TYPED[cls_key]:
            value = data.get(name)
            if value is not None:
                # the path is only spelled out when a problem or a nested object needs it
                parsed = handler(value, path, name, issues)
                if parsed is not None:
                    kwargs[name] = parsed
                else:
                    failed += 1
        if len(kwargs) + failed != len(data):
            # nulls, unknown keys, text fields not holding text (in the object's order)
            kinds = _KINDS[cls_key]
            typed = _TYPED_NAMES[cls_key]
            for name, value in data.items():
                if name in kwargs or name in typed:
                    continue
                entry = kinds.get(name)
                if entry is None:  # a field this version does not know: keep it as it is
                    if extra is None:
                        extra = {}
                    extra[name] = value
                elif value is not None:
                    parsed = entry[1](value, path, name, issues)
                    if parsed is not None:
                        kwargs[name] = parsed
    if extra and cls_key in _HAS_EXTRA:
        kwargs["extra"] = extra
    return _MAKE[cls_key](kwargs)


def _p_obj(sub: str):
    def parse(value: Any, parent: str, name: str, issues: list[ParseIssue]):
        return _parse_obj(sub, value, _join(parent, name), issues)
    return parse


def _p_list(sub: str):
    cls = _CLASSES[sub][0]

    def parse(value: Any, parent: str, name: str, issues: list[ParseIssue]):
        path = _join(parent, name)
        if not _is_list(value, path, issues):
            return None
        out = []
        for i, item in enumerate(value):
            obj = _parse_obj(sub, item, f"{path}[{i}]", issues)
            # an unreadable item keeps its place, so goods[i] still names the i-th line
            out.append(obj if obj is not None else cls())
        return out
    return parse


_SCALAR_HANDLERS = {"str": _p_str, "dec": _p_dec, "int": _p_int, "date": _p_date,
                    "bool": _p_bool, "strs": _p_strs, "ints": _p_ints}


def _handler(kind: str):
    if kind.startswith("obj:"):
        return _p_obj(kind[4:])
    if kind.startswith("list:"):
        return _p_list(kind[5:])
    return _SCALAR_HANDLERS[kind]


_KINDS = {k: {n: (kind, _handler(kind)) for n, kind in spec} for k, (_, spec) in _CLASSES.items()}
_STR_NAMES = {k: frozenset(n for n, kind in spec if kind == "str")
              for k, (_, spec) in _CLASSES.items()}
_HAS_EXTRA = frozenset(k for k, (cls, _) in _CLASSES.items()
                       if "extra" in {f.name for f in fields(cls)})
_TYPED = {k: tuple((n, _KINDS[k][n][1]) for n, kind in spec if kind != "str")
          for k, (_, spec) in _CLASSES.items()}
_TYPED_NAMES = {k: frozenset(n for n, _ in v) for k, v in _TYPED.items()}


def _maker(cls: type):
    """A constructor from a dict of field values, equivalent to ``cls(**kw)`` for these
    plain dataclasses but without the keyword-argument call (parsing builds ten objects per
    declaration; measured: a goods line 7.3 µs → 5.6 µs)."""
    lines = ["def make(kw, _new=_new, _cls=_cls):", "    o = _new(_cls)"]
    env: dict[str, Any] = {"_new": object.__new__, "_cls": cls}
    for f in fields(cls):
        key = f.name[:-1] if f.name.endswith("_") and keyword.iskeyword(f.name[:-1]) else f.name
        if f.default_factory is not MISSING:  # type: ignore[misc]
            env[f"_f_{f.name}"] = f.default_factory
            lines.append(f"    v = kw.get({key!r})")
            lines.append(f"    o.{f.name} = _f_{f.name}() if v is None else v")
        else:
            env[f"_d_{f.name}"] = f.default
            lines.append(f"    o.{f.name} = kw.get({key!r}, _d_{f.name})")
    lines.append("    return o")
    exec("\n".join(lines), env)  # noqa: S102 - generated from the dataclass fields only
    return env["make"]


_MAKE = {k: _maker(cls) for k, (cls, _) in _CLASSES.items()}

# ---------------------------------------------------------------- parse: fast path
# Nearly everything parse_declaration reads is well-formed (the store's own JSON, the sync
# engine's, an export read back), and for that the table-driven _parse_obj above spends
# most of its time deciding that nothing needs doing. So each class also gets a generated
# straight-line reader (_fast_parsers) that accepts only the plainly fine case of each kind
# and raises _Slow on anything else, before it could matter:
#
# * the object is exactly a dict, and has no key the class does not know (extra stays {});
# * text: exactly a str, or null;  int: exactly an int of at most 63 bits;
# * dec: a str parse_decimal accepts (same checks, inlined);  date: what parse_date accepts;
# * bool: true/false;  obj: such an object;  list: exactly a list of such objects;
# * null anywhere: the field's default ([] for lists, SCHEMA for "schema").
#
# Those are the cases where _parse_obj records no issue and keeps the value as it is (or
# makes the same Decimal/date of it), so both build equal objects. On _Slow the whole
# declaration is parsed again by _parse_obj from scratch: every issue, conversion (numbers
# in text fields, digit strings in int fields, ints in amounts) and unknown key kept in
# ``extra`` comes from that one generic path. Set FAST_PARSE = False to run it alone
# (tests/core/test_core_parse_fastpath.py compares the two). A fallback also pays for the
# abandoned attempt: nothing for an unknown key on the declaration, about 25 µs when the
# last field read (``remarks``) is the odd one (5 goods lines: ~55 µs generic, ~80 µs).

#: try the generated fast readers first (switched off only by tests comparing the paths)
FAST_PARSE = True


_FAST = fast_parsers(_CLASSES)
_DUMPERS = fast_dumpers(_CLASSES)
_DUMP_DECLARATION = _DUMPERS["declaration"]
_DUMP_FINITE = fast_dumpers(_CLASSES, finite=True)["declaration"]
_fast_declaration = _FAST["declaration"]


def _parse_generic(data: Any) -> tuple[Declaration | None, list[ParseIssue]]:
    """The declaration and its issues by _parse_obj alone (no schema check)."""
    issues: list[ParseIssue] = []
    return _parse_obj("declaration", data, "", issues), issues


def parse_declaration(data: Any) -> tuple[Declaration | None, list[ParseIssue]]:
    """Read one declaration from decoded JSON, collecting every unreadable value.

    Returns ``(None, issues)`` only when ``data`` is not an object at all.
    """
    if FAST_PARSE:
        try:
            decl, issues = _fast_declaration(data), []
        except (_Slow, KeyError):  # KeyError: only from keys with a strange __eq__
            decl, issues = _parse_generic(data)
    else:
        decl, issues = _parse_generic(data)
    if decl is not None and isinstance(data, dict):
        schema = data.get("schema")
        if schema is not None and schema not in SCHEMAS:
            issues.append(ParseIssue(
                "E0001", "schema", f"不支持的格式版本 {_short(schema)}，应为 {SCHEMA}",
                f"unsupported schema {_short(schema)}, expected {SCHEMA}"))
    return decl, issues


def from_dict(data: dict) -> Declaration:
    """Strict variant of :func:`parse_declaration`: raises :class:`ValueError` on any issue."""
    decl, issues = parse_declaration(data)
    if issues or decl is None:
        raise ValueError("; ".join(i.message_en for i in issues) or "not an object")
    return decl


# --------------------------------------------------------------------- serialising


def format_decimal(value: Decimal) -> str:
    """A plain decimal string keeping the scale (``Decimal('25200.500')`` → ``"25200.500"``)."""
    return format(value, "f")


def _dump_obj(cls_key: str, obj: Any) -> dict:
    """The interchange object of ``obj`` (class ``cls_key``): the readable definition;
    :func:`to_dict` runs its generated equivalent (``model_fast.fast_dumpers``, ~3x faster,
    the same output: a test compares the two)."""
    spec = _CLASSES[cls_key][1]
    out: dict[str, Any] = {}
    for name, kind in spec:
        value = getattr(obj, _attr(name))
        if value is None:
            out[name] = None
        elif kind == "strs" or kind == "ints":
            out[name] = list(value)
        elif kind == "dec":
            out[name] = format_decimal(value)
        elif kind == "date":
            out[name] = value.isoformat()
        elif kind.startswith("obj:"):
            out[name] = _dump_obj(kind[4:], value)
        elif kind.startswith("list:"):
            sub = kind[5:]
            out[name] = [_dump_obj(sub, v) for v in value]
        else:
            out[name] = value
    extra = getattr(obj, "extra", None)
    if extra:
        for k, v in extra.items():
            out.setdefault(k, v)
    return out


def to_dict(decl: Declaration) -> dict:
    """The interchange JSON object (all known fields present, ``null`` when absent)."""
    return _DUMP_DECLARATION(decl)


def to_json(decl: Declaration, *, indent: int | None = None) -> str:
    return _strict_dumps(decl, indent=indent)


def dumps_compact(decl: Declaration) -> str:
    """Compact JSON used for storage, written by orjson (issue 17: ~4x faster than
    ``json``, the same text for what a declaration holds: keys in order, non-ASCII as is,
    ``null`` kept). What orjson refuses (a lone surrogate or an integer past 64 bits under
    an unknown key) goes through ``json`` as :func:`to_json` does; a NaN or Infinity under
    an unknown key refuses the declaration either way (the generated dumpers check them,
    ``model_fast._finite``)."""
    try:
        return dumps_doc(_DUMP_FINITE(decl))
    except ValueError:
        raise _not_json(decl) from None


def dumps_doc(data: dict) -> str:
    """The store's compact JSON text of a document's JSON value (orjson; what it refuses,
    through ``json``, which raises ValueError for a NaN or Infinity)."""
    try:
        return orjson.dumps(data).decode()
    except orjson.JSONEncodeError:
        return json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def _strict_dumps(decl: Declaration, **kw: Any) -> str:
    """Valid JSON only: a NaN or Infinity (say in an unknown key) refuses the declaration."""
    try:
        return json.dumps(to_dict(decl), ensure_ascii=False, allow_nan=False, **kw)
    except ValueError:
        raise _not_json(decl) from None


def _not_json(decl: Declaration) -> Exception:
    from .errors import InputError
    return InputError(f"报检单 {decl.id or ''} 含有 NaN 或 Infinity，不是有效的 JSON，请删除该值",
                      f"declaration {decl.id or ''} holds NaN or Infinity, which is not "
                      f"valid JSON: remove that value")


def loads_doc(text: str) -> Any:
    """The JSON value of a document the store wrote (:func:`dumps_compact`), read by
    orjson (~3x ``json.loads``); what orjson refuses and ``json`` wrote (an integer past 64
    bits under an unknown key) is read by ``json``."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


def loads_stored(text: str) -> Declaration:
    """Read a declaration the store wrote (trusted: written by :func:`dumps_compact`)."""
    decl, issues = parse_declaration(loads_doc(text))
    if decl is None:  # pragma: no cover - the store only holds objects
        raise ValueError("stored declaration is not an object")
    return decl


def new_declaration(direction: str = "inbound", **kw: Any) -> Declaration:
    """A fresh draft with a new id and the defaults a declarer expects."""
    decl = Declaration(id=new_ulid(), direction=direction, clearance_mode="standard",
                       ecommerce=False, marks="N/M", declarant=Party(), declarer=Declarer(),
                       consignee=Party(), consignor=Party())
    return replace(decl, **kw) if kw else decl


def iter_paths(decl: Declaration) -> Iterable[tuple[str, Any]]:
    """Every leaf ``(path, value)`` of a declaration, with real list indexes."""
    def walk(prefix: str, cls_key: str, obj: Any):
        for name, kind in _CLASSES[cls_key][1]:
            value = getattr(obj, _attr(name))
            path = f"{prefix}{name}"
            if kind.startswith("obj:"):
                if value is not None:
                    yield from walk(path + ".", kind[4:], value)
            elif kind.startswith("list:"):
                for i, item in enumerate(value or ()):
                    yield from walk(f"{path}[{i}].", kind[5:], item)
            else:
                yield path, value
    yield from walk("", "declaration", decl)
