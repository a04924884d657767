"""Cross-border e-commerce registrations (跨境电商备案, issue 15 items 6–8). Qt-free.

=====================  ==========================================================
:mod:`.model`          operator and product registrations: parsing and validation
                       (bilingual, field-pointing problems), shared with the sandbox
:mod:`.store`          the ``ecom_registrations`` table of the desk's store
:mod:`.sync`           filing pending registrations, looking numbers up on the platform
:mod:`.labels`         traceability label text (encode/decode) and the A4 label grid
:mod:`.trace`          a scanned label's text → goods, declarations, status history
=====================  ==========================================================

See ``docs/ecom.md``.
"""
