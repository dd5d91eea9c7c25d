"""What makes the app installable and usable offline: the manifest and the service worker.

The service worker is served from the root (`/sw.js`) so its scope is the whole
site. Its cache is named after the release hash, so a new release replaces the
old shell in one step; the list of files it keeps is written here, where the
page routes are known, rather than by hand in the script.
"""

from __future__ import annotations

import json

from fastapi import APIRouter
from fastapi.responses import JSONResponse, Response

from unknot.web.pages.templating import STATIC_DIR, asset, release, static_versions

router = APIRouter(include_in_schema=False)

# Pages every visit should be able to open offline: the flow, journal, library, settings.
SHELL_PAGES = ("/", "/check", "/safety", "/plan", "/before", "/session", "/after", "/journal", "/library",
               "/settings")
# JSON the offline app reads: the library list (for swapping steps) and the preferences.
SHELL_DATA = ("/api/v1/techniques",)


def shell_assets() -> list[str]:
    """Every static file, by its versioned URL."""
    return [asset(name) for name in static_versions()]


@router.get("/sw.js")
def service_worker() -> Response:
    """The service worker, with this release's name and file list filled in."""
    source = (STATIC_DIR / "sw.js").read_text(encoding="utf-8")
    config = {"release": release(), "pages": list(SHELL_PAGES), "assets": shell_assets(),
              "data": list(SHELL_DATA)}
    body = f"const CONFIG = {json.dumps(config)};\n{source}"
    return Response(body, media_type="text/javascript",
                    headers={"Cache-Control": "no-cache", "Service-Worker-Allowed": "/"})


@router.get("/manifest.webmanifest")
def manifest() -> JSONResponse:
    """The web app manifest: name, colours, icons, start page."""
    data = {
        "name": "unknot — guided self-massage",
        "short_name": "unknot",
        "description": "A calm voice that guides your hands through a short self-massage routine.",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "orientation": "any",
        "background_color": "#f6f4ef",
        "theme_color": "#0b5f5a",
        "icons": [
            {"src": asset("icons/icon.svg"), "sizes": "any", "type": "image/svg+xml"},
            {"src": asset("icons/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": asset("icons/icon-512.png"), "sizes": "512x512", "type": "image/png"},
            {"src": asset("icons/maskable-512.png"), "sizes": "512x512", "type": "image/png",
             "purpose": "maskable"},
        ],
    }
    return JSONResponse(data, media_type="application/manifest+json",
                        headers={"Cache-Control": "no-cache"})
