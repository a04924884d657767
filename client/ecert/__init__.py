"""UN/CEFACT SPSCertificate 17 e-certificates (issue 14): the profile, signatures, storage.

=====================  ==========================================================
:mod:`.tables`         the code mappings (certificate types, Rec 19, Rec 21, countries)
:mod:`.xmlsafe`        the hardened XML parser (no DTD, no entities, no network)
:mod:`.sps`            building the XML from a declaration and reading it back
:mod:`.signing`        XML-DSig enveloped RSA-SHA256: sign (platform) and verify (desk)
:mod:`.schema`         validation against ``resources/schemas/sps_certificate_17_ciqdesk.xsd``
:mod:`.store`          the ``ecerts`` table of the desk's store
:mod:`.sync`           pinning the platform certificate, fetching announced e-certificates
:mod:`.inbound`        a foreign e-certificate → an inbound draft
=====================  ==========================================================

See ``docs/ecert.md``.
"""
