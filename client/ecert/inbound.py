"""A foreign SPS e-certificate → an inbound draft (``python -m client ecert import``).

The file is read with the hardened parser, checked against the profile schema, refused when
cancelled; then the draft is filled: consignor and consignee, departure and trade country
(alpha-2 → alpha-3), unloading port, transport mode (Recommendation 19 → the eCIQ 运输方式 code),
containers, goods lines (description → ``name_en``; an HS class code of 10 digits →
``hs_code``, otherwise ``hs_code`` stays empty with the candidates in the line's
``extra["hs_candidates"]`` and a warning; weights in kg; Rec 21 packages mapped), and the XML
itself attached as the foreign certificate of its type (101007/101006/101008). Nothing is
stored unless the whole draft could be made.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..ciq.lists import eciq_fields
from ..ciq.upgrade import customs_transport
from ..errors import InputError
from ..model import Attachment, Container, GoodsLine, Party
from . import schema, sps, tables
from .store import store_xml
from .xmlsafe import parse


class CertificateRefused(InputError):
    """The e-certificate can be read but must not be used (cancelled)."""

    exit_code = 1


@dataclass
class ImportResult:
    """What ``ecert import`` did: the draft made (if any), warnings, errors."""

    imported: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"imported": self.imported, "warnings": self.warnings, "errors": self.errors}


def _party(p: dict) -> Party:
    uscc = p.get("id") if p.get("id") and len(p["id"]) == 18 else None
    return Party(name_cn=p.get("name_cn"), name_en=p.get("name_en"), uscc=uscc)


def _hs_candidates(desk, code: str) -> list[str]:
    digits = "".join(ch for ch in code if ch.isdigit())
    if len(digits) < 4:
        return []
    hs = desk.codes.table("hs2022")
    out = [e.code for e in hs.search(digits[:6], limit=20)
           if e.code.startswith(digits[:len(e.code)]) or e.code.startswith(digits)]
    six = [c for c in out if len(c) == 6]
    return sorted({c + "0000" for c in six})[:10] or sorted(set(out))[:10]


def read_file(path: Path) -> tuple[bytes, sps.Certificate]:
    """The bytes and content of a foreign certificate file, refused with a clear message when
    it is unreadable, hostile, outside the profile or cancelled."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"无法读取文件 {path}：{exc}", f"cannot read {path}: {exc}") from None
    root = parse(data, Path(path).name)
    schema.check(root, Path(path).name)
    cert = sps.read(root)
    if cert.cancelled:
        raise CertificateRefused(
            f"{Path(path).name}：证书 {cert.number} 已被签发机构作废（StatusCode 40），不能据此报检",
            f"{Path(path).name}: certificate {cert.number} was cancelled by its issuer "
            "(StatusCode 40); it cannot be used")
    return data, cert


def import_certificate(desk, path: Path) -> ImportResult:
    """Build and save an inbound draft from the e-certificate at ``path``."""
    res = ImportResult()
    data, cert = read_file(path)
    att = tables.foreign_attachment(cert.type_code)
    if att is None:
        raise InputError(f"证书类型 {cert.type_code} 不是植物检疫/兽医/动物检疫证书",
                         f"certificate TypeCode {cert.type_code} is not 851, 852 or 853")
    w = res.warnings.append
    if cert.import_country and cert.import_country != "CN":
        w(f"证书的输入国是 {cert.import_country}（{tables.country_name(cert.import_country)}），"
          f"不是中国 / the certificate's import country is {cert.import_country} "
          f"({tables.country_name(cert.import_country)}), not China")
    w("外国签发机构的数字签名未经核验（无其信任证书）/ the foreign issuer's signature was not "
      "verified (no trusted certificate for it)")
    decl = desk.new_draft("inbound")
    decl.consignor = _party(cert.consignor)
    decl.consignee = _party(cert.consignee)
    dep = tables.alpha3(cert.export_country)
    decl.departure_country = dep
    decl.trade_country = dep
    if cert.export_country and not dep:
        w(f"未知的输出国代码 {cert.export_country} / unknown export country {cert.export_country}")
    if cert.unloading_port:
        decl.entry_exit_port = cert.unloading_port
    if cert.transport_mode:
        mode = tables.transport().to_desk.get(cert.transport_mode)
        if mode is not None and "transport_mode" not in eciq_fields(desk.codes):
            mode = customs_transport(mode, desk.codes)   # the desk is on the customs list
        decl.transport_mode = mode
        if mode is None:
            w(f"运输方式 {cert.transport_mode}（UN/ECE Rec 19）在现行运输方式代码表中无唯一对应的代码，"
              f"请填写 / transport mode {cert.transport_mode} (Rec 19) has no single code in "
              f"the transport list in force; fill it in")
    decl.transport_name = cert.transport_name
    decl.containers = [Container(number=n) for n in cert.containers]
    goods = []
    for i, ln in enumerate(cert.lines, 1):
        g = GoodsLine(seq=i, name_en=ln.name_en, name_cn=ln.name_cn,
                      origin_country=tables.alpha3(ln.origin_country),
                      net_weight_kg=ln.net_weight_kg, gross_weight_kg=ln.gross_weight_kg,
                      package_count=ln.package_count)
        code = next(iter(ln.hs_codes), None)
        if code and len(code) == 10 and code.isdigit():
            g.hs_code = code
        elif code:
            g.extra["hs_candidates"] = _hs_candidates(desk, code)
            g.extra["hs_from_certificate"] = code
            w(f"第{i}项货物：证书中的HS编码 {code} 不足10位，请选择："
              f"{', '.join(g.extra['hs_candidates']) or '无候选'} / goods line {i}: HS class code "
              f"{code} is not 10 digits; pick one of the candidates")
        if ln.package_rec21:
            g.package_type = tables.packages().to_desk.get(ln.package_rec21)
            if g.package_type is None:
                w(f"第{i}项货物：包装种类 {ln.package_rec21}（Rec 21）无对应代码 / goods line {i}: "
                  f"package type {ln.package_rec21} (Rec 21) has no desk code")
        goods.append(g)
    decl.goods = goods
    with desk.db.write() as conn:
        sha = store_xml(conn, desk.paths.attachments, data)
    name = f"{cert.number}.xml"
    if len(name) > 64:
        name = name[-64:]
    decl.attachments = [Attachment(type=att[0], file_name=name, sha256=sha, size=len(data))]
    decl.remarks = f"据外国电子证书 {cert.number} 生成 / from foreign e-certificate {cert.number}"
    desk.save_draft(decl)
    res.imported.append(decl.id)
    return res
