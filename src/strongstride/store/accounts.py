"""Accounts of the web app: passwords, equipment, browser sessions and API tokens.

`Store` takes these methods from `AccountsMixin`. Secrets never reach the database: the web app
hashes passwords (argon2) before they get here, and the store keeps only the sha256 of a session
cookie or an API token, so a copy of the database does not let anyone sign in.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from sqlalchemy import bindparam, delete, select
from sqlalchemy.orm import Session

from strongstride import rules
from strongstride.errors import NameTaken, NotFound
from strongstride.records import Account, ApiToken, EquipmentProfile, WebSession
from strongstride.store import convert
from strongstride.store.parts import StorePart
from strongstride.store.tables import ApiTokenRow, UserRow, WebSessionRow

# Writing `last_used_at` on every request would turn every API read into a write.
LAST_USED_RESOLUTION = timedelta(minutes=1)


def token_digest(token: str) -> str:
    """What the database keeps of a cookie or API token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _account(row: UserRow) -> Account:
    return _account_of(row.id, row.name, row.missing_equipment)


def _account_of(user_id: int, name: str, missing_equipment: str | None) -> Account:
    missing = json.loads(missing_equipment) if missing_equipment else []
    return Account(user_id, name, tuple(str(item) for item in missing))


# Asked on every API call: built once, and only the columns needed.
_TOKEN_ACCOUNT = (
    select(UserRow.id, UserRow.name, UserRow.missing_equipment, ApiTokenRow.last_used_at)
    .join(UserRow, ApiTokenRow.user_id == UserRow.id)
    .where(ApiTokenRow.token_sha256 == bindparam("digest")))


def _token(row: ApiTokenRow) -> ApiToken:
    return ApiToken(row.id, row.name, row.created_at, row.last_used_at)


class AccountsMixin(StorePart):
    """The account methods of `Store`; the store provides the transactions."""

    # accounts

    def create_account(self, name: str, password_hash: str, *,
                       now: datetime | None = None) -> Account:
        """A new user who signs in with `name`; refused when the name is taken."""
        convert.check_text("user name", name, required=True)
        convert.check_text("password hash", password_hash, required=True)
        created = now or datetime.now(UTC)
        convert.check_instant("created_at", created)
        values = {"name": name, "created_at": created, "password_hash": password_hash}
        with self._write() as db:
            if not self._insert_new(db, UserRow, values, ["name"]):
                raise NameTaken(f"the name {name!r} is taken; choose another")
            row = db.scalars(select(UserRow).where(UserRow.name == name)).one()
            return _account(row)

    def sign_in_details(self, name: str) -> tuple[Account, str] | None:
        """The account called `name` and its password hash; None if it cannot sign in."""
        with self._read() as db:
            row = db.scalars(select(UserRow).where(UserRow.name == name)).first()
            if row is None or row.password_hash is None:
                return None
            return _account(row), row.password_hash

    def set_password_hash(self, user_id: int, password_hash: str) -> None:
        convert.check_text("password hash", password_hash, required=True)
        with self._write() as db:
            _user_row(db, user_id).password_hash = password_hash

    def account(self, user_id: int) -> Account:
        with self._read() as db:
            return _account(_user_row(db, user_id))

    def set_missing_equipment(self, user_id: int, equipment_ids: Iterable[str]) -> Account:
        """Record the equipment the user does not have (ids, kept in the order given)."""
        ids = tuple(dict.fromkeys(equipment_ids))
        rules.check(EquipmentProfile(ids), "equipment profile")
        text = convert.equipment_json(ids)
        with self._write() as db:
            row = _user_row(db, user_id)
            row.missing_equipment = text
            return _account(row)

    # browser sessions

    def open_web_session(self, user_id: int, token: str, csrf: str, *, now: datetime,
                         lifetime: timedelta) -> None:
        """Remember a signed-in browser by its cookie token; forget expired ones."""
        convert.check_text("session token", token, required=True)
        convert.check_text("csrf token", csrf, required=True)
        convert.check_instant("now", now)
        with self._write() as db:
            _user_row(db, user_id)
            db.execute(delete(WebSessionRow).where(WebSessionRow.expires_at < now))
            db.add(WebSessionRow(token_sha256=token_digest(token), user_id=user_id,
                                      csrf=csrf, created_at=now, expires_at=now + lifetime))

    def web_session(self, token: str, *, now: datetime) -> WebSession | None:
        """The browser session of a cookie token, if it exists and has not expired."""
        with self._read() as db:
            found = db.execute(
                select(WebSessionRow, UserRow).join(UserRow, WebSessionRow.user_id == UserRow.id)
                .where(WebSessionRow.token_sha256 == token_digest(token),
                       WebSessionRow.expires_at > now)).first()
            if found is None:
                return None
            row, user = found
            return WebSession(_account(user), row.csrf, row.expires_at)

    def close_web_session(self, token: str) -> None:
        with self._write() as db:
            db.execute(delete(WebSessionRow).where(
                WebSessionRow.token_sha256 == token_digest(token)))

    # API tokens

    def add_api_token(self, user_id: int, name: str, token: str, *,
                      now: datetime) -> ApiToken:
        convert.check_text("token name", name, required=True)
        convert.check_text("token", token, required=True)
        convert.check_instant("now", now)
        with self._write() as db:
            _user_row(db, user_id)
            row = ApiTokenRow(token_sha256=token_digest(token), user_id=user_id, name=name,
                              created_at=now, last_used_at=None)
            db.add(row)
            db.flush()
            return _token(row)

    def api_token_account(self, token: str, *, now: datetime) -> Account | None:
        """The account a Bearer token belongs to, noting when it was last used."""
        digest = token_digest(token)
        with self._connect() as conn:  # asked on every API call: no ORM
            found = conn.execute(_TOKEN_ACCOUNT, {"digest": digest}).first()
        if found is None:
            return None
        user_id, name, missing, last = found
        account = _account_of(user_id, name, missing)
        if last is None or now - last >= LAST_USED_RESOLUTION:
            with self._write() as db:
                for stored in db.scalars(select(ApiTokenRow).where(
                        ApiTokenRow.token_sha256 == digest)):
                    stored.last_used_at = now
        return account

    def api_tokens(self, user_id: int) -> list[ApiToken]:
        with self._read() as db:
            rows = db.scalars(select(ApiTokenRow).where(ApiTokenRow.user_id == user_id)
                                   .order_by(ApiTokenRow.created_at, ApiTokenRow.id))
            return [_token(row) for row in rows]

    def revoke_api_token(self, user_id: int, token_id: int) -> None:
        """Delete one of the user's tokens; another user's token is not found."""
        with self._write() as db:
            done = db.execute(delete(ApiTokenRow).where(
                ApiTokenRow.id == token_id, ApiTokenRow.user_id == user_id)
                .returning(ApiTokenRow.id)).first()
            if done is None:
                raise NotFound(f"no API token {token_id}")


def _user_row(db: Session, user_id: int) -> UserRow:
    row = db.get(UserRow, user_id)
    if row is None:
        raise NotFound(f"no user {user_id}")
    return row
