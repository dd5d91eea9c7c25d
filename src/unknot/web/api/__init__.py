"""JSON API under /api/v1: one module per resource, each with its own router."""

from fastapi import APIRouter

from unknot.web.api import figures, intake, journal, ping, plans, preferences, sessions, swaps, techniques

router = APIRouter()
for _module in (ping, intake, swaps, plans, figures, techniques, sessions, journal, preferences):
    router.include_router(_module.router)
