"""The bare endpoint the HTTP benchmark compares with: FastAPI and nothing else.

One route, no middleware, no database, served by the same uvicorn (same version,
h11, asyncio, 1 worker, access log off) as `unknot serve`, so the ratio measures
what unknot adds to a request.
"""

from __future__ import annotations

from fastapi import FastAPI

app = FastAPI(openapi_url=None, docs_url=None, redoc_url=None)


@app.get("/ping")
async def ping() -> dict[str, bool]:
    return {"ok": True}
