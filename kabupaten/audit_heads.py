"""The kiosks' audit-chain heads, kept where a kiosk's database cannot rewrite them (1.1).

A kiosk's audit trail is a hash chain; someone with the database file can cut its newest entries
and rewind its head consistently, and the kiosk alone cannot tell. So each sync sends the head
here. Every head received is kept; one is *acknowledged* only when it continues the last
acknowledged one: the kiosk repeats that head's number with the hash its chain holds there
now. A cut, rewound or rewritten trail cannot, and stays refused; the kiosk's ``audit verify``
compares its chain with the last acknowledged head.

Its own module beside :mod:`kabupaten.store` (same database); heads are kept per office, so
one office's head never continues or blocks another's.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, Response, jsonify, request
from sqlalchemy import insert, select
from sqlalchemy.engine import Connection

from kabupaten.store import Store, now_iso
from kabupaten.tables import audit_heads
from resources.upstream import contract


def last_acknowledged(store: Store, kiosk_id: str) -> dict[str, Any] | None:
    with store.engine.connect() as c:
        return _last(c, kiosk_id)


def _last(c: Connection, kiosk_id: str) -> dict[str, Any] | None:
    row = c.execute(
        select(audit_heads)
        .where(audit_heads.c.kiosk_id == kiosk_id, audit_heads.c.acknowledged.is_(True))
        .order_by(audit_heads.c.id.desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    return {"seq": row.seq, "hash": row.hash, "received_at": row.received_at}


def receive(store: Store, kiosk_id: str, head: dict[str, Any]) -> tuple[bool, dict[str, Any]]:
    """Keep ``head``; acknowledge it if it continues the last acknowledged one. Returns whether
    it was acknowledged and the head acknowledged last (this one, or the one it failed)."""
    with store.lock, store.engine.begin() as c:
        store.office_lock(c, kiosk_id)  # one head at a time per office, across processes
        last = _last(c, kiosk_id)
        previous = head.get("previous")
        fits = last is None or (
            previous is not None
            and (previous["seq"], previous["hash"]) == (last["seq"], last["hash"])
            and head["seq"] >= last["seq"]
        )
        at = now_iso()
        c.execute(
            insert(audit_heads).values(
                kiosk_id=kiosk_id,
                seq=head["seq"],
                hash=head["hash"],
                acknowledged=fits,
                received_at=at,
            )
        )
    if fits:
        return True, {"seq": head["seq"], "hash": head["hash"], "received_at": at}
    assert last is not None
    return False, last


def audit_head_routes(app: Flask, store: Store, kiosk: Any) -> None:
    """``kiosk()`` names the kiosk behind the request's token (None: not authorised)."""

    @app.get("/v1/audit-heads")
    def last_head() -> Response | tuple[Response, int]:
        who = kiosk()
        if who is None:
            return jsonify(error="token tidak berlaku"), 401
        found = last_acknowledged(store, who)
        if found is None:
            return jsonify(error="belum ada kepala jejak audit yang diterima"), 404
        return jsonify(found)

    @app.post("/v1/audit-heads")
    def new_head() -> Response | tuple[Response, int]:
        who = kiosk()
        if who is None:
            return jsonify(error="token tidak berlaku"), 401
        body = request.get_json(silent=True)
        problem = contract.problem("AuditHead", body)
        if problem:
            return jsonify(error=f"kepala jejak audit tidak sah: {problem}"), 400
        ok, acknowledged = receive(store, who, body)
        if not ok:
            return jsonify(
                error="kepala jejak audit tidak menyambung dengan yang diterima sebelumnya",
                acknowledged=acknowledged,
            ), 409
        return jsonify(acknowledged)
