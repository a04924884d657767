"""Document kinds of the one outbox and the one change feed (issue 15).

A *document kind* is a kind of paper the desk files with the platform: ``declaration``
(报检单, the first and default one), ``origin_certificate`` (原产地证书, ``client.origin``),
``ecom_registration`` next. Every kind goes through the SAME outbox table (column
``outbox.doc_kind``), the same :class:`~client.sync.push.Pusher` and the same change feed
(``GET /v1/changes``); a kind only says what is particular to it, by registering a
:class:`DocKind`:

* ``build_payload(conn, doc_id, op)`` — the payload text of one outbox row, built in the
  caller's transaction (:func:`enqueue_doc` calls it and writes the row);
* ``endpoint`` — which endpoint takes its mutations (``/v1/mutations:batch``, the one
  batch endpoint, unless a kind says otherwise; a batch never mixes endpoints);
* ``apply_results(conn, pairs, summary)`` — what the platform's answers do to the kind's
  own table (``pairs`` = ``[(OutboxItem, result)]``, retryable refusals already kept
  pending by the pusher), in the pusher's write transaction;
* ``check_change(change)`` — checks one ``doc_status`` change of the feed (raise
  :class:`~client.sync.http.BadResponse`), after the generic checks;
* ``apply_changes(conn, changes, summary)`` — applies a page's ``doc_status`` changes of
  this kind, in the puller's page transaction (the same receipt twice must be harmless);
* ``resync(client, db, summary)`` — optional: rebuild the kind's platform-owned state after
  the cursor expired (410).

Declarations keep their own long-standing wire form (mutations with ``declaration_id``,
feed changes of kind ``status``) and their writer :mod:`client.store.status`; they are
registered here only so that the registry lists every kind. A module that defines a kind
registers it at import and is named in :data:`MODULES` (one line per kind).
"""
from __future__ import annotations

import importlib
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable

from sqlalchemy import Connection

if TYPE_CHECKING:
    from ..store.db import Database
    from .http import PlatformClient
    from .push import OutboxItem
    from .summary import SyncSummary

DECLARATION = "declaration"
#: the endpoint every kind's mutations go to unless the kind names another one
BATCH_ENDPOINT = "/v1/mutations:batch"
#: the feed change kind carrying a status of a document that is not a declaration
DOC_STATUS = "doc_status"
#: modules that register a kind when imported (add one line for a new kind)
MODULES = (
    "client.origin.sync",
    "client.ecom.kind",
)


@dataclass(frozen=True)
class DocKind:
    """What one document kind plugs into the outbox, the pusher and the feed."""

    name: str
    label_zh: str
    label_en: str
    build_payload: Callable[[Connection, str, str], str | None] | None = None
    apply_results: Callable[[Connection, list[tuple[OutboxItem, dict]], SyncSummary],
                            None] | None = None
    check_change: Callable[[dict], dict] | None = None
    apply_changes: Callable[[Connection, list[dict], SyncSummary], None] | None = None
    resync: Callable[[PlatformClient, Database, SyncSummary], None] | None = None
    endpoint: str = BATCH_ENDPOINT


_KINDS: dict[str, DocKind] = {}
_loaded = False


def register(kind: DocKind) -> DocKind:
    """Add (or replace, on re-import) a kind; returns it."""
    _KINDS[kind.name] = kind
    return kind


def _load() -> None:
    global _loaded
    if not _loaded:
        _loaded = True
        for name in MODULES:
            importlib.import_module(name)


def get(name: str | None) -> DocKind | None:
    """The kind called ``name`` (``None`` = a declaration), or None when unknown."""
    _load()
    return _KINDS.get(name or DECLARATION)


def all_kinds() -> list[DocKind]:
    _load()
    return list(_KINDS.values())


def endpoint(name: str | None) -> str:
    k = get(name)
    return k.endpoint if k is not None else BATCH_ENDPOINT


def enqueue_doc(conn: Connection, doc_kind: str, doc_id: str, op: str, *,
                mutation_id: str | None = None, base_version: int | None = None,
                payload: Any = None) -> str:
    """Write one outbox row for a document of ``doc_kind`` in the caller's transaction;
    returns its ``mutation_id``. The payload is the kind's ``build_payload`` (or
    ``payload`` given here, a JSON-able value or text)."""
    from ..model import new_ulid
    from .push import enqueue
    kind = get(doc_kind)
    if kind is None:
        raise ValueError(f"unknown document kind {doc_kind!r}")
    if payload is None and kind.build_payload is not None:
        text = kind.build_payload(conn, doc_id, op)
    elif payload is None or isinstance(payload, str):
        text = payload
    else:
        text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    mid = mutation_id or new_ulid()
    enqueue(conn, mutation_id=mid, declaration_id=doc_id, kind=op, inspection_no=None,
            base_version=base_version, payload=text, doc_kind=doc_kind)
    return mid


register(DocKind(DECLARATION, "报检单", "declaration"))
