"""Offices: enrolment codes, tokens and which office owns which record.

One enrolled kiosk is one office, named by its village code. The kabupaten makes a one-time
enrolment code for it (``python -m kabupaten kiosk add VILLAGE_CODE``); the kiosk trades it for
tokens once. Enrolling an office again (a new code, a replaced kiosk) revokes every token it
held before: a stolen or retired kiosk's tokens stop working. Codes and tokens are kept as
SHA-256 hashes, so a copy of the database opens nothing.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Connection, Engine

from kabupaten.tables import enrolment_codes, owners, tokens

CODE_TTL = 7 * 86400.0  # an enrolment code is read over the phone within the week
# A village link may drop the answer after the server used the code: the kiosk's retry (the
# engine tries five times) within this window enrols again, revoking the tokens it never
# received. After it the code is dead.
RETRY_GRACE = 600.0
REFRESH_TTL = 90 * 86400.0
# Unambiguous letters and digits (no 0/O, 1/I/L): a code is read aloud and typed at the kiosk.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def new_code(length: int = 12) -> str:
    """About 59 bits: with five tries per ten minutes it is not guessed within its week."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(length))
    return "-".join(raw[i : i + 4] for i in range(0, length, 4))


class Offices:
    """Mixed into :class:`kabupaten.store.Store` (which supplies ``engine``)."""

    engine: Engine

    # --- enrolment codes -------------------------------------------------------------------

    def add_kiosk(self, office: str, ttl: float = CODE_TTL) -> str:
        """A fresh one-time code for ``office`` (replacing an unused one); returned once."""
        code = new_code()
        with self.engine.begin() as c:
            c.execute(delete(enrolment_codes).where(enrolment_codes.c.office == office))
            c.execute(
                insert(enrolment_codes).values(
                    office=office, code_hash=digest(code), expires_at=time.time() + ttl
                )
            )
        return code

    def redeem_code(self, office: str, code: str) -> bool:
        """True for a live code of ``office``: once, and for that enrolment's retries within
        ``RETRY_GRACE`` (each retry's enrolment revokes the tokens before it)."""
        now = time.time()
        with self.engine.begin() as c:
            row = c.execute(
                select(enrolment_codes).where(enrolment_codes.c.office == office)
            ).first()
            if row is None:
                return False
            live = (
                row.expires_at >= now if row.used_at is None else row.used_at + RETRY_GRACE >= now
            )
            if not (live and hmac.compare_digest(row.code_hash, digest(code.strip().upper()))):
                return False
            if row.used_at is None:
                c.execute(
                    update(enrolment_codes)
                    .where(enrolment_codes.c.office == office)
                    .values(used_at=now)
                )
            return True

    # --- tokens ----------------------------------------------------------------------------

    def issue_tokens(self, kiosk_id: str, ttl: float, revoke: bool = False) -> dict[str, Any]:
        """New tokens for the office; with ``revoke`` (an enrolment) every older one dies."""
        access, refresh = secrets.token_hex(24), secrets.token_hex(24)
        now = time.time()
        with self.engine.begin() as c:
            if revoke:
                c.execute(delete(tokens).where(tokens.c.kiosk_id == kiosk_id))
            c.execute(
                insert(tokens),
                [
                    {
                        "token": digest(access),
                        "kind": "access",
                        "kiosk_id": kiosk_id,
                        "expires_at": now + ttl,
                    },
                    {
                        "token": digest(refresh),
                        "kind": "refresh",
                        "kiosk_id": kiosk_id,
                        "expires_at": now + REFRESH_TTL,
                    },
                ],
            )
        return {"access_token": access, "refresh_token": refresh, "expires_in": int(ttl)}

    def token_owner(self, token: str, kind: str) -> str | None:
        """The office a live token belongs to, or None."""
        with self.engine.connect() as c:
            row = c.execute(
                select(tokens.c.kiosk_id, tokens.c.expires_at).where(
                    tokens.c.token == digest(token), tokens.c.kind == kind
                )
            ).first()
        if row is None or row.expires_at < time.time():
            return None
        return str(row.kiosk_id)

    def use_refresh(self, token: str) -> str | None:
        """The refresh token's office; the token is used up and every access token the office
        held is revoked with it (a leaked access token dies at the next refresh).

        Used once even when two requests bring it at the same moment (a retry racing the lost
        original): the DELETE that spends it is the test, and only the request whose DELETE
        removed the row (rowcount 1) gets new tokens; a read-then-delete would let both pass."""
        owner = self.token_owner(token, "refresh")
        if owner is None:
            return None
        with self.engine.begin() as c:
            spent = c.execute(
                delete(tokens).where(
                    tokens.c.token == digest(token),
                    tokens.c.kind == "refresh",
                    tokens.c.expires_at >= time.time(),
                )
            )
            if spent.rowcount != 1:
                return None
            c.execute(delete(tokens).where(tokens.c.kind == "access", tokens.c.kiosk_id == owner))
        return owner

    def expire_access_tokens(self) -> None:
        with self.engine.begin() as c:
            c.execute(update(tokens).where(tokens.c.kind == "access").values(expires_at=0))

    # --- ownership -------------------------------------------------------------------------

    @staticmethod
    def owner_of(c: Connection, entity_id: str) -> str | None:
        return c.execute(select(owners.c.office).where(owners.c.entity_id == entity_id)).scalar()

    @classmethod
    def foreign(cls, c: Connection, office: str, item: dict[str, Any]) -> str:
        """Why ``item`` reaches another office's record ("" when it does not): its entity, or
        a record its payload names (``person_id``, ``case_id``, ``household_id`` ...)."""
        named = [("entity_id", item["entity_id"])] + [
            (k, v)
            for k, v in item["payload"].items()
            if k.endswith("_id") and isinstance(v, str) and len(v) == 36
        ]
        for field, value in named:
            owner = cls.owner_of(c, value)
            if owner is not None and owner != office:
                return f"{field} milik kantor lain: tidak diterapkan"
        return ""

    @classmethod
    def claim(cls, c: Connection, office: str, entity_id: str) -> None:
        if cls.owner_of(c, entity_id) is None:
            c.execute(insert(owners).values(entity_id=entity_id, office=office))
