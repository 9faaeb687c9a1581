"""The kabupaten server's own database: operations once per op_id, idempotent batch answers,
status changes in server order, tokens, enrolment codes, which office owns which record.

SQLAlchemy Core on PostgreSQL (SQLite for a quick try), nothing shared with the kiosk's schema:
the server stands for a kabupaten system the kiosk does not control. Its schema is made by the
Alembic migrations in kabupaten/migrations (``python -m kabupaten migrate``); tests create it
directly.

Tenancy: each enrolled kiosk is one office (its village code). Everything a token reaches is
that office's: its operations, its batch answers, the changes about its records, its audit
heads. The first office to write a record owns it; another office's operation on it (or naming
it in its payload) is rejected, never applied.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
import uuid
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

from sqlalchemy import create_engine, event, func, insert, select, text, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError, OperationalError

from kabupaten import case_index, report_intake
from kabupaten.offices import Offices
from kabupaten.tables import (
    agency_answers,
    changes,
    dtks,
    idempotency,
    meta,
    operations,
    reference,
    versions,
)
from resources.upstream import contract

ERASURE = "identitas_dihapus"
ERASED_TEXT = "(dihapus atas permintaan warga)"
FREE_TEXT = {
    "description",
    "note",
    "reason",
    "request",
    "decision",
    "complaint",
    "given",
    "nik_masked",
}


def _blank(key: str, value: Any) -> Any:
    """A free-text field's words replaced (they may name the person); ids and codes kept."""
    return ERASED_TEXT if key in FREE_TEXT and value else value


MAX_VERSION = 2**31 - 1  # an INTEGER column on PostgreSQL
SCHEMA_VERSIONS = (1,)  # current and previous accepted; the kiosk sends 1 today
KNOWN_ENTITIES = {
    "case",
    "person",
    "household",
    "referral",
    "approval",
    "service_product",
    "prelist",
    "data_update",  # a data-update proposal, sent once the supervisor approved it
    "visit",
    "officer",
    "site",
    "report",
    "ppks",  # a PPKS (person with a social-welfare problem) recorded at the counter
    "ranking_list",  # a ranking kept for the village meeting and its decision
}


def now_iso() -> str:
    return datetime.now(UTC).isoformat()


def _rejected(op_id: str, why: str) -> dict[str, Any]:
    return {"op_id": op_id, "status": "rejected", "receipt": None, "detail": why}


def content_hash(item: dict[str, Any]) -> str:
    """Hash of what an operation *says* (not of how it was serialised)."""
    keys = ("entity_type", "entity_id", "op_type", "schema_version", "payload")
    core = {k: item.get(k) for k in keys}
    return hashlib.sha256(json.dumps(core, sort_keys=True).encode()).hexdigest()


