"""``python -m sandbox``: run the sandbox platform on 127.0.0.1."""
from __future__ import annotations

import argparse
import os

from .settings import ENV_ADMIN_TOKEN, Settings


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m sandbox",
                                 description="CIQ Desk sandbox platform (sync protocol v1)")
    ap.add_argument("--host", default="127.0.0.1", help="bind address (default 127.0.0.1)")
    ap.add_argument("--port", type=int, default=8600, help="port (0 = any free port)")
    ap.add_argument("--data-dir", required=True, help="directory for the sandbox database")
    ap.add_argument("--time-scale", type=float, default=1.0,
                    help="platform seconds per real second (1000 = a life cycle in seconds)")
    ap.add_argument("--admin-token-file", help=(
        f"a file holding the token that enables /admin endpoints (default: the environment "
        f"variable ${ENV_ADMIN_TOKEN}); never on the command line, where `ps` shows it"))
    ap.add_argument("--token-ttl", type=float, default=3600.0,
                    help="access-token lifetime in seconds")
    ap.add_argument("--refresh-ttl", type=float, default=30 * 86400.0)
    ap.add_argument("--lease-ttl", type=float, default=7 * 86400.0,
                    help="number-lease lifetime in seconds")
    ap.add_argument("--lease-grace", type=float, default=7 * 86400.0,
                    help="after a lease expires, its unsubmitted serials stay usable this long")
    ap.add_argument("--min-client-version", default="0.1.0")
    ap.add_argument("--no-require-attachments", action="store_true",
                    help="accept submissions whose attachments were not uploaded")
    ap.add_argument("--eciq-lists", action="store_true",
                    help="publish the eCIQ transport/trade lists (code-table version "
                         "2027.01.0) at start, as POST /admin/codes:eciq does")
    ap.add_argument("--port-file", help="write the bound port to this file once listening")
    ap.add_argument("--log-level", default="info")
    a = ap.parse_args(argv)
    admin_token = os.environ.get(ENV_ADMIN_TOKEN) or None
    if a.admin_token_file:
        try:
            with open(a.admin_token_file, encoding="utf-8") as f:
                admin_token = f.read().strip() or None
        except OSError as exc:
            ap.error(f"cannot read --admin-token-file: {exc}")
    settings = Settings(data_dir=a.data_dir, time_scale=a.time_scale,
                        admin_token=admin_token, token_ttl=a.token_ttl,
                        refresh_ttl=a.refresh_ttl, lease_ttl=a.lease_ttl,
                        lease_grace=a.lease_grace, min_client_version=a.min_client_version,
                        require_attachments=not a.no_require_attachments,
                        eciq_lists=a.eciq_lists)
    from .server import serve
    serve(settings, a.host, a.port, a.port_file, a.log_level)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
