"""Every mapped class, imported here so ``Base.metadata`` knows the whole domain."""

from kiosk.models import lengths as _lengths  # noqa: F401 - registers the flush guard
from kiosk.models.audit import (
    AuditEntry,
    AuditHead,
    NumberSequence,
    OutboxOperation,
    SyncState,
    UpstreamChange,
)
from kiosk.models.base import Base
from kiosk.models.case import Case, CaseEvent, CaseHousehold, CitizenNotice, Visit
from kiosk.models.complaint import (
    Complaint,
    DataUpdateProposal,
    DocumentCheck,
    PpksRecord,
    PrelistProposal,
    ProgrammeNeed,
    ProgrammeParticipation,
)
from kiosk.models.dtks import DtksRecord, DtksSnapshot
from kiosk.models.officer import Officer, OfficerRole
from kiosk.models.person import Consent, Household, HouseholdMembership, Person
from kiosk.models.profile import RegionalProfile
from kiosk.models.queue import QueueEvent, QueueTicket
from kiosk.models.ranking import RankingEntry, RankingList
from kiosk.models.reference import Holiday, Programme, ReferenceItem, ReferenceVersion, Village
from kiosk.models.referral import (
    ApprovalStep,
    ApprovalVote,
    PrintedDocument,
    PrintJob,
    Referral,
    ServiceProduct,
)
from kiosk.models.site import Site

__all__ = [
    "ApprovalStep",
    "ApprovalVote",
    "AuditEntry",
    "AuditHead",
    "Base",
    "Case",
    "CaseEvent",
    "CaseHousehold",
    "CitizenNotice",
    "Complaint",
    "Consent",
    "DataUpdateProposal",
    "DocumentCheck",
    "DtksRecord",
    "DtksSnapshot",
    "Holiday",
    "Household",
    "HouseholdMembership",
    "NumberSequence",
    "Officer",
    "OfficerRole",
    "OutboxOperation",
    "Person",
    "PpksRecord",
    "PrelistProposal",
    "PrintJob",
    "PrintedDocument",
    "Programme",
    "ProgrammeNeed",
    "ProgrammeParticipation",
    "QueueEvent",
    "QueueTicket",
    "RankingEntry",
    "RankingList",
    "ReferenceItem",
    "ReferenceVersion",
    "Referral",
    "RegionalProfile",
    "ServiceProduct",
    "Site",
    "SyncState",
    "UpstreamChange",
    "Village",
    "Visit",
]

from kiosk import audit_chain as _audit_chain  # noqa: F401 - registers the chain hook