class Store(Offices):
    def __init__(self, url: str, create: bool = True):
        """``create``: make the tables directly (tests, a quick try); a deployment migrates
        (``python -m kabupaten migrate``) and opens with ``create=False``."""
        self.engine: Engine = create_engine(url)
        if self.engine.dialect.name == "sqlite":  # an erased person's bytes are zeroed
            event.listen(
                self.engine, "connect", lambda con, _r: con.execute("PRAGMA secure_delete=ON")
            )
        if create:
            meta.create_all(self.engine)
        # One batch at a time in this process: the simplest way to make concurrent duplicates
        # safe; across processes, :meth:`office_lock` and the unique keys (``answer_batch``).
        self.lock = threading.Lock()

    # --- batches ---------------------------------------------------------------------------

    def office_lock(self, c: Connection, office: str) -> None:
        """One transaction per office at a time across processes (``serve --workers``): on
        PostgreSQL an advisory lock held to the transaction's end; SQLite has one writer."""
        if c.dialect.name == "postgresql":
            key = int.from_bytes(hashlib.sha256(office.encode()).digest()[:8], "big", signed=True)
            c.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})

    def answer_batch(self, kiosk_id: str, key: str, body_hash: str, batch: dict[str, Any]) -> str:
        """The batch's answer, its operations stored once each; the answer kept under ``key``
        (a retry gets it again). Raises ``KeyError`` when ``key`` came with another body.

        Several processes: a retry racing its original waits for the office's lock, then finds
        the answer; two offices racing for one record (or a report cell) meet a unique key,
        and the loser's transaction is run again, now seeing the winner's rows."""
        for attempt in range(3):
            try:
                with self.lock, self.engine.begin() as c:
                    self.office_lock(c, kiosk_id)
                    row = c.execute(
                        select(idempotency.c.body_hash, idempotency.c.response).where(
                            idempotency.c.kiosk_id == kiosk_id, idempotency.c.key == key
                        )
                    ).first()
                    if row is not None:
                        if row.body_hash != body_hash:
                            raise KeyError(key)
                        return str(row.response)
                    return self._ingest(c, key, kiosk_id, body_hash, batch)
            except (IntegrityError, OperationalError):  # OperationalError: SQLite's "locked"
                if attempt == 2:
                    raise
                time.sleep(0.05 * (attempt + 1))
        raise AssertionError("unreachable")

    def ingest(self, key: str, kiosk_id: str, body_hash: str, batch: dict[str, Any]) -> str:
        """Store the batch's operations once each and the answer under ``key``; one transaction."""
        with self.engine.begin() as c:
            return self._ingest(c, key, kiosk_id, body_hash, batch)

    def _ingest(
        self, c: Connection, key: str, kiosk_id: str, body_hash: str, batch: dict[str, Any]
    ) -> str:
        results = []
        ids = [str(i.get("op_id", "")) for i in batch["items"] if isinstance(i, dict)]
        known = {
            r.op_id: r
            for r in c.execute(
                select(
                    operations.c.op_id,
                    operations.c.receipt,
                    operations.c.content_hash,
                    operations.c.kiosk_id,
                ).where(operations.c.op_id.in_(ids))
            )
        }
        for item in batch["items"]:
            results.append(self._item(c, kiosk_id, item, known))
        response = json.dumps({"batch_id": batch["batch_id"], "results": results})
        c.execute(
            insert(idempotency).values(
                key=key, kiosk_id=kiosk_id, body_hash=body_hash, response=response
            )
        )
        return response

    def _item(self, c: Any, kiosk_id: str, item: Any, known: dict[str, Any]) -> dict[str, Any]:
        op_id = str(item.get("op_id", "")) if isinstance(item, dict) else ""
        problem = self._invalid(item)
        if problem:
            return _rejected(op_id, problem)
        digest = content_hash(item)
        existing = known.get(op_id)
        if existing is not None and existing.kiosk_id != kiosk_id:
            return _rejected(op_id, "op_id dipakai kantor lain")
        if existing is not None:
            same = existing.content_hash == digest
            return {
                "op_id": op_id,
                "status": "duplicate" if same else "id_reuse",
                "receipt": existing.receipt if same else None,
                "detail": "" if same else "op_id sudah dipakai untuk isi lain",
            }
        foreign = self.foreign(c, kiosk_id, item)  # never applied: no version, no erasure
        if not foreign and report_intake.is_report(item):
            foreign = report_intake.refusal(kiosk_id, item)
        if foreign:
            return _rejected(op_id, foreign)
        outcome = "accepted"
        payload = item["payload"]
        if item["op_type"] == "kasus_status" and isinstance(payload.get("version"), int):
            current = c.execute(
                select(versions.c.version).where(versions.c.entity_id == item["entity_id"])
            ).scalar()
            if current is not None and payload["version"] <= current:
                outcome = "conflict"  # kept for a kabupaten officer to review
            else:
                self._set_version(c, item["entity_id"], payload["version"])
        receipt = c.execute(
            insert(operations).values(
                op_id=op_id,
                kiosk_id=kiosk_id,
                entity_type=item["entity_type"],
                entity_id=item["entity_id"],
                op_type=item["op_type"],
                schema_version=item["schema_version"],
                content_hash=digest,
                body=json.dumps(item),
                outcome=outcome,
                received_at=now_iso(),
            )
        ).inserted_primary_key[0]
        known[op_id] = SimpleNamespace(  # the same op twice in one batch
            receipt=receipt, content_hash=digest, kiosk_id=kiosk_id
        )
        self.claim(c, kiosk_id, item["entity_id"])
        if report_intake.is_report(item):
            report_intake.keep(c, kiosk_id, item, now_iso())
        if outcome == "accepted":
            case_index.add(c, kiosk_id, item)  # the status page's direct lookup
        if item["op_type"] == ERASURE and outcome == "accepted":
            self._scrub(c, kiosk_id, item)
        return {
            "op_id": op_id,
            "status": outcome,
            "receipt": receipt,
            "detail": "versi lama: disimpan untuk ditinjau" if outcome == "conflict" else "",
        }

    @staticmethod
    def _invalid(item: Any) -> str:
        """Why the item is refused: first the contract's Operation schema (fields, types,
        UUIDs, timestamps), then what the schema cannot say."""
        if not isinstance(item, dict):
            return "bukan objek"
        problem = contract.problem("Operation", item)
        if problem:
            return f"tidak sesuai kontrak: {problem}"
        if item["schema_version"] not in SCHEMA_VERSIONS:
            return f"schema_version {item['schema_version']} tidak didukung"
        if item["entity_type"] not in KNOWN_ENTITIES:
            return f"entity_type {item['entity_type']} tidak dikenal"
        if not isinstance(item["payload"], dict):
            return "payload bukan objek"
        if item["op_type"] == "kasus_dicatat" and not item["payload"].get("tracking_number"):
            return "kasus tanpa nomor lacak"
        version = item["payload"].get("version")
        out_of_range = isinstance(version, int) and not 0 <= version <= MAX_VERSION
        if item["op_type"] == "kasus_status" and out_of_range:
            return "version di luar batas"
        return ""

    @staticmethod
    def _scrub(c: Any, kiosk_id: str, item: dict[str, Any]) -> None:
        """A citizen's identity erased at the kiosk is erased here too: the person's (and an
        emptied household's) operations keep only their ids; cases about them, their notes,
        status moves and referrals lose their free text, and so do the kabupaten's decisions
        and the agencies' answers on them. The erasure itself carries nothing but ids. Only the
        office's own operations."""
        payload = item["payload"]
        gone = {str(payload.get("person_id") or item["entity_id"])}
        if payload.get("household_id"):
            gone.add(str(payload["household_id"]))
        rows = [
            (r.receipt, r.entity_id, json.loads(r.body))
            for r in c.execute(
                select(operations.c.receipt, operations.c.entity_id, operations.c.body).where(
                    operations.c.op_type != ERASURE, operations.c.kiosk_id == kiosk_id
                )
            )
        ]

        def inner(body: dict[str, Any]) -> dict[str, Any]:
            return body["payload"] if isinstance(body.get("payload"), dict) else {}

        about = {e for _r, e, b in rows if str(inner(b).get("person_id")) in gone}  # cases
        about |= {e for _r, e, b in rows if str(inner(b).get("case_id")) in about}  # referrals
        for receipt, entity_id, body in rows:
            fields = inner(body)
            if entity_id in gone:
                body["payload"] = {"dihapus": True}
            elif entity_id in about or {str(fields.get(k)) for k in ("person_id", "case_id")} & (
                gone | about
            ):
                body["payload"] = {k: _blank(k, v) for k, v in fields.items()}
            else:
                continue
            c.execute(
                update(operations)
                .where(operations.c.receipt == receipt)
                .values(body=json.dumps(body))
            )
        for seq, body_text in c.execute(
            select(changes.c.seq, changes.c.body).where(changes.c.entity_id.in_(about))
        ).all():
            body = json.loads(body_text)
            c.execute(
                update(changes)
                .where(changes.c.seq == seq)
                .values(body=json.dumps({k: _blank(k, v) for k, v in body.items()}))
            )
        c.execute(
            update(agency_answers)
            .where(agency_answers.c.referral_id.in_(about))
            .values(given=ERASED_TEXT, reason=ERASED_TEXT)
        )

    @staticmethod
    def _set_version(c: Any, entity_id: str, version: int) -> None:
        if c.execute(select(versions.c.version).where(versions.c.entity_id == entity_id)).first():
            c.execute(
                update(versions).where(versions.c.entity_id == entity_id).values(version=version)
            )
        else:
            c.execute(insert(versions).values(entity_id=entity_id, version=version))

    def receipt_high_water(self) -> int:
        with self.engine.connect() as c:
            return int(c.execute(select(func.max(operations.c.receipt))).scalar() or 0)

    def operations(self) -> list[dict[str, Any]]:
        with self.engine.connect() as c:
            rows = c.execute(select(operations).order_by(operations.c.receipt)).all()
        return [dict(r._mapping) for r in rows]

    # --- the kabupaten's DTKS and reference data ---------------------------------------------

    def load_dtks(self, rows: list[dict[str, Any]], snapshot_date: str) -> int:
        with self.engine.begin() as c:
            c.execute(dtks.delete())
            c.execute(
                insert(dtks),
                [
                    {
                        "nik": r["nik"],
                        "decile": r.get("decile"),
                        "programmes": ",".join(r.get("programmes", [])),
                        "snapshot_date": snapshot_date,
                    }
                    for r in rows
                ],
            )
        return len(rows)

    def dtks_lookup(self, nik: str) -> dict[str, Any]:
        with self.engine.connect() as c:
            row = c.execute(select(dtks).where(dtks.c.nik == nik)).first()
            any_row = c.execute(select(dtks.c.snapshot_date).limit(1)).scalar()
        if row is None:
            return {"found": False, "snapshot_date": any_row, "decile": None, "programmes": []}
        return {
            "found": True,
            "snapshot_date": row.snapshot_date,
            "decile": row.decile,
            "programmes": [p for p in row.programmes.split(",") if p],
        }

    def set_reference(self, dataset: str, version: str, items: list[Any]) -> None:
        with self.engine.begin() as c:
            c.execute(reference.delete().where(reference.c.dataset == dataset))
            c.execute(
                insert(reference).values(dataset=dataset, version=version, items=json.dumps(items))
            )

    def get_reference(self, dataset: str) -> dict[str, Any] | None:
        with self.engine.connect() as c:
            row = c.execute(select(reference).where(reference.c.dataset == dataset)).first()
        if row is None:
            return None
        return {"dataset": dataset, "version": row.version, "items": json.loads(row.items)}

    # --- changes ---------------------------------------------------------------------------

    def _office_of(self, c: Connection, change: dict[str, Any]) -> str | None:
        """The office a change is for: named (``office``), else the owner of its record."""
        return change.pop("office", None) or self.owner_of(c, str(change["entity_id"]))

    def add_change(self, change: dict[str, Any]) -> dict[str, Any]:
        """A kabupaten decision: a status or an approval step; case statuses bump the version.
        It reaches only the office that owns the record."""
        change = dict(change)
        change.setdefault("change_id", str(uuid.uuid4()))
        change.setdefault("at", now_iso())
        with self.engine.begin() as c:
            office = self._office_of(c, change)
            if change.get("kind") == "case_status":
                current = (
                    c.execute(
                        select(versions.c.version).where(
                            versions.c.entity_id == change["entity_id"]
                        )
                    ).scalar()
                    or 0
                )
                change["version"] = current + 1
                self._set_version(c, change["entity_id"], current + 1)
            c.execute(
                insert(changes).values(
                    change_id=change["change_id"],
                    office=office,
                    entity_id=change["entity_id"],
                    body=json.dumps(change),
                )
            )
        return change

    def add_changes(self, items: list[dict[str, Any]]) -> int:
        with self.engine.begin() as c:
            rows = []
            for i in items:
                i = dict(i)
                office = self._office_of(c, i)
                rows.append(
                    {
                        "change_id": str(uuid.uuid4()),
                        "office": office,
                        "entity_id": i["entity_id"],
                        "body": json.dumps({"at": now_iso(), **i}),
                    }
                )
            c.execute(insert(changes), rows)
        return len(items)

    def changes_after(
        self, office: str, seq: int, last_id: str, limit: int
    ) -> tuple[list[dict[str, Any]], tuple[int, str], bool]:
        """The office's changes after ``seq``; the cursor also names the last change it saw, so
        a server restored from a backup (whose numbers are reused by new changes) refuses it."""
        mine = changes.c.office == office
        with self.engine.connect() as c:
            top = int(c.execute(select(func.max(changes.c.seq)).where(mine)).scalar() or 0)
            if seq > top:
                raise LookupError("cursor")
            if seq > 0:
                seen = c.execute(
                    select(changes.c.change_id).where(mine, changes.c.seq == seq)
                ).scalar()
                if seen != last_id:
                    raise LookupError("cursor")
            rows = c.execute(
                select(changes.c.seq, changes.c.change_id, changes.c.body)
                .where(mine, changes.c.seq > seq)
                .order_by(changes.c.seq)
                .limit(limit)
            ).all()
        out = []
        for r in rows:
            body = json.loads(r.body)
            body["change_id"] = r.change_id
            out.append(body)
        last = (rows[-1].seq, rows[-1].change_id) if rows else (seq, last_id)
        return out, last, last[0] < top
