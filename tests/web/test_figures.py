"""The exercise figures over HTTP: `figure_url` on every exercise of the routine, the SVG it
answers (cached like a file of the app), its errors, and the routine page's small figures.

Written for whichever exercises have been drawn: each test reads which ones from the routine's
own answer, so a newly drawn figure is covered without changing the tests."""

from __future__ import annotations

import html
import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from strongstride.figures import has_figure
from strongstride.library import default_library
from tests.web.conftest import TestClient, Visitor
from tests.web.test_substitutions import lack

FIGURE_URL = re.compile(r"^/api/exercises/([a-z0-9-]+)/figure\.svg(\?variation=[a-z0-9-]+)?$")


@pytest.fixture
def ana(visitor: Visitor) -> Visitor:
    visitor.register("ana")
    return visitor


@pytest.fixture
def anyone(ana: Visitor) -> TestClient:
    """Ana's browser: her cookie goes with every request, as with an `<img>` of the site."""
    return ana.client


@pytest.fixture
def nobody(client: TestClient) -> TestClient:
    """A client that is no one: no cookie, no token."""
    return TestClient(client.app)


def exercises(routine: dict[str, Any]) -> list[dict[str, Any]]:
    return [exercise for section in routine["sections"] for exercise in section["exercises"]]


def drawn(routine: dict[str, Any]) -> list[dict[str, Any]]:
    found = [exercise for exercise in exercises(routine) if exercise["figure_url"]]
    assert found, "no exercise of the routine has a figure"
    return found


def test_every_exercise_names_its_figure_or_null(ana: Visitor) -> None:
    routine = ana.api("GET", "/api/routines/runner-glute").json()
    library = default_library()
    for exercise in exercises(routine):
        info = library.find(exercise["name"])
        assert info is not None, exercise["name"]
        if not has_figure(info.id):
            assert exercise["figure_url"] is None, exercise
            continue
        # With all her equipment: the figure of the exercise as written, no variation.
        assert exercise["figure_url"] == f"/api/exercises/{info.id}/figure.svg"


def test_a_figure_is_an_svg_kept_like_a_file_of_the_app(ana: Visitor, anyone: TestClient,
                                                        nobody: TestClient) -> None:
    for exercise in drawn(ana.api("GET", "/api/routines/runner-glute").json()):
        assert _problem(nobody.get(exercise["figure_url"]), 401, None) == "sign in first"
        answer = anyone.get(exercise["figure_url"])
        assert answer.status_code == 200, (exercise["name"], answer.text)
        assert answer.headers["content-type"] == "image/svg+xml"
        body = answer.text
        assert body.lstrip().startswith(("<svg", "<?xml")) and body.rstrip().endswith("</svg>")
        assert "<script" not in body and "href=\"http" not in body
        cache = answer.headers["cache-control"]
        assert "private" in cache and "max-age=86400" in cache and "no-cache" not in cache
        tag = answer.headers["etag"]
        again = anyone.get(exercise["figure_url"], headers={"If-None-Match": tag})
        assert again.status_code == 304 and again.content == b""
        assert again.headers["etag"] == tag
        # A still is the key position alone: no animation (a held stretch is one already).
        still = anyone.get(exercise["figure_url"], params={"still": "true"})
        assert still.status_code == 200 and "@keyframes" not in still.text
        assert (still.headers["etag"] != tag) == ("@keyframes" in body)


def test_the_right_side_is_another_drawing_than_the_left(ana: Visitor,
                                                         anyone: TestClient) -> None:
    library = default_library()
    one_sided = 0
    for exercise in drawn(ana.api("GET", "/api/routines/runner-glute").json()):
        url = exercise["figure_url"]
        plain = anyone.get(url).text
        left = anyone.get(url, params={"side": "left"}).text
        right = anyone.get(url, params={"side": "right"}).text
        info = library.find(exercise["name"])
        assert info is not None
        if info.one_sided:
            one_sided += 1
            assert left != right, exercise["name"]
        else:  # both legs at once: no side to mirror to
            assert left == right == plain, exercise["name"]
    if not one_sided:
        pytest.skip("no one-sided exercise of the routine is drawn yet")


