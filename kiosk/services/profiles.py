"""Choosing the office's regional profile, and the kabupaten publishing one (issue #32).

A switch applies from the next case on: cases and approval steps keep the ``name@version``
they were started under (kiosk/profiles/active.py), so no decision already taken is rewritten.
The signer's title follows the new profile (Kepala Desa or Lurah, by the village code).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.errors import NotFound, ValidationError
from kiosk.messages import _
from kiosk.models import RegionalProfile, Site
from kiosk.profiles import Profile, active_profile, keep, shipped
from kiosk.roles import Perm
from kiosk.services.actor import Actor
from kiosk.services.journal import audit, record
from kiosk.services.numbers import current_site
from kiosk.services.registry import action

KABUPATEN = "kabupaten"


@dataclass(frozen=True)
class ProfileSummary:
    name: str
    version: str
    title: str
    regulation: str
    source: str  # bawaan (shipped) / kabupaten (published)
    active: bool


def _newest_published(session: Session) -> dict[str, Profile]:
    """The kabupaten's profiles by name (the last one applied of each name)."""
    rows = session.scalars(
        select(RegionalProfile)
        .where(RegionalProfile.source == KABUPATEN)
        .order_by(RegionalProfile.loaded_at)
    )
    return {row.name: Profile(row.body) for row in rows}


def _available(session: Session) -> dict[str, tuple[Profile, str]]:
    found = {name: (p, "bawaan") for name, p in shipped().items()}
    found.update({name: (p, KABUPATEN) for name, p in _newest_published(session).items()})
    return found


def list_profiles(session: Session) -> list[ProfileSummary]:
    """Every profile the office may use: shipped ones, and the kabupaten's over them."""
    now = active_profile(session).key
    return [
        ProfileSummary(p.name, p.version, p.title, p.regulation, source, p.key == now)
        for _name, (p, source) in sorted(_available(session).items())
    ]


def find_profile(session: Session, name: str) -> Profile:
    """The profile called ``name`` (the kabupaten's version when it published one)."""
    found = _available(session).get(name.strip().lower())
    if found is None:
        raise NotFound(
            _("Profil daerah {0} tidak dikenal. Lihat 'puskesos profile list'.").format(name),
            code="profil_tidak_dikenal",
        )
    return found[0]


def show_profile(session: Session, name: str) -> dict[str, Any]:
    """The whole document, every value with its article (what ``show --json`` prints)."""
    return find_profile(session, name).body


@action(Perm.MANAGE_SITE, label="Memakai profil daerah (peraturan yang diikuti kantor)")
def use_profile(session: Session, actor: Actor, name: str) -> ProfileSummary:
    """Make ``name`` the office's profile from the next case on; audited and sent upstream
    like every change of the office's settings."""
    site = _site(session)
    profile = find_profile(session, name)
    source = _available(session)[profile.name][1]
    keep(session, profile, source)
    before = site.profile
    site.profile = profile.key
    site.head_title = profile.signer_title(site.village_code)
    record(
        session,
        actor.id,
        "profil_daerah_dipakai",
        "site",
        site.id,
        payload={"profile": profile.key, "before": before, "source": source},
        detail={"profile": profile.key, "before": before},
    )
    return ProfileSummary(
        profile.name, profile.version, profile.title, profile.regulation, source, True
    )


def _site(session: Session) -> Site:
    site = current_site(session)
    if site is None:
        raise ValidationError(_("Puskesos belum diatur. Jalankan pengaturan awal dulu."))
    return site


def apply_published(session: Session, version: str, items: list[Any]) -> int:
    """The kabupaten's profile (reference dataset ``profile``: one item, the document),
    applied whole like the programme catalogue: an invalid one raises ValidationError and
    nothing changes. The office then runs it (the kabupaten's regulation is the office's); its
    earlier cases keep the profile they were started under. Returns 1 when applied, else 0."""
    if len(items) != 1:
        raise ValidationError(_("profil daerah dari kabupaten harus tepat satu dokumen"))
    profile = Profile.parse(items[0])
    keep(session, profile, KABUPATEN)
    site = current_site(session)
    if site is not None:
        site.profile = profile.key
        site.head_title = profile.signer_title(site.village_code)
    audit(session, None, "profil_daerah_kabupaten", "site", profile.key, {"versi": version})
    return 1
