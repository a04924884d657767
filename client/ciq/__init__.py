"""eCIQ reference lookups for the goods line (Qt-free): everything the editor needs.

* :func:`ciq_lookup` → :class:`CiqLookup` — ``codes_for(hs)`` (the CIQ codes of an HS code
  with their names, for the CIQ-code picker), ``get``/``name`` (the pair's row),
  ``search(text)`` (code prefix or name over the 24,197 codes), ``catalogue(hs, ciq)`` →
  :class:`CatalogueEntry` (检验检疫类别 letters via ``letters(direction)``, 监管条件 via
  ``condition(direction)``: the chips on each line);
* :func:`requirements` (declaration, goods index) → list of :class:`Requirement` (the
  "本商品需要" panel: code, kind, Chinese/English name, present, the field to fix);
* :func:`upgrade_v1` — an ``@1`` declaration's customs transport/trade codes mapped to eCIQ
  (:func:`client.ciq.upgrade.map_customs_codes`, the one mapping);
* the switch to the eCIQ lists (code-table version 2027.01.0): :mod:`client.ciq.lists`
  (which lists a code book holds), :mod:`client.ciq.switch` (stored drafts converted at
  sync), :mod:`client.ciq.importing` (customs-coded files mapped on import, with warnings).

Code tables: ``CodeBook.table(name)`` for ``goods_attributes``, ``licences_inbound``,
``licences_outbound``, ``dangerous_pack_categories``, ``enterprise_qualifications``,
``attachment_types_eciq``, ``certificates_eciq``, ``transport_modes_eciq``,
``trade_modes_eciq`` (``CodeTable.search`` for pickers). Nothing else is needed.
"""
from __future__ import annotations

from .lookup import CatalogueEntry, CiqCode, CiqLookup, ciq_lookup
from .requirements import LICENCE_TABLE, Requirement, requirements
from .upgrade import upgrade_v1

__all__ = ["CatalogueEntry", "CiqCode", "CiqLookup", "LICENCE_TABLE", "Requirement",
           "ciq_lookup", "requirements", "upgrade_v1"]
