"""A routine to take away: a Garmin FIT workout for the watch and the printable card.

Only the built-in routines (`routines.routine`), like every page; a slug that is not one of
them, a stored routine of any user included, is not found. Both files are deterministic, so
each is made once per process.
"""

from __future__ import annotations

from functools import cache

from fastapi import APIRouter
from starlette.responses import Response

from strongstride.web import routines
from strongstride.web.auth import PageViewer

router = APIRouter(include_in_schema=False)

FIT_TYPE = "application/vnd.ant.fit"  # the type Garmin registered for .fit files
PDF_TYPE = "application/pdf"


@cache
def _fit(slug: str) -> bytes:
    from strongstride.exchange.fit import routine_to_fit  # fit-tool loads slowly

    return routine_to_fit(routines.routine(slug).routine)


@cache
def _card(slug: str) -> bytes:
    from strongstride.exchange.card import routine_card_pdf

    return routine_card_pdf(routines.routine(slug).routine)


def _file(data: bytes, media_type: str, filename: str) -> Response:
    # Slugs of built-in routines are [a-z0-9-], safe inside the quotes.
    return Response(data, media_type=media_type,
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@router.get("/routines/{slug}/workout.fit")
def fit_download(slug: str, viewer: PageViewer) -> Response:
    loaded = routines.routine(slug)
    return _file(_fit(loaded.id), FIT_TYPE, f"{loaded.id}.fit")


@router.get("/routines/{slug}/card.pdf")
def card_download(slug: str, viewer: PageViewer) -> Response:
    loaded = routines.routine(slug)
    return _file(_card(loaded.id), PDF_TYPE, f"{loaded.id}-card.pdf")
