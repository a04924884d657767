"""English counts with the right noun form: ``count(1, "error")`` → ``1 error``.

The CLI's and the core's English messages use it (the desktop uses Qt's ``%n`` plural
forms in the ``.ts`` files instead). Chinese has no plural, so only English needs it.
"""
from __future__ import annotations

#: nouns whose plural is not "+s"
_IRREGULAR = {"entry": "entries", "batch": "batches", "copy": "copies", "status": "statuses",
              "status change": "status changes"}


def plural(noun: str, n: int) -> str:
    """``noun`` in the form that goes with ``n``."""
    if n == 1:
        return noun
    return _IRREGULAR.get(noun) or (noun[:-1] + "ies" if noun.endswith("y") and
                                    noun[-2:-1] not in "aeiou" else noun + "s")


def count(n: int, noun: str) -> str:
    """``n`` and ``noun`` in agreement, the number with thousands separators."""
    return f"{n:,} {plural(noun, n)}"
