"""Document kinds on the platform side: one batch endpoint, one feed (issue 15).

A mutation of ``POST /v1/mutations:batch`` names its document kind with ``doc_kind``
(absent = ``declaration``, the long-standing form with ``declaration_id``). Any other kind
registers a :class:`KindHandler` here (its module calls :func:`register` at import):

* ``apply(batch, m)`` — one mutation inside the batch's transaction; returns
  ``(outcome, version, reasons, record)`` like the declaration kinds of
  :class:`sandbox.mutations._Batch` (``record`` False = a retryable refusal); it emits its
  feed changes with :meth:`sandbox.mutations._Batch.doc_change`;
* ``advance(platform, conn)`` — optional: due steps of its own life cycle (called by
  :meth:`sandbox.advancer.AdvancerMixin.advance`), returning how many changes it emitted.

Its status changes travel in the one change feed as ``{"kind": "doc_status", "doc_kind",
"doc_id", "status", "at", "note", "version", ...}`` (PROTOCOL.md "Document kinds").
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

DECLARATION = "declaration"


@dataclass(frozen=True)
class KindHandler:
    name: str
    apply: Callable[[Any, dict], tuple]
    advance: Callable[[Any, Any], int] | None = None


_HANDLERS: dict[str, KindHandler] = {}


def register(h: KindHandler) -> KindHandler:
    _HANDLERS[h.name] = h
    return h


def get(name: str) -> KindHandler | None:
    return _HANDLERS.get(name)


def all_handlers() -> list[KindHandler]:
    return list(_HANDLERS.values())


def doc_status_change(seq: int, doc_kind: str, doc_id: str, status: str, at: str | None,
                      note: str | None, version: int | None, **extra: Any) -> dict:
    """The body of a ``doc_status`` change (``extra`` = the kind's own fields)."""
    body = {"kind": "doc_status", "seq": seq, "doc_kind": doc_kind, "doc_id": doc_id,
            "status": status, "at": at, "note": note, "version": version}
    body.update({k: v for k, v in extra.items() if v is not None})
    return body
