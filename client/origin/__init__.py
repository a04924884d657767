"""Certificates of origin (原产地证书), the desk's second document kind (issue 15).

``model`` (the ``ciqdesk/origin-certificate@1`` document, started from an outbound
declaration), ``tables`` (agreements × partner countries × dates, origin criteria, GSP donors
from the code book), ``rules`` (the O1xxx rulebook the platform uses too), ``store`` (the
``origin_certificates`` / ``origin_history`` tables, their only writer), ``service`` (what the
CLI and UI call) and ``sync`` (the ``origin_certificate`` kind of :mod:`client.sync.kinds`).
"""
