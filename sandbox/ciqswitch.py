"""The platform's side of the eCIQ switch (issue 13): publishing the lists, judging both.

* ``POST /admin/codes:eciq`` (admin) publishes version
  :data:`client.ciq.switch.ECIQ_VERSION` of ``transport_modes`` and ``trade_modes``
  holding the eCIQ lists (``resources/codes/eciq/``) through the ordinary
  ``POST /admin/codes/{table}`` path, so desks take it at their next sync like any other
  version. Publishing it again is a no-op. ``python -m sandbox --eciq-lists`` (settings
  ``eciq_lists``) publishes it at start.
* :func:`judged_payload` — what the platform validates a submission or amendment as.
  Every mutation says which lists its payload is written in (``code_lists``: ``eciq`` or
  ``customs``; a desk older than the switch sends nothing, which means ``customs``). Once
  the platform holds the eCIQ lists, a customs payload is **mapped with the same module
  the desk uses** (:func:`client.ciq.upgrade.map_customs_codes`) and judged with the same
  rules; it is stored as it was sent. A platform still on the customs lists refuses an
  ``eciq`` payload, naming the version it holds, instead of judging eCIQ codes as customs
  ones.
"""
from __future__ import annotations

import copy
from typing import Any

from fastapi import Depends, FastAPI

from client.ciq.switch import CODE_LISTS, ECIQ_VERSION, SWITCHED, eciq_fields, switch_csv
from client.ciq.upgrade import map_customs_codes
from client.codes import CodeBook

from .protocol import reason


def judged_payload(codes: CodeBook, payload: Any, code_lists: Any) -> tuple[Any, list[dict]]:
    """``(payload to validate, refusal reasons)`` for a declaration payload sent with
    ``code_lists`` (see the module docstring)."""
    if not isinstance(payload, dict):
        return payload, []
    have = eciq_fields(codes)
    if code_lists == "eciq":
        missing = [f for f in SWITCHED.values() if f not in have]
        if missing:
            version = codes.table("transport_modes").version
            return payload, [reason(
                "code_lists_unknown", missing[0],
                f"本平台的运输方式/贸易方式代码表仍为海关代码（版本 {version}），"
                f"尚未启用检验检疫代码（版本 {ECIQ_VERSION}）",
                f"this platform still holds the customs transport/trade lists (version "
                f"{version}), not the eCIQ lists of version {ECIQ_VERSION}")]
        return payload, []
    if not have:
        return payload, []
    judged = copy.copy(payload)   # top-level fields only are changed
    map_customs_codes(judged, codes, only=have)
    return judged, []


def code_lists(m: dict) -> Any:
    """The ``code_lists`` a mutation names (None from a desk older than the switch)."""
    return m.get(CODE_LISTS)


def publish(platform) -> list[dict]:
    """Publish version :data:`ECIQ_VERSION` of the switched tables (a no-op when published)."""
    return [platform.admin_publish_codes(t, ECIQ_VERSION, switch_csv(t)) for t in SWITCHED]


def register(app: FastAPI, admin, platform) -> None:
    """Add ``POST /admin/codes:eciq`` to ``app`` behind the ``admin`` dependency."""
    adm = [Depends(admin)]

    @app.post("/admin/codes:eciq", tags=["admin"], dependencies=adm)
    def publish_eciq_lists():
        return {"published": publish(platform)}
