"""docs/api.md keeps up with the app: every API operation and every set field is in it."""

from __future__ import annotations

from strongstride.web import create_app
from strongstride.web.schemas import SetIn
from tests.conftest import ROOT

DOC = (ROOT / "docs" / "api.md").read_text()


def test_every_api_operation_is_in_the_doc() -> None:
    paths = create_app("sqlite://").openapi()["paths"]
    missing = [f"{method.upper()} {path}" for path, methods in paths.items()
               for method in methods if f"`{method.upper()} {path}" not in DOC]
    assert missing == []


def test_every_set_field_has_its_rule_in_the_doc() -> None:
    missing = [name for name in SetIn.model_fields if f"| `{name}` |" not in DOC]
    assert missing == []
