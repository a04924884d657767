"""Customs codes in an imported file, mapped to eCIQ on import (issue 13, Qt-free).

Called by :meth:`client.services.Desk.store_imported` (the one import path: JSON, Excel
and CSV). Once the desk holds the eCIQ lists (:func:`client.ciq.lists.eciq_fields`), a
declaration written in customs terms is mapped through the same function as the stored
drafts at the switch (:func:`client.ciq.upgrade.map_customs_codes`), and every mapped
field becomes a **warning** of the import report, pointing at the field and saying
"customs X → eCIQ Y" in Chinese and English. A declaration is in customs terms when it is
``@1``, or when its trade mode is a customs code (four digits, never an eCIQ one). Before
the switch nothing is mapped: the customs codes are the lists in force, and the drafts are
converted with the others when the eCIQ lists arrive.
"""
from __future__ import annotations

from ..codes import CodeBook
from ..model import SCHEMA, Declaration
from .lists import eciq_fields
from .upgrade import UpgradeNote, in_customs_terms, map_customs_codes


def map_on_import(decl: Declaration, codes: CodeBook) -> list[UpgradeNote]:
    """Map ``decl`` in place when the desk holds the eCIQ lists and it is in customs terms;
    returns the notes (empty when nothing was done)."""
    fields = eciq_fields(codes)
    if not fields or not in_customs_terms(decl, codes):
        return []
    notes = map_customs_codes(decl, codes, only=fields)
    decl.schema = SCHEMA
    return notes
