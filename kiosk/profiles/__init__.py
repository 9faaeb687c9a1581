"""Regional profiles: each office follows its own regulation (issue #32).

A profile is one versioned JSON document per regulation (resources/profiles/, schema in
resources/profiles/schema.json); every value cites its article or says "pilihan kantor, tanpa
pasal". Qt-free. The API the services use:

- :func:`active_profile` (session) -> :class:`Profile`: what the office runs now.
- :func:`case_profile` (session, case) -> Profile: what a case was started under
  (``Case.profile``, ``ApprovalStep.profile`` hold ``name@version``); its chains stay that one.
- :func:`profile_by_key` (session, "kendal@2023.36"), :func:`shipped` (), :func:`keep`.
- On a Profile: ``resolution_steps() / product_steps() / referral_steps(kind, local)`` ->
  ``[(role, decided_upstream)]``; ``review_role(record)`` -> the role that reviews a record
  before it goes upstream, or None; ``due_days(urgency)``, ``stage_days(stage)``;
  ``escalations()`` -> ``[(after_working_days, to_role)]``; ``role_label(role)``,
  ``unit_label("office"|"upstream")``, ``signer_title(village_code)``; ``reports()``;
  ``registration_fields()``; ``body`` is the whole document (for show/--json).

Choosing a profile is :func:`kiosk.services.profiles.use_profile` (administrator, audited, queued
upstream); the kabupaten publishes one as the reference dataset ``profile``.
"""

from kiosk.profiles.active import active_profile, case_profile, keep, profile_by_key
from kiosk.profiles.document import OFFICE_CHOICE, Profile, Steps
from kiosk.profiles.shipped import DEFAULT, default_profile, shipped

__all__ = [
    "DEFAULT",
    "OFFICE_CHOICE",
    "Profile",
    "Steps",
    "active_profile",
    "case_profile",
    "default_profile",
    "keep",
    "profile_by_key",
    "shipped",
]
