"""``python -m client ecert list|export|verify|import``: the platform's e-certificates.

* ``ecert list ID [--json]`` — the e-certificates of a declaration (number, type, status,
  issued at);
* ``ecert export ID --out DIR`` — each one's XML byte for byte as the platform issued it
  (``<number>.xml``; a cancelled one also ``<number>.cancelled.xml``);
* ``ecert verify FILE.xml`` — exit 0 valid, 1 invalid signature or cancelled, 2 unreadable;
  checked against the platform certificate pinned at login (``--cert PEM`` for another);
* ``ecert import FILE.xml [--json]`` — a foreign e-certificate → an inbound draft.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

from ..plural import count


def register(sub) -> None:
    p = sub.add_parser("ecert", help="电子证书（UN/CEFACT SPS）/ e-certificates")
    es = p.add_subparsers(dest="ecert_command", metavar="ACTION", required=True)
    a = es.add_parser("list", help="列出报检单的电子证书 / list a declaration's e-certificates")
    a.add_argument("id", metavar="ID", help="本地编号或报检号")
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=cmd_list)
    a = es.add_parser("export", help="导出电子证书 XML（原样）/ export the XML byte for byte")
    a.add_argument("id", metavar="ID")
    a.add_argument("--out", required=True, metavar="DIR")
    a.set_defaults(func=cmd_export)
    a = es.add_parser("verify", help="核验电子证书签名 / verify an e-certificate")
    a.add_argument("file", metavar="FILE.xml")
    a.add_argument("--cert", metavar="PEM", help="用此证书核验（默认为登录时固定的平台证书）")
    a.set_defaults(func=cmd_verify)
    a = es.add_parser("import", help="据外国电子证书生成入境报检草稿 / import a foreign one")
    a.add_argument("file", metavar="FILE.xml")
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=cmd_import)


def _ecerts(ctx):
    from ..ecert import store as q
    from ..errors import NotFound
    desk = ctx.desk()
    key = ctx.args.id
    with desk.db.read() as conn:
        rows = q.of_declaration(conn, key)
    if not rows:
        desk.summary(key)  # NotFound when there is no such declaration
        raise NotFound(f"报检单 {key} 没有电子证书", f"declaration {key} has no e-certificates")
    return desk, rows


def cmd_list(ctx) -> int:
    from ..errors import NotFound
    try:
        _desk, rows = _ecerts(ctx)
    except NotFound:
        if ctx.args.json:
            ctx.desk().summary(ctx.args.id)
            ctx.print_json([])
            return 0
        raise
    if ctx.args.json:
        ctx.print_json([r.to_dict() for r in rows])
        return 0
    for r in rows:
        zh, en = r.type_name
        print(f"{r.number}\t{r.cert_type} {en if ctx.lang == 'en' else zh}\t"
              f"{r.status_name(ctx.lang)}\t{r.issued_at or ''}"
              + (f"\t{ctx.t('替换', 'replaces')} {r.replaces}" if r.replaces else ""))
    return 0


def cmd_export(ctx) -> int:
    from ..store.blobs import blob_path
    desk, rows = _ecerts(ctx)
    out = Path(ctx.args.out)
    out.mkdir(parents=True, exist_ok=True)
    n = 0
    for r in rows:
        for sha, suffix in ((r.sha256, ".xml"), (r.cancel_sha256, ".cancelled.xml")):
            if sha:
                shutil.copyfile(blob_path(desk.paths.attachments, sha), out / (r.number + suffix))
                n += 1
    print(ctx.t(f"已导出 {n} 个文件到 {out}", f"{count(n, 'file')} exported to {out}"))
    return 0 if n else 1


def cmd_verify(ctx) -> int:
    from ..ecert import schema, signing, sps
    from ..ecert.sync import pinned
    from ..errors import DeskError
    path = Path(ctx.args.file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        print(ctx.t(f"无法读取 {path}：{exc}", f"cannot read {path}: {exc}"), file=sys.stderr)
        return 2
    pem: bytes | None
    if ctx.args.cert:
        try:
            pem = Path(ctx.args.cert).read_bytes()
        except OSError as exc:
            print(ctx.t(f"无法读取 {ctx.args.cert}：{exc}", f"cannot read {ctx.args.cert}: "
                        f"{exc}"), file=sys.stderr)
            return 2
    else:
        with ctx.desk().db.read() as conn:
            pem = pinned(conn)
        if pem is None:
            print(ctx.t("尚未固定平台签名证书：请先登录平台，或用 --cert 指定",
                        "no pinned platform certificate: log in first, or give --cert"),
                  file=sys.stderr)
            return 2
    try:
        root = signing.verify(data, pem, path.name)
    except signing.SignatureInvalid as exc:
        print(exc.message(ctx.lang), file=sys.stderr)
        return 1
    except DeskError as exc:
        print(exc.message(ctx.lang), file=sys.stderr)
        return 2
    problems = schema.errors(root)
    cert = sps.read(root)
    if problems:
        print(ctx.t("签名有效，但不符合证书格式：", "signature valid, but outside the profile: ")
              + "; ".join(problems[:3]), file=sys.stderr)
        return 1
    if cert.cancelled:
        print(ctx.t(f"{cert.number}：签名有效，但证书已作废（StatusCode 40）",
                    f"{cert.number}: signature valid, but the certificate is CANCELLED "
                    "(StatusCode 40)"))
        return 1
    print(ctx.t(f"{cert.number}：签名有效，证书有效（签发于 {cert.issued_at}）",
                f"{cert.number}: signature valid, certificate issued at {cert.issued_at}"))
    return 0


def cmd_import(ctx) -> int:
    from ..ecert.inbound import ImportResult, import_certificate
    from ..errors import DeskError
    try:
        res = import_certificate(ctx.desk(), Path(ctx.args.file))
        code = 0
    except DeskError as exc:
        res = ImportResult(errors=[exc.message(ctx.lang)])
        code = exc.exit_code
    if ctx.args.json:
        ctx.print_json(res.to_dict())
    else:
        for i in res.imported:
            print(ctx.t(f"已生成入境报检草稿 {i}", f"inbound draft {i} created"))
        for w in res.warnings:
            print(ctx.t("提示：", "warning: ") + w, file=sys.stderr)
        for e in res.errors:
            print(e, file=sys.stderr)
    return code
