"""What the store's mixins (accounts, check-ins, plans, reports) use of `Store`."""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import AbstractContextManager
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from strongstride.store.tables import Base


class StorePart:
    """A part of `Store`: `Store` gives these their transactions (one each) and its insert."""

    def _read(self) -> AbstractContextManager[Session]:
        raise NotImplementedError

    def _write(self) -> AbstractContextManager[Session]:
        raise NotImplementedError

    def _connect(self) -> AbstractContextManager[Connection]:
        raise NotImplementedError

    def _insert_new(self, db: Session, entity: type[Base], values: Mapping[str, Any],
                    unique: list[str]) -> bool:
        raise NotImplementedError
