"""The kabupaten server's tables (one SQLAlchemy metadata; the migrations in
kabupaten/migrations make the same schema, and a test compares them).

``kiosk_id`` / ``office`` is the office's village code: one enrolled kiosk is one office.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

meta = MetaData()
operations = Table(
    "operations",
    meta,
    Column("receipt", Integer, primary_key=True, autoincrement=True),
    Column("op_id", String(36), unique=True, nullable=False),
    Column("kiosk_id", String(40), nullable=False, index=True),
    Column("entity_type", String(30), nullable=False),
    Column("entity_id", String(36), nullable=False, index=True),
    Column("op_type", String(40), nullable=False),
    Column("schema_version", Integer, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("body", Text, nullable=False),
    Column("outcome", String(12), nullable=False),  # accepted / conflict
    Column("received_at", String(40), nullable=False),
)
# A batch's answer is kept per office: another office's batch with the same key is its own.
idempotency = Table(
    "idempotency",
    meta,
    Column("kiosk_id", String(40), primary_key=True),
    Column("key", String(64), primary_key=True),
    Column("body_hash", String(64), nullable=False),
    Column("response", Text, nullable=False),
)
changes = Table(
    "changes",
    meta,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("change_id", String(36), unique=True, nullable=False),
    Column("office", String(40), nullable=True, index=True),  # None: no office sees it
    Column("entity_id", String(36), nullable=False, index=True),
    Column("body", Text, nullable=False),
)
# Tokens and enrolment codes are kept as SHA-256 hashes: a copy of the database opens nothing.
tokens = Table(
    "tokens",
    meta,
    Column("token", String(64), primary_key=True),
    Column("kind", String(10), nullable=False),
    Column("kiosk_id", String(40), nullable=False, index=True),
    Column("expires_at", Float, nullable=False),
)
enrolment_codes = Table(
    "enrolment_codes",
    meta,
    Column("office", String(40), primary_key=True),  # one live code per office
    Column("code_hash", String(64), nullable=False),
    Column("expires_at", Float, nullable=False),
    Column("used_at", Float, nullable=True),  # the enrolment it made (retries: RETRY_GRACE)
)
owners = Table(
    "owners",
    meta,
    Column("entity_id", String(36), primary_key=True),
    Column("office", String(40), nullable=False),
)
versions = Table(
    "versions",
    meta,
    Column("entity_id", String(36), primary_key=True),
    Column("version", Integer, nullable=False),
)
dtks = Table(
    "dtks",
    meta,
    Column("nik", String(16), primary_key=True),
    Column("decile", Integer, nullable=True),
    Column("programmes", String(200), nullable=False, default=""),
    Column("snapshot_date", String(10), nullable=False),
)
reference = Table(
    "reference",
    meta,
    Column("dataset", String(20), primary_key=True),
    Column("version", String(40), nullable=False),
    Column("items", Text, nullable=False),
)
# The kiosks' audit-chain heads (kabupaten/audit_heads.py).
audit_heads = Table(
    "audit_heads",
    meta,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kiosk_id", String(40), nullable=False, index=True),
    Column("seq", Integer, nullable=False),
    Column("hash", String(64), nullable=False),
    Column("acknowledged", Boolean, nullable=False),
    Column("received_at", String(40), nullable=False),
)

# The people side (kabupaten/people.py): accounts, the audit of their decisions, agencies' answers.
web_users = Table(
    "web_users",
    meta,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("username", String(60), unique=True, nullable=False),
    Column("password_hash", String(200), nullable=False),
    Column("role", String(30), nullable=False),
    Column("kecamatan", String(400), nullable=False, default=""),  # comma-separated codes
    Column("destination", String(40), nullable=False, default=""),
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", String(40), nullable=False),
)
web_audit = Table(
    "web_audit",
    meta,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", String(40), nullable=False),
    Column("username", String(60), nullable=False),
    Column("action", String(40), nullable=False),
    Column("subject_id", String(36), nullable=False, default=""),
    Column("detail", Text, nullable=False, default="{}"),
    # The log-in lockout counts an account's recent wrong passwords here, on every worker.
    Index("ix_web_audit_username_action_at", "username", "action", "at"),
)
agency_answers = Table(
    "agency_answers",
    meta,
    Column("referral_id", String(36), primary_key=True),
    Column("accepted_by", String(60), nullable=False),
    Column("accepted_at", String(40), nullable=False),
    Column("outcome", String(12), nullable=False, default=""),  # dilayani / ditolak / ""
    Column("served_on", String(10), nullable=False, default=""),
    Column("given", Text, nullable=False, default=""),
    Column("reason", Text, nullable=False, default=""),
    Column("answered_at", String(40), nullable=False, default=""),
)

# Reports the villages send (kabupaten/report_intake.py): the newest version per office and
# period, and its counts for the kabupaten's papan (kabupaten/report_board.py) packed as
# (cell, value) pairs of 64-bit integers: events and figures read on a day apart, the rows and
# each indicator's total apart, so a year of 300 villages is added up without a GROUP BY over
# millions of rows. A cell is one (indicator, dimension, key, sex) of ``report_cell_keys``.
village_reports = Table(
    "village_reports",
    meta,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("office", String(40), nullable=False),
    Column("period", String(12), nullable=False),
    Column("first_day", String(10), nullable=False),
    Column("after_day", String(10), nullable=False),
    Column("kind", String(10), nullable=False),
    Column("version", Integer, nullable=False),
    Column("village_code", String(16), nullable=False),
    Column("village_name", String(120), nullable=False),
    Column("district_name", String(120), nullable=False, default=""),
    Column("public", Boolean, nullable=False, default=False),
    Column("op_id", String(36), nullable=False),
    Column("received_at", String(40), nullable=False),
    Column("body", Text, nullable=False),
    Column("flows", LargeBinary, nullable=False),
    Column("stocks", LargeBinary, nullable=False),
    Column("flow_totals", LargeBinary, nullable=False),
    Column("stock_totals", LargeBinary, nullable=False),
    UniqueConstraint("office", "period", name="uq_village_reports_office"),
)
report_cell_keys = Table(
    "report_cell_keys",
    meta,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("indicator", String(40), nullable=False),
    Column("dimension", String(20), nullable=False),
    Column("key", String(120), nullable=False),
    Column("sex", String(1), nullable=False),  # L, P, ? or T (the row's total)
    UniqueConstraint("indicator", "dimension", "key", "sex", name="uq_report_cell_keys_cell"),
)
# Cases by tracking number and referrals by case (kabupaten/case_index.py): the citizen's status
# page finds its case by index instead of reading every operation.
case_index = Table(
    "case_index",
    meta,
    Column("entity_id", String(36), primary_key=True),  # the case or the referral
    Column("kind", String(10), nullable=False),  # kasus / rujukan
    Column("office", String(40), nullable=False),
    Column("case_id", String(36), nullable=False, index=True),
    Column("tracking_number", String(40), nullable=False, index=True),
    Column("check_code", String(40), nullable=False, default=""),
)
public_boards = Table(
    "public_boards",
    meta,
    # The public papan's numbers for one published quarter, as first shown: never made again,
    # so a late or re-sent village report cannot be told apart by subtraction.
    Column("period", String(12), primary_key=True),
    Column("made_at", String(40), nullable=False),
    Column("body", Text, nullable=False),
)
