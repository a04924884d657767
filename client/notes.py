"""A platform note in one language.

The platform's receipt notes may be bilingual, ``中文 / english`` (``已受理 / accepted``,
``退单 / rejected: 货物名称与HS编码不符``); a receipt's reasons are joined to its note with
``；`` by :func:`client.sync.pull.receipt_note`. :func:`note_text` keeps the half of each
part in the UI's language, so a Chinese window never shows ``已受理 / accepted``. A note
without that shape is shown as it came.
"""
from __future__ import annotations

import re

_CJK = r"\u3400-\u9fff\uff00-\uffef\u3000-\u303f"
#: ``<Chinese> / <no Chinese>`` optionally followed by ``: <detail>`` (a Chinese detail, kept in both languages)
_BILINGUAL = re.compile(rf"^(?P<zh>[^/]*[{_CJK}][^/]*?) / (?P<en>[^{_CJK}:]+?)(?:: (?P<rest>.+))?$",
                        re.S)


def note_text(note: str | None, lang: str = "zh") -> str:
    """``note`` with each bilingual part reduced to ``lang`` (``"zh"`` or ``"en"``)."""
    if not note:
        return ""
    out = []
    for part in note.split("；"):
        m = _BILINGUAL.match(part.strip())
        if m is None:
            out.append(part)
            continue
        rest, en = m.group("rest"), m.group("en")
        if rest and not re.search(f"[{_CJK}]", rest):  # "inspection: container opened"
            en, rest = f"{en}: {rest}", None
        if lang == "en":
            out.append(en + (f": {rest}" if rest else ""))
        else:
            out.append(m.group("zh") + (f"：{rest}" if rest else ""))
    return ("; " if lang == "en" else "；").join(out)
