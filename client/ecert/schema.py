"""Validation against the CIQ Desk profile of SPSCertificate 17 (``resources/schemas``).

Both what the platform issues and what the desk imports are checked here; the schema is
loaded once per process from the local files (``schemaLocation`` imports are relative, so no
network is involved).
"""
from __future__ import annotations

from functools import lru_cache

from .. import paths
from ..errors import InputError

SCHEMA_FILE = "sps_certificate_17_ciqdesk.xsd"


class SchemaInvalid(InputError):
    """The XML is an SPSCertificate, but not one of the profile the desk reads."""


@lru_cache(maxsize=1)
def _schema():
    from lxml import etree
    path = paths.resource_dir() / "schemas" / SCHEMA_FILE
    doc = etree.parse(str(path), etree.XMLParser(no_network=True, resolve_entities=False))
    return etree.XMLSchema(doc)


def errors(root) -> list[str]:
    """The schema errors of ``root`` (empty when it is valid)."""
    s = _schema()
    if s.validate(root):
        return []
    return [f"line {e.line}: {e.message}" for e in s.error_log][:20]


def check(root, source: str = "XML") -> None:
    """:class:`SchemaInvalid` listing the first problems when ``root`` is outside the profile."""
    errs = errors(root)
    if errs:
        raise SchemaInvalid(f"{source}：不符合 SPSCertificate 17 证书格式（CIQ Desk 规范）："
                            + "; ".join(errs[:3]),
                            f"{source}: not an SPSCertificate 17 of the profile CIQ Desk reads: "
                            + "; ".join(errs[:3]))
