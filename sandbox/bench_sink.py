"""Benchmark floors: HTTP endpoints that move bytes and do nothing else (admin only).

``benchmarks/bench_pipeline.py`` measures the bare cost of one HTTP batch of the same
bytes the desk's push sent and its pull received, against this same server, in the same
run: ``POST /admin/bench/sink`` reads the request body and answers its length;
``GET /admin/bench/bytes?n=N`` answers ``N`` bytes. Both need the admin token, like
every ``/admin/`` endpoint, and touch no platform state.
"""
from __future__ import annotations

from fastapi import Depends, FastAPI, Query, Request
from fastapi.responses import Response

MAX_BYTES = 512 * 1024 * 1024


def register(app: FastAPI, admin) -> None:
    """Add the two floor endpoints to ``app`` behind the ``admin`` dependency."""
    adm = [Depends(admin)]

    @app.post("/admin/bench/sink", tags=["admin"], dependencies=adm)
    async def bench_sink(request: Request):
        n = 0
        async for chunk in request.stream():
            n += len(chunk)
        return {"bytes": n}

    @app.get("/admin/bench/bytes", tags=["admin"], dependencies=adm)
    def bench_bytes(n: int = Query(..., ge=0, le=MAX_BYTES)):
        return Response(b"x" * n, media_type="application/octet-stream")
