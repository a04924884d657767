"""Customs transport and trade codes → eCIQ codes: the one mapping function (issue 13).

``ciqdesk/declaration@1`` (and every draft stored before the desk took the eCIQ lists)
carries the **customs** 运输方式 (2 水路 … 6 邮件) and 监管方式 (4 digits) where the 报检单
uses the eCIQ lists (运输方式 1–9, mail = 9; 贸易方式 11–43, see
``resources/codes/trade_modes_eciq.csv``). :func:`map_customs_codes` maps them through
``transport_mode_mapping``/``trade_mode_mapping`` and keeps the customs codes in
``customs_transport_mode``/``customs_trade_mode`` (``extra``: optional fields of ``@2``)
only where something needs them: the customs-declaration link (``customs_decl_no``), the
e-commerce rules (B2B 9710/9810 → 11) and E1015 (mail 6 → 9 其他); every change is
returned as an :class:`UpgradeNote` for the importer's warning, the history entry of a
stored draft's conversion (:mod:`client.ciq.switch`) and the platform's judgement of an
older desk's submission (``sandbox/ciqswitch.py``). :func:`upgrade_v1` is the ``@1`` case.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Collection, MutableMapping

from ..codes import CodeBook
from ..model import SCHEMA, SCHEMA_V1, Declaration


@dataclass(frozen=True, slots=True)
class UpgradeNote:
    """One field an upgrade changed (or could not map), with a bilingual message."""

    field: str
    old: str | None
    new: str | None
    message_zh: str
    message_en: str
    #: False when the mapping did not know the code (kept as it is)
    mapped: bool = True


#: a customs code that maps to several eCIQ codes: the one chosen (customs 9 → eCIQ 5
#: 旅客携带, 6 固定设施/管道 or 9 其他: 9 unless the declaration says otherwise)
_PREFERRED = {"transport_mode": "9"}
#: field, mapping table, eCIQ table, Chinese and English field names
FIELDS = (("transport_mode", "transport_mode_mapping", "transport_modes_eciq", "运输方式",
           "transport mode"),
          ("trade_mode", "trade_mode_mapping", "trade_modes_eciq", "贸易方式", "trade mode"))
#: where the customs code is kept once mapped
CUSTOMS_FIELD = {"transport_mode": "customs_transport_mode", "trade_mode": "customs_trade_mode"}
#: customs codes kept although no customs declaration is linked, because a rule reads
#: them: 6 邮件 (E1015/W1015: mail needs no B/L; eCIQ 9 其他 does not say it is mail) and
#: the B2B e-commerce 9710/9810 (→ 11 一般贸易; the e-commerce rules W1803/W1804). A code
#: that maps to several eCIQ codes (customs transport 9) is kept too: the choice was ours.
#: With ``customs_decl_no`` set, every mapped code is kept (the customs link needs them).
_KEEP = {"transport_mode": frozenset({"6"}), "trade_mode": frozenset({"9710", "9810"})}


def _mapping(codes: CodeBook, table: str) -> dict[str, list[str]]:
    def build() -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for r in codes.table(table).rows:
            out.setdefault(r["code"], []).append(r["eciq_code"])
        return out
    return codes._cached(f"ciq_map_{table}", build)  # type: ignore[no-any-return]


def _name(entry, code: str) -> str:
    return entry.name_cn if entry is not None else code


def map_code(codes: CodeBook, name: str, old: str) -> tuple[str, UpgradeNote]:
    """The eCIQ code for customs code ``old`` of field ``name`` (``transport_mode`` or
    ``trade_mode``) and the note saying so. A code the mapping does not know is kept as it
    is, with a note saying so (the rules then point at it)."""
    _, mapping, target, zh, en = next(f for f in FIELDS if f[0] == name)
    candidates = _mapping(codes, mapping).get(old)
    if not candidates:
        return old, UpgradeNote(name, old, old,
                                f"{zh} {old} 不在海关→检验检疫代码对照表中，已保留原值，请改为检验检疫代码",
                                f"{en} {old} is not in the customs → eCIQ mapping; kept as it "
                                f"is: change it to an eCIQ code", mapped=False)
    pref = _PREFERRED.get(name)
    new = pref if len(candidates) > 1 and pref in candidates else candidates[0]
    table = codes.table(target)
    entry = table.get(new)
    label = entry.name_cn if entry else new
    zh_msg = f"{zh}：海关代码 {old} 已换为检验检疫代码 {new}（{label}）"
    en_msg = f"{en}: customs code {old} replaced by eCIQ code {new}"
    if len(candidates) > 1:
        alts = [c for c in candidates if c != new]
        names = "、".join(f"{c} {_name(table.get(c), c)}" for c in alts)
        zh_msg += f"；海关代码 {old} 也可对应 {names}，如是请改选"
        en_msg += f"; customs {old} may also mean {', '.join(alts)}: change it if so"
    return new, UpgradeNote(name, old, new, zh_msg, en_msg)


def map_customs_codes(doc: Any, codes: CodeBook,
                      only: Collection[str] | None = None) -> list[UpgradeNote]:
    """Map the customs transport and trade codes of ``doc`` to eCIQ, in place.

    ``doc`` is a :class:`Declaration` or a declaration's JSON object (the platform judges
    those). A blank field stays blank; a mapped field's customs code is kept in
    ``customs_transport_mode``/``customs_trade_mode`` (the declaration's ``extra``).
    ``only`` limits it to some of the fields (those whose table switched).
    """
    notes: list[UpgradeNote] = []
    is_obj = isinstance(doc, Declaration)
    extra: MutableMapping[str, Any] = doc.extra if is_obj else doc
    link = doc.customs_decl_no if is_obj else doc.get("customs_decl_no")
    for name, *_ in FIELDS:
        if only is not None and name not in only:
            continue
        old = getattr(doc, name) if is_obj else doc.get(name)
        if not isinstance(old, str) or not old:
            continue
        new, note = map_code(codes, name, old)
        notes.append(note)
        if note.mapped and (link or old in _KEEP[name]
                            or len(_mapping(codes, FIELDS[name == "trade_mode"][1])[old]) > 1):
            extra[CUSTOMS_FIELD[name]] = old
        if is_obj:
            setattr(doc, name, new)
        else:
            doc[name] = new
    return notes


def code_terms(doc: Any, codes: CodeBook) -> str | None:
    """``"customs"`` or ``"eciq"`` when a declaration (object or JSON) says which terms its
    codes are in, else None. ``@1`` is customs; otherwise the trade mode tells: a customs
    code (four digits) or an eCIQ one (two) — the two trade lists never collide. Transport
    codes do (2 is 水路 in customs, 铁路 in eCIQ), so without a trade mode nobody can tell."""
    is_obj = isinstance(doc, Declaration)
    if (doc.schema if is_obj else doc.get("schema")) == SCHEMA_V1:
        return "customs"
    tm = doc.trade_mode if is_obj else doc.get("trade_mode")
    if not isinstance(tm, str):
        return None
    customs, eciq = tm in codes.table("trade_mode_mapping"), tm in codes.table("trade_modes_eciq")
    if customs != eciq:
        return "customs" if customs else "eciq"
    return None


def in_customs_terms(doc: Any, codes: CodeBook) -> bool:
    """Whether a declaration says its codes are customs ones (:func:`code_terms`)."""
    return code_terms(doc, codes) == "customs"


def eciq_transport(doc: Any, codes: CodeBook) -> str | None:
    """The declaration's transport mode in eCIQ terms (mapped when it is in customs terms,
    see :func:`in_customs_terms`): what the e-certificate's Rec 19 ``ModeCode`` is read from."""
    tm = doc.transport_mode if isinstance(doc, Declaration) else doc.get("transport_mode")
    if not isinstance(tm, str) or not tm:
        return None
    return map_code(codes, "transport_mode", tm)[0] if in_customs_terms(doc, codes) else tm


def customs_transport(eciq: str, codes: CodeBook) -> str | None:
    """The one customs transport code that maps to eCIQ ``eciq`` (None when several or
    none do: eCIQ 9 其他 stands for eleven customs codes)."""
    sources = [c for c, targets in _mapping(codes, "transport_mode_mapping").items()
               if targets == [eciq]]
    return sources[0] if len(sources) == 1 else None


def needs_upgrade(decl: Declaration) -> bool:
    """True for a declaration still in ``@1``."""
    return decl.schema == SCHEMA_V1


def upgrade_v1(decl: Declaration, codes: CodeBook) -> list[UpgradeNote]:
    """Map ``decl``'s transport and trade codes to eCIQ in place and mark it ``@2``.

    Returns what changed (empty, and nothing done, when ``decl`` is not ``@1``).
    """
    if not needs_upgrade(decl):
        return []
    notes = map_customs_codes(decl, codes)
    decl.schema = SCHEMA
    return notes
