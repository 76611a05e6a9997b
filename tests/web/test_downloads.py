"""The routine as files from the web app: a FIT workout (decoded with Garmin's SDK, integrity
checked) and the printable card (opened with pypdf), with their types and file names; only
the built-in routines, never a user's stored routine."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from garmin_fit_sdk import Decoder, Stream
from pypdf import PdfReader

from strongstride import routines
from strongstride.exchange.fit import workout_steps
from tests.web.conftest import TestClient, Visitor

FIT = "/routines/runner-glute/workout.fit"
CARD = "/routines/runner-glute/card.pdf"


@pytest.fixture
def ana(visitor: Visitor) -> Visitor:
    visitor.register("ana")
    return visitor


def decode_fit(data: bytes) -> dict[str, list[dict[str, Any]]]:
    checker = Decoder(Stream.from_byte_array(bytearray(data)))
    assert checker.is_fit()
    assert checker.check_integrity()
    messages, errors = Decoder(Stream.from_byte_array(bytearray(data))).read()
    assert errors == []
    return dict(messages)


def test_the_routine_page_links_to_both_files(ana: Visitor) -> None:
    page = ana.client.get("/routines/runner-glute").text
    assert f'<a href="{FIT}" download>' in page
    assert f'<a href="{CARD}" download>' in page


def test_the_fit_download_is_a_workout_a_garmin_watch_reads(ana: Visitor) -> None:
    answer = ana.client.get(FIT)
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/vnd.ant.fit"
    assert answer.headers["content-disposition"] == 'attachment; filename="runner-glute.fit"'
    messages = decode_fit(answer.content)
    routine = routines.builtin_routine("runner-glute").routine
    [file_id] = messages["file_id_mesgs"]
    assert file_id["type"] == "workout"
    [workout] = messages["workout_mesgs"]
    assert workout["wkt_name"] == routine.title
    assert workout["sub_sport"] == "strength_training"
    steps = messages["workout_step_mesgs"]
    expected = workout_steps(routine)
    assert len(steps) == workout["num_valid_steps"] == len(expected)
    assert [s.get("wkt_step_name") for s in steps] == [e.name for e in expected]
    assert ana.client.get(FIT).content == answer.content  # the same bytes every time


def test_the_card_download_is_a_pdf_with_every_exercise(ana: Visitor) -> None:
    answer = ana.client.get(CARD)
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/pdf"
    assert (answer.headers["content-disposition"]
            == 'attachment; filename="runner-glute-card.pdf"')
    reader = PdfReader(io.BytesIO(answer.content))
    assert 1 <= len(reader.pages) <= 2
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    routine = routines.builtin_routine("runner-glute").routine
    assert routine.title and routine.title in text
    for exercise in routine.exercises:
        assert exercise.name in text


def test_files_need_sign_in(client: TestClient) -> None:
    for path in (FIT, CARD):
        answer = client.get(path, follow_redirects=False)
        assert answer.status_code == 303
        assert answer.headers["location"] == f"/login?next={path}"


@pytest.mark.parametrize("kind", ["workout.fit", "card.pdf"])
def test_a_stored_routine_of_another_user_is_not_found(
        app: Any, ana: Visitor, new_visitor: Any, kind: str) -> None:
    """The files are made of built-in routines only: a routine a user keeps in the database
    (her own or anyone's) is never read by slug, so nothing of it can be downloaded."""
    store = app.state.strongstride.store
    ana_id = store.find_user("ana")
    store.save_routine(ana_id, "ana-secret", "Ana's secret routine",
                       "# Ana's secret routine\n\n## main\n- Clamshell: 2 sets of 10 reps\n")
    bob: Visitor = new_visitor()
    bob.register("bob")
    for who in (bob, ana):
        answer = who.client.get(f"/routines/ana-secret/{kind}")
        assert answer.status_code == 404
        assert "secret routine" not in answer.text
        assert answer.headers["content-type"].startswith("text/html")
    traversal = bob.client.get(f"/routines/..%2F..%2Fetc%2Fpasswd/{kind}")
    assert traversal.status_code == 404
    assert not re.search(r"root:.*:0:0:", traversal.text)
