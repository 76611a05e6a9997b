"""docs/storage.md keeps up with the schema and the settings."""

from __future__ import annotations

from strongstride.store import ENV_VAR
from strongstride.store.migrate import revisions
from tests.conftest import ROOT

DOC = (ROOT / "docs" / "storage.md").read_text()


def test_every_revision_is_in_the_doc() -> None:
    missing = [revision for revision in revisions() if f"| `{revision}` |" not in DOC]
    assert missing == []


def test_the_doc_names_the_environment_variable_and_every_table() -> None:
    assert ENV_VAR in DOC
    for table in ("users", "routines", "routine_versions", "sessions", "set_logs"):
        assert f"| `{table}` |" in DOC
