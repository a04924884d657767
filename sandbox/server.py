"""Serving the app with uvicorn: on a pre-bound socket so that ``port=0`` works."""
from __future__ import annotations

import logging
import os
import socket
from pathlib import Path

import uvicorn

from .app import create_app
from .settings import Settings


def bind(host: str, port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def make_server(settings: Settings, log_level: str = "warning") -> uvicorn.Server:
    app = create_app(settings)
    config = uvicorn.Config(app, log_level=log_level, access_log=log_level == "debug",
                            ws="none", http="h11", lifespan="on", loop="asyncio",
                            timeout_keep_alive=30, limit_concurrency=200)
    return uvicorn.Server(config)


def write_port_file(path: str | os.PathLike, port: int) -> None:
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(str(port), "utf-8")
    os.replace(tmp, path)


def serve(settings: Settings, host: str = "127.0.0.1", port: int = 8600,
          port_file: str | None = None, log_level: str = "info") -> None:
    logging.basicConfig(level=getattr(logging, log_level.upper(), logging.INFO),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if host not in ("127.0.0.1", "localhost", "::1"):
        logging.getLogger("sandbox").warning(
            "binding %s: the sandbox has demo logins and is meant for this machine only", host)
    sock = bind(host, port)
    actual = sock.getsockname()[1]
    server = make_server(settings, log_level)
    if port_file:
        write_port_file(port_file, actual)
    print(f"CIQ platform sandbox listening on http://{host}:{actual} "
          f"(data {settings.data_dir}, time scale {settings.time_scale}, admin "
          f"{'enabled' if settings.admin_token else 'disabled'})", flush=True)
    server.run(sockets=[sock])