def test_without_her_equipment_the_figure_is_the_variation(ana: Visitor,
                                                           anyone: TestClient) -> None:
    lack(ana, "band", "exercise-ball", "weights", "sliders", "step", "small-ball")
    routine = ana.api("GET", "/api/routines/runner-glute").json()
    instead = {sub["exercise"]: sub for sub in routine["substitutions"]}
    varied = 0
    for exercise in drawn(routine):
        found = FIGURE_URL.match(exercise["figure_url"])
        assert found, exercise["figure_url"]
        query = parse_qs(urlsplit(exercise["figure_url"]).query)
        sub = instead.get(exercise["name"])
        if sub is None:
            assert query == {}, exercise
            continue
        varied += 1
        assert query == {"variation": [sub["without"][0]]}, (exercise, sub)
        as_written = anyone.get(urlsplit(exercise["figure_url"]).path)
        variation = anyone.get(exercise["figure_url"])
        assert variation.status_code == 200 and as_written.status_code == 200
        assert variation.text != as_written.text, exercise["name"]
    if not varied:
        pytest.skip("no drawn exercise of the routine has a variation yet")


def _problem(answer: Any, status: int, field: str | None) -> str:
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"].startswith("application/json")
    problems = [p for p in answer.json()["detail"] if p["field"] == field]
    assert problems, answer.json()
    message: str = problems[0]["message"]
    return message


def test_wrong_addresses_and_parameters_are_named(ana: Visitor, anyone: TestClient) -> None:
    url = drawn(ana.api("GET", "/api/routines/runner-glute").json())[0]["figure_url"]
    path = urlsplit(url).path
    exercise_id = path.split("/")[3]
    assert "no exercise has the id 'hip-thrust'" in _problem(
        anyone.get("/api/exercises/hip-thrust/figure.svg"), 404, None)
    _problem(anyone.get("/api/exercises/..%2F..%2Fetc/figure.svg"), 404, None)
    _problem(anyone.get("/api/exercises/Squat/figure.svg"), 422, "exercise_id")
    assert "side" in _problem(anyone.get(path, params={"side": "middle"}), 422, "side")
    _problem(anyone.get(path, params={"still": "maybe"}), 422, "still")
    # A variation is the id of equipment this exercise has a variation without.
    info = default_library().get(exercise_id)
    others = {key for other in default_library() for key, _ in other.variations}
    wrong = sorted(others - {key for key, _ in info.variations})[0]
    assert "variation must be" in _problem(anyone.get(path, params={"variation": wrong}),
                                           422, "variation")
    _problem(anyone.get(path, params={"variation": "Band!"}), 422, "variation")
    undrawn = [info.id for info in default_library() if not has_figure(info.id)]
    if undrawn:
        assert "has no figure yet" in _problem(
            anyone.get(f"/api/exercises/{undrawn[0]}/figure.svg"), 404, None)


def test_the_routine_page_shows_a_small_figure_beside_each_drawn_exercise(
        ana: Visitor) -> None:
    routine = ana.api("GET", "/api/routines/runner-glute").json()
    page = ana.client.get("/routines/runner-glute").text
    images = re.findall(r'<img class="figure" ([^>]*)>', page)
    wanted = [exercise for exercise in exercises(routine) if exercise["figure_url"]]
    assert len(images) == len(wanted)
    for attrs, exercise in zip(map(html.unescape, images), wanted, strict=True):
        # A still of the key position: a list of moves that all moved would be hard to read.
        url = exercise["figure_url"]
        assert f'src="{url}{"&" if "?" in url else "?"}still=true"' in attrs
        assert 'loading="lazy"' in attrs and 'width="88"' in attrs and 'height="88"' in attrs
        assert f'alt="Figure: {exercise["name"]}, one rep"' in attrs
