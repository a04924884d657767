"""An ``@1`` declaration brought to ``@2``: customs transport and trade codes → eCIQ.

``ciqdesk/declaration@1`` carried the **customs** 运输方式 (2 水路 … 6 邮件) and 监管方式
(4 digits) where the 报检单 uses the eCIQ lists (运输方式 1–9, mail = 9; 贸易方式 11–30).
:func:`upgrade_v1` maps them through ``transport_mode_mapping``/``trade_mode_mapping`` and
keeps the customs codes in ``extra`` (``customs_transport_mode``, ``customs_trade_mode``:
the linked customs declaration still needs them); every change is returned as an
:class:`UpgradeNote` for the importer's warning and the history entry.
"""
from __future__ import annotations

from dataclasses import dataclass

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


#: a customs code that maps to several eCIQ codes: the one chosen
_PREFERRED = {"transport_mode": "9"}
_FIELDS = (("transport_mode", "transport_mode_mapping", "transport_modes_eciq", "运输方式",
            "transport mode"),
           ("trade_mode", "trade_mode_mapping", "trade_modes_eciq", "贸易方式", "trade mode"))


def _mapping(codes: CodeBook, table: str) -> dict[str, list[str]]:
    def build() -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for r in codes.table(table).rows:
            out.setdefault(r["code"], []).append(r["eciq_code"])
        return out
    return codes._cached(f"ciq_map_{table}", build)  # type: ignore[no-any-return]


def needs_upgrade(decl: Declaration) -> bool:
    """True for a declaration still in ``@1``."""
    return decl.schema == SCHEMA_V1


def upgrade_v1(decl: Declaration, codes: CodeBook) -> list[UpgradeNote]:
    """Map ``decl``'s transport and trade codes to eCIQ in place and mark it ``@2``.

    Returns what changed (empty, and nothing done, when ``decl`` is not ``@1``). A code
    the mapping does not know is kept as it is, with a note saying so (the rules then
    point at it).
    """
    if not needs_upgrade(decl):
        return []
    notes: list[UpgradeNote] = []
    for name, mapping, target, zh, en in _FIELDS:
        old = getattr(decl, name)
        if not isinstance(old, str) or not old:
            continue
        candidates = _mapping(codes, mapping).get(old)
        if not candidates:
            notes.append(UpgradeNote(name, old, old,
                                     f"{zh} {old} 不在海关→检验检疫代码对照表中，已保留原值，请改为检验检疫代码",
                                     f"{en} {old} is not in the customs → eCIQ mapping; kept "
                                     f"as it is: change it to an eCIQ code"))
            continue
        pref = _PREFERRED.get(name)
        new = pref if len(candidates) > 1 and pref in candidates else candidates[0]
        entry = codes.table(target).get(new)
        label = entry.name_cn if entry else new
        decl.extra[f"customs_{name}"] = old
        setattr(decl, name, new)
        notes.append(UpgradeNote(name, old, new,
                                 f"{zh}：海关代码 {old} 已换为检验检疫代码 {new}（{label}）",
                                 f"{en}: customs code {old} replaced by eCIQ code {new}"))
    decl.schema = SCHEMA
    return notes
