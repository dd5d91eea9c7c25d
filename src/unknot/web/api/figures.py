"""GET /techniques/{id}/figure: a technique's figure as SVG, for pages that draw cards in script."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import HTTPException, Path, Query
from fastapi.responses import Response

from unknot.figures import FigureError, figure_svg
from unknot.library.loader import default_library
from unknot.vocabulary import Position
from unknot.web.api.routing import api_router
from unknot.web.schemas import Problem

router = api_router("techniques")


@router.get("/techniques/{technique_id}/figure", response_class=Response,
            responses={200: {"content": {"image/svg+xml": {}}, "description": "The figure"},
                       404: {"model": Problem, "description": "No such technique"}})
async def get_figure(
    technique_id: Annotated[str, Path(max_length=100)],
    position: Annotated[Position | None, Query(description="Draw it in this position.")] = None,
    size: Annotated[Literal["small", "large"], Query()] = "small",
    side: Annotated[Literal["left", "right"] | None, Query(
        description="A plan step's side: drawn on that side, and said in the text alternative.")] = None,
    still: Annotated[bool, Query(description="Without motion (for long lists).")] = False,
    standalone: Annotated[bool, Query(description="A still figure with its colours written in, "
                                      "to show as an image (<img>) without the page's styles.")] = False,
    scheme: Annotated[Literal["light", "dark"], Query(
        description="The colours of a standalone figure: the page's light or dark scheme.")] = "light",
) -> Response:
    """The technique drawn in `position` (default: its usual one) and on `side`, the stroke
    moving with the breath."""
    technique = default_library().get(technique_id)
    if technique is None:
        raise HTTPException(404, detail=f"no technique {technique_id!r}")
    try:
        svg = figure_svg(technique, position=position, size=size, animate=not still,
                         standalone=standalone, side=side, scheme=scheme)
    except FigureError as exc:
        raise HTTPException(404, detail=str(exc)) from exc
    return Response(svg, media_type="image/svg+xml",
                    headers={"Cache-Control": "public, max-age=3600"})
