"""JSON API under /api/v1: one module per resource, each with its own router."""

from fastapi import APIRouter

from unknot.web.api import figures, intake, journal, ping, plans, preferences, sessions, swaps, techniques

# The app includes these one by one (a router within a router is matched twice on
# every request); `router` holds them all, for anything that wants them as one.
routers = [module.router for module in (ping, intake, swaps, plans, figures, techniques,
                                        sessions, journal, preferences)]
router = APIRouter()
for _router in routers:
    router.include_router(_router)
