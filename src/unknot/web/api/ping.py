"""GET /ping: the bare endpoint, for health checks and as the benchmark's baseline."""

from __future__ import annotations

from unknot.web.api.routing import api_router
from unknot.web.schemas import Ping

router = api_router("ping")


@router.get("/ping", response_model=Ping)
async def ping() -> Ping:
    """Answers at once, touching nothing: the same stack as every route, minus the work."""
    return Ping(ok=True)
