"""Display helpers shared by models and widgets: times, money, codes to names."""
from __future__ import annotations

from datetime import datetime

from client.timeutil import parse_time
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from PySide6.QtCore import QCoreApplication



@lru_cache(maxsize=8192)
def short_time(ts: str | None) -> str:
    """A list's time: ``11-26 14:03`` this year, ``2025-11-26`` before (local time zone)."""
    if not ts:
        return ""
    dt = parse_time(ts)
    if dt is None:
        return ts
    dt = dt.astimezone()
    if dt.year == datetime.now().year:
        return dt.strftime("%m-%d %H:%M")
    return dt.strftime("%Y-%m-%d")


@lru_cache(maxsize=8192)
def local_time(ts: str | None, with_seconds: bool = False) -> str:
    """``2026-11-26T06:03:00.000000Z`` → ``2026-11-26 14:03`` in the computer's time zone."""
    if not ts:
        return ""
    dt = parse_time(ts)
    if dt is None:
        return ts
    return dt.astimezone().strftime("%Y-%m-%d %H:%M:%S" if with_seconds else "%Y-%m-%d %H:%M")


@lru_cache(maxsize=8192)
def money(value: str | None, currency: str | None) -> str:
    """``"35000.5", "USD"`` → ``USD 35,000.50``."""
    if not value:
        return ""
    try:
        text = f"{Decimal(value):,.2f}"
    except (InvalidOperation, ValueError):
        text = value
    return f"{currency} {text}" if currency else text


def direction_name(direction: str | None) -> str:
    if direction == "inbound":
        return QCoreApplication.translate("Formatting", "入境")
    if direction == "outbound":
        return QCoreApplication.translate("Formatting", "出境")
    return direction or ""


def clearance_name(mode: str | None) -> str:
    names = {"standard": QCoreApplication.translate("Formatting", "一般报检"),
             "import_direct": QCoreApplication.translate("Formatting", "进口直通"),
             "export_direct": QCoreApplication.translate("Formatting", "出口直放"),
             "import_transfer": QCoreApplication.translate("Formatting", "进口转单")}
    return names.get(mode or "", mode or "")
