"""Property-based API tests from /openapi.json (schemathesis 4): valid and invalid requests to
every operation, signed in with a Bearer token, must never get a 5xx answer.

schemathesis's own pytest loader (`schemathesis.pytest.from_fixture`) fails under pytest 9
(it reads `request.node._nodeid`), so each operation's strategy is run here with hypothesis,
inside an ordinary test that can use the app fixtures (and so runs on both engines).
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from strongstride.web import create_app
from tests.web.conftest import TestClient, Visitor

MAX_EXAMPLES = 25
OPERATIONS = [(method.upper(), path)
              for path, methods in create_app("sqlite://").openapi()["paths"].items()
              for method in methods]
# Every operation with made-up data, valid and invalid; the session operations also with the
# fuzzer's own session, so requests get past the 404 into the handlers.
CASES = [(m, p, mode, False) for m, p in OPERATIONS
         for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)]
CASES += [(m, p, GenerationMode.POSITIVE, True) for m, p in OPERATIONS if "{session_id}" in p]


def _id(case: tuple[str, str, GenerationMode, bool]) -> str:
    method, path, mode, own = case
    return f"{method} {path} {'valid' if mode is GenerationMode.POSITIVE else 'invalid'}" + (
        " own session" if own else "")


@pytest.fixture
def fuzzer(client: TestClient) -> tuple[dict[str, str], str]:
    """(the Bearer header, the id of an active session) of a signed-up user."""
    visitor = Visitor(client)
    visitor.register("fuzzer")
    session = visitor.start()
    return {"Authorization": f"Bearer {visitor.token()}"}, session["id"]


@pytest.mark.parametrize("case", CASES, ids=[_id(c) for c in CASES])
def test_no_request_gets_a_server_error(app: Any, client: TestClient,
                                        fuzzer: tuple[dict[str, str], str],
                                        case: tuple[str, str, GenerationMode, bool]) -> None:
    method, path, mode, own = case
    bearer, session_id = fuzzer
    operation = schemathesis.openapi.from_asgi("/openapi.json", app)[path][method]
    fixed = {"path_parameters": {"session_id": session_id}} if own else {}

    @given(case=operation.as_strategy(generation_mode=mode, **fixed))
    @settings(max_examples=MAX_EXAMPLES, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    def no_5xx(case: Any) -> None:
        response = case.call(headers=bearer)
        case.validate_response(response, checks=[not_a_server_error])

    no_5xx()
