"""What a copied database file or a shared laptop gives away: no tokens in clear, no files
others can read, no plain-http upstream, and refusals in Indonesian for text that cannot be
stored."""

from __future__ import annotations

import os
import stat

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import select

from kiosk.context import KioskContext
from kiosk.errors import ValidationError
from kiosk.models import SyncState
from kiosk.roles import Role
from kiosk.sealing import Sealer, SealError
from kiosk.services.outbox import configure_upstream, get_secret, set_secret
from kiosk.services.people import PersonInput, register_person


def test_tokens_are_sealed_with_a_key_outside_the_database(ctx, gateway):
    gateway.call(set_secret, "refresh_token", "rt-rahasia-123")
    with ctx.sessions() as s:
        raw = s.get(SyncState, "refresh_token").value
    assert "rt-rahasia-123" not in raw and raw.startswith("sealed:")
    assert gateway.call(get_secret, "refresh_token") == "rt-rahasia-123"
    key = ctx.paths.secret_key
    assert key.exists() and stat.S_IMODE(key.stat().st_mode) == 0o600
    assert key.read_bytes().strip() not in raw.encode()
    # another office's key cannot open it
    with pytest.raises(SealError):
        Sealer(Fernet.generate_key()).open(raw[len("sealed:") :])


def test_a_token_stored_in_clear_by_an_older_version_is_sealed_on_first_read(ctx, gateway):
    with ctx.sessions() as s, s.begin():
        s.add(SyncState(key="access_token", value="lama-tanpa-segel"))
    assert gateway.call(get_secret, "access_token") == "lama-tanpa-segel"
    with ctx.sessions() as s:
        assert s.get(SyncState, "access_token").value.startswith("sealed:")


def test_the_enrolment_code_is_never_stored(ctx, gateway, office):
    """Enrolment stores tokens only (tests/sync enrols against the real server)."""
    from tests.sync.conftest import ENROLMENT

    code = next(iter(ENROLMENT.values()))
    with ctx.sessions() as s:
        values = [v for (v,) in s.execute(select(SyncState.value))]
    assert not any(code in v for v in values)


@pytest.mark.parametrize(
    "url",
    ["http://slrt.kendalkab.go.id", "ftp://slrt.example", "slrt.example", "http://10.0.0.5:8080"],
)
def test_the_upstream_must_be_https(gateway, office, url):
    with pytest.raises(ValidationError) as refused:
        gateway.call(configure_upstream, office.admin, url, "3324012001")
    assert "https" in refused.value.message


@pytest.mark.parametrize(
    "url", ["https://slrt.kendalkab.go.id/", "http://127.0.0.1:8000", "http://localhost:9"]
)
def test_https_and_this_machine_are_accepted(gateway, office, url):
    gateway.call(configure_upstream, office.admin, url, "3324012001")


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_the_data_folder_and_database_are_owner_only(tmp_path):
    os.umask(0o022)
    folder = tmp_path / "data"
    ctx = KioskContext.open(None, str(folder))
    try:
        db = ctx.paths.default_db
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        for part in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
            if part.exists():
                assert stat.S_IMODE(part.stat().st_mode) == 0o600, part
    finally:
        ctx.close()


@pytest.mark.parametrize(
    ("name", "code"),
    [("A" * 121, "terlalu_panjang"), ("Siti\x00Aminah", "karakter_nul")],
)
def test_text_a_column_cannot_hold_is_refused_in_indonesian(gateway, office, name, code):
    with pytest.raises(ValidationError) as refused:
        gateway.call(register_person, office[Role.FRONT_OFFICE], PersonInput(name=name))
    assert refused.value.code == code and refused.value.field == "name"
