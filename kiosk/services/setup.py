"""First-run set-up: the Puskesos identity and its first administrator."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, object_session

from kiosk.clock import ZONES
from kiosk.errors import Conflict, ValidationError
from kiosk.messages import _
from kiosk.models import Officer, Site
from kiosk.profiles import active_profile, default_profile
from kiosk.regions import region_book
from kiosk.roles import Perm, Role
from kiosk.services.actor import Actor
from kiosk.services.journal import record
from kiosk.services.numbers import current_site
from kiosk.services.officers import create_officer
from kiosk.services.reference import load_reference
from kiosk.services.registry import action

_VILLAGE = re.compile(r"^\d{10}$")


@dataclass(frozen=True)
class SiteInput:
    """What ``puskesos init`` and the first-run wizard ask for."""

    village_code: str  # 10 digits, dots allowed: 33.24.01.2001
    village_name: str
    name: str = ""  # default "Puskesos <village>"
    office_code: str = ""  # default: the village code
    timezone: str = "Asia/Jakarta"
    address: str = ""
    head_name: str = ""
    district_name: str = ""  # default from the region list
    regency_name: str = ""
    province_name: str = ""


@dataclass(frozen=True)
class SiteView:
    """The Puskesos as screens and documents show it."""

    name: str
    village_code: str
    village_name: str
    district_name: str
    regency_name: str
    province_name: str
    office_code: str
    timezone: str
    address: str
    head_name: str
    idle_lock_minutes: int
    head_title: str = "Kepala Desa"  # who signs: Kepala Desa or Lurah (from the profile)
    profile: str = "umum@1"  # the regional profile the office runs (name@version)
    # Officer roles (coordinator, supervisor, facilitator) in the profile's words: Ketua …
    role_names: tuple[tuple[str, str], ...] = ()


def site_view(site: Site) -> SiteView:
    session = object_session(site)
    profile = active_profile(session) if session is not None else default_profile()
    names = tuple(
        (role.value, profile.role_label(role.value))
        for role in (Role.COORDINATOR, Role.SUPERVISOR, Role.FACILITATOR)
    )
    return SiteView(
        site.name,
        site.village_code,
        site.village_name,
        site.district_name,
        site.regency_name,
        site.province_name,
        site.office_code,
        site.timezone,
        site.address,
        site.head_name,
        site.idle_lock_minutes,
        site.head_title,
        site.profile,
        names,
    )


def is_set_up(session: Session) -> bool:
    """True once a site and at least one officer exist."""
    has_site = current_site(session) is not None
    has_officer = bool(session.scalar(select(func.count()).select_from(Officer)))
    return has_site and has_officer


def _build_site(data: SiteInput) -> Site:
    code = re.sub(r"[.\s]", "", data.village_code)
    if not _VILLAGE.match(code):
        raise ValidationError(
            _("Kode desa/kelurahan harus 10 digit kode Kemendagri, mis. 33.24.01.2001."),
            code="kode_desa",
            field="village_code",
        )
    if code[6] not in "12":
        raise ValidationError(
            _("Digit ke-7 kode desa harus 1 (kelurahan) atau 2 (desa)."),
            code="kode_desa",
            field="village_code",
        )
    if not data.village_name.strip():
        raise ValidationError(_("Nama desa/kelurahan belum diisi."), field="village_name")
    if data.timezone not in ZONES:
        raise ValidationError(_("Zona waktu harus WIB, WITA atau WIT."), field="timezone")
    district = region_book().district(code[:6])
    if district is None and not (data.district_name and data.regency_name):
        raise ValidationError(
            _(
                "Kode kecamatan {0}.{1}.{2} tidak ada di daftar Kemendagri. Periksa "
                "kodenya, atau isi nama kecamatan dan kabupaten secara manual."
            ).format(code[:2], code[2:4], code[4:6]),
            code="kecamatan_tidak_dikenal",
            field="village_code",
        )
    kind = "Kelurahan" if code[6] == "1" else "Desa"
    village = data.village_name.strip()
    return Site(
        name=data.name.strip() or f"Puskesos {kind} {village}",
        village_code=code,
        village_name=village,
        district_code=code[:6],
        district_name=data.district_name or (district.name if district else ""),
        regency_code=code[:4],
        regency_name=data.regency_name or (district.regency if district else ""),
        province_code=code[:2],
        province_name=data.province_name or (district.province if district else ""),
        office_code=(data.office_code.strip().upper() or code),
        timezone=data.timezone,
        address=data.address.strip(),
        head_name=data.head_name.strip(),
        head_title=default_profile().signer_title(code),
        profile=default_profile().key,
    )


def initialise(
    session: Session,
    site: SiteInput,
    admin_username: str,
    admin_name: str,
    admin_password: str,
    admin_pin: str | None = None,
) -> Actor:
    """Create the site and its first administrator; only allowed on an empty database."""
    if current_site(session) is not None:
        raise Conflict(_("Puskesos ini sudah diatur. Ubah identitasnya di halaman Pengaturan."))
    row = _build_site(site)
    session.add(row)
    session.flush()
    admin = create_officer(
        session, admin_username, admin_name, admin_password, [Role.ADMIN], pin=admin_pin
    )
    load_reference(session)
    record(
        session,
        admin.id,
        "puskesos_diatur",
        "site",
        row.id,
        payload={
            "site": {
                "name": row.name,
                "village_code": row.village_code,
                "office_code": row.office_code,
            }
        },
    )
    return Actor.of(admin)


def get_site(session: Session) -> SiteView | None:
    site = current_site(session)
    return site_view(site) if site else None


def require_site(session: Session) -> SiteView:
    """The office, for work that cannot be done before set-up (a letterhead, a slip)."""
    site = get_site(session)
    if site is None:
        raise ValidationError(_("Puskesos belum diatur. Jalankan pengaturan awal dulu."))
    return site


@action(Perm.MANAGE_SITE, label="Mengubah data kantor")
def update_site(session: Session, actor: Actor, /, **changes: object) -> SiteView:
    """Administrator edits the letterhead facts (name, address, head of village, idle lock)."""
    site = current_site(session)
    if site is None:
        raise ValidationError(_("Puskesos belum diatur."))
    allowed = {"name", "address", "head_name", "head_title", "phone", "idle_lock_minutes"}
    for key, value in changes.items():
        if key not in allowed:
            raise ValidationError(_("Kolom {0} tidak dapat diubah di sini.").format(key), field=key)
        setattr(site, key, value)
    record(
        session,
        actor.id,
        "identitas_diubah",
        "site",
        site.id,
        payload={"fields": sorted(changes)},
        detail={"fields": sorted(changes)},
    )
    return site_view(site)
