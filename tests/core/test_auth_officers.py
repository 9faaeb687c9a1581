"""Log-in, lockout, PIN, password change and officer management."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from kiosk.clock import Clock, utcnow
from kiosk.errors import AuthenticationError, Conflict, ValidationError
from kiosk.models import AuditEntry, Officer
from kiosk.roles import Role
from kiosk.services.auth import MAX_FAILURES, change_password, hash_secret, login, unlock_screen
from kiosk.services.officers import (
    add_officer,
    list_officers,
    reset_password,
    set_active,
    set_roles,
)
from kiosk.services.setup import initialise
from tests.conftest import PASSWORD, SITE


def test_only_a_password_logs_in_the_pin_counts_as_a_wrong_one(gateway, office, session):
    """4 digits fall to guessing in minutes: the PIN alone never opens a session, and typing
    it at the log-in is a wrong password like any other (same message, counted)."""
    assert gateway.call(login, "admin", PASSWORD).roles == {Role.ADMIN}
    with pytest.raises(AuthenticationError) as pin:
        gateway.call(login, "frontoffice", "1234")
    with pytest.raises(AuthenticationError) as wrong:
        gateway.call(login, "frontoffice", "salah-sekali")
    assert pin.value.message == wrong.value.message and "PIN" not in pin.value.message
    officer = session.scalars(select(Officer).where(Officer.username == "frontoffice")).one()
    assert officer.failed_attempts == 2
    assert gateway.call(login, "frontoffice", PASSWORD).roles == {Role.FRONT_OFFICE}


def test_pin_unlocks_only_the_same_officers_window_and_guesses_lock_it(gateway, office):
    fo = gateway.call(login, "frontoffice", PASSWORD)
    assert gateway.call(unlock_screen, fo, "1234").username == "frontoffice"
    assert gateway.call(unlock_screen, fo, PASSWORD).username == "frontoffice"
    bo = gateway.call(login, "backoffice", PASSWORD)
    gateway.call(reset_pin_for_test, "backoffice", "5678")
    with pytest.raises(AuthenticationError):
        gateway.call(unlock_screen, fo, "5678")  # another officer's PIN opens nothing
    start = utcnow()
    for guess in range(MAX_FAILURES - 1):
        with pytest.raises(AuthenticationError):
            gateway.call(unlock_screen, fo, f"{guess:04d}", Clock(frozen=start))
    with pytest.raises(AuthenticationError) as locked:
        gateway.call(unlock_screen, fo, "1234", Clock(frozen=start))
    assert locked.value.code == "akun_terkunci"
    with pytest.raises(AuthenticationError) as still:
        gateway.call(login, "frontoffice", PASSWORD, Clock(frozen=start))
    assert still.value.code == "akun_terkunci"
    assert gateway.call(unlock_screen, bo, "5678").username == "backoffice"


def reset_pin_for_test(session, username: str, pin: str) -> None:
    session.scalars(
        select(Officer).where(Officer.username == username)
    ).one().pin_hash = hash_secret(pin)


def test_username_is_case_insensitive(gateway, office):
    assert gateway.call(login, "  ADMIN ", PASSWORD).username == "admin"


def test_wrong_password_message_does_not_reveal_which_part_was_wrong(gateway, office):
    with pytest.raises(AuthenticationError) as wrong:
        gateway.call(login, "admin", "salah-sekali")
    with pytest.raises(AuthenticationError) as unknown:
        gateway.call(login, "tidakada", "salah-sekali")
    assert wrong.value.message == unknown.value.message


def test_lockout_after_repeated_failures_then_expiry(gateway, office, session):
    start = utcnow()
    for _ in range(MAX_FAILURES):
        with pytest.raises(AuthenticationError):
            gateway.call(login, "admin", "salah", Clock(frozen=start))
    with pytest.raises(AuthenticationError) as locked:
        gateway.call(login, "admin", PASSWORD, Clock(frozen=start + timedelta(minutes=1)))
    assert locked.value.code == "akun_terkunci" and "menit" in locked.value.message
    later = Clock(frozen=start + timedelta(minutes=16))
    assert gateway.call(login, "admin", PASSWORD, later).username == "admin"
    actions = session.scalars(select(AuditEntry.action)).all()
    assert "akun_dikunci" in actions


def test_a_temporary_password_opens_nothing_but_its_own_change(gateway, office, ctx):
    """The flag is kept by the services: a script holding the actor gets no further than the
    window does. The same refusal comes before work that is not one transaction."""
    from kiosk.services.backups import list_backups
    from kiosk.services.tickets import issue_ticket

    gateway.call(add_officer, office.admin, "baru", "Baru", "sementara1", [Role.FRONT_OFFICE])
    gateway.call(add_officer, office.admin, "admin2", "Admin Dua", "sementara2", [Role.ADMIN])
    actor = gateway.call(login, "baru", "sementara1")
    admin2 = gateway.call(login, "admin2", "sementara2")
    for attempt in (
        lambda: gateway.call(issue_ticket, actor, "layanan"),
        lambda: gateway.call(list_officers, admin2),
        lambda: list_backups(ctx, admin2),
    ):
        with pytest.raises(AuthenticationError) as refused:
            attempt()
        assert refused.value.code == "sandi_sementara"
        assert "Ganti dulu kata sandi Anda" in refused.value.message
    gateway.call(change_password, actor, "sementara1", "sandibaru99")
    assert gateway.call(issue_ticket, actor, "layanan").label


def test_setup_runs_once(gateway, office):
    with pytest.raises(Conflict):
        gateway.call(initialise, SITE, "admin2", "Admin Dua", PASSWORD)


def test_added_officer_must_change_temporary_password(gateway, office, session):
    view = gateway.call(
        add_officer,
        office.admin,
        "Siti.R",
        "Siti Rahayu",
        "sementara1",
        [Role.FRONT_OFFICE, Role.BACK_OFFICE],
    )
    assert view.username == "siti.r" and set(view.roles) == {Role.FRONT_OFFICE, Role.BACK_OFFICE}
    actor = gateway.call(login, "siti.r", "sementara1")
    assert actor.must_change_password
    with pytest.raises(ValidationError):
        gateway.call(change_password, actor, "sementara1", "pendek")
    gateway.call(change_password, actor, "sementara1", "sandibaru99")
    assert not gateway.call(login, "siti.r", "sandibaru99").must_change_password
    entry = session.scalars(
        select(AuditEntry).where(
            AuditEntry.action == "petugas_dibuat", AuditEntry.entity_id == str(view.id)
        )
    ).one()
    assert entry.officer_id == office.admin.id
    assert entry.detail == {"roles": ["back_office", "front_office"]}


def test_duplicate_username_and_bad_input_are_refused(gateway, office):
    with pytest.raises(Conflict):
        gateway.call(add_officer, office.admin, "ADMIN", "X", "sementara1", [Role.ADMIN])
    with pytest.raises(ValidationError) as no_role:
        gateway.call(add_officer, office.admin, "budi", "Budi", "sementara1", [])
    assert no_role.value.field == "roles"
    with pytest.raises(ValidationError):
        gateway.call(add_officer, office.admin, "b", "Budi", "sementara1", [Role.ADMIN])


def test_deactivated_officer_cannot_log_in_and_is_kept(gateway, office, session):
    fo = office[Role.FRONT_OFFICE]
    gateway.call(set_active, office.admin, fo.id, False)
    with pytest.raises(AuthenticationError):
        gateway.call(login, fo.username, PASSWORD)
    assert session.get(Officer, fo.id) is not None
    names = [v.username for v in gateway.call(list_officers, office.admin) if not v.active]
    assert names == [fo.username]


def test_the_last_administrator_cannot_be_removed(gateway, office):
    with pytest.raises(Conflict):
        gateway.call(set_roles, office.admin, office.admin.id, [Role.FRONT_OFFICE])
    with pytest.raises(Conflict):
        gateway.call(set_active, office.admin, office.admin.id, False)


def test_reset_password_clears_lockout(gateway, office, session):
    for _ in range(MAX_FAILURES):
        with pytest.raises(AuthenticationError):
            gateway.call(login, "backoffice", "salah")
    gateway.call(reset_password, office.admin, office[Role.BACK_OFFICE].id, "sementara2")
    assert gateway.call(login, "backoffice", "sementara2").must_change_password
    assert session.scalar(select(func.count()).select_from(Officer)) == len(Role)
