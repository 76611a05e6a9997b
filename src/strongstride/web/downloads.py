"""A routine to take away: a Garmin FIT workout for the watch and the printable card.

Both are done with her equipment: the variations for what her profile says she lacks.
Only the built-in routines, like every page; a slug that is not one of them, a stored routine
of any user included, is not found.
"""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response

from strongstride.web.auth import AppDep, PageViewer

router = APIRouter(include_in_schema=False)

FIT_TYPE = "application/vnd.ant.fit"  # the type Garmin registered for .fit files
PDF_TYPE = "application/pdf"


def _file(data: bytes, media_type: str, filename: str) -> Response:
    # Slugs of built-in routines are [a-z0-9-], safe inside the quotes.
    return Response(data, media_type=media_type,
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@router.get("/routines/{slug}/workout.fit")
def fit_download(slug: str, viewer: PageViewer, app: AppDep) -> Response:
    loaded = app.builtin_routine(slug)
    missing = frozenset(viewer.account.missing_equipment)
    return _file(app.routine_fit(loaded, missing), FIT_TYPE, f"{loaded.id}.fit")


@router.get("/routines/{slug}/card.pdf")
def card_download(slug: str, viewer: PageViewer, app: AppDep) -> Response:
    loaded = app.builtin_routine(slug)
    missing = frozenset(viewer.account.missing_equipment)
    return _file(app.routine_card(loaded, missing), PDF_TYPE, f"{loaded.id}-card.pdf")
