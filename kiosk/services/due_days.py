"""Due days, in one place: the first answer by urgency and each Depok stage, both read from
the regional profile a case was started under (the kiosk once wrote 5/3/1 twice and cited
Kendal art. 18, which sets no days; the profiles say plainly which days are an office's choice).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from kiosk.errors import ValidationError
from kiosk.messages import _
from kiosk.profiles import Profile
from kiosk.services.reference import holidays
from kiosk.workdays import add_working_days


def check_urgency(profile: Profile, urgency: str) -> None:
    if urgency not in profile.urgencies():
        raise ValidationError(
            _("Pilih tingkat urgensi: biasa, segera atau darurat."), field="urgency"
        )


def first_answer_due(session: Session, profile: Profile, urgency: str, today: date) -> date:
    """The day the back office owes the citizen a first answer."""
    check_urgency(profile, urgency)
    return add_working_days(today, profile.due_days(urgency), holidays(session))


def stage_due(session: Session, profile: Profile, stage: str, start: date) -> date:
    """The day a Depok stage started on ``start`` is due."""
    return add_working_days(start, profile.stage_days(stage), holidays(session))
