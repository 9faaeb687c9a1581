"""Which profile an office runs, and which one a case or an approval was started under.

Every profile an office has used is kept (table ``regional_profile``, by ``name@version``), so
a case started under Kendal 2023.36 keeps that chain and those days after the office moves to
another profile or the kabupaten publishes a newer version.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from kiosk.clock import utcnow
from kiosk.models import Case, RegionalProfile
from kiosk.profiles.document import Profile
from kiosk.profiles.shipped import default_profile, shipped
from kiosk.services.numbers import current_site

_parsed: dict[tuple[str, int], Profile] = {}


def profile_by_key(session: Session, key: str) -> Profile:
    """The profile ``name@version`` as the office stored it, else the shipped one of that key,
    else the neutral default (a record older than profiles: the kiosk's own reading)."""
    row = session.get(RegionalProfile, key) if key else None
    if row is not None:
        cached = _parsed.get((key, hash(repr(row.body))))
        if cached is None:
            cached = Profile(row.body)  # checked when it was stored
            _parsed[(key, hash(repr(row.body)))] = cached
        return cached
    for profile in shipped().values():
        if profile.key == key:
            return profile
    return default_profile()


def active_profile(session: Session) -> Profile:
    """The profile the office runs now (the default before set-up or before any choice)."""
    site = current_site(session)
    return profile_by_key(session, site.profile if site is not None else "")


def case_profile(session: Session, case_: Case) -> Profile:
    """The profile ``case_`` was started under: its chains and days stay that one."""
    return profile_by_key(session, case_.profile)


def keep(session: Session, profile: Profile, source: str) -> RegionalProfile:
    """Store ``profile`` (``bawaan`` shipped, ``kabupaten`` published); a stored key is never
    rewritten, so what earlier cases were started under stays readable."""
    row = session.get(RegionalProfile, profile.key)
    if row is None:
        row = RegionalProfile(
            key=profile.key,
            name=profile.name,
            version=profile.version,
            body=profile.body,
            source=source,
            loaded_at=utcnow(),
        )
        session.add(row)
        session.flush()
    return row
