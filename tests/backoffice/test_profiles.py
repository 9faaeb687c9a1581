"""Each office follows its own regulation (issue #32): with each shipped regional profile a case
walks its approval chain, gets its due days, and its letters name the roles and the signer as
that regulation does; switching profile on a live office keeps every earlier decision."""

from __future__ import annotations

import copy
import io
from datetime import date

import pypdf
import pytest
from sqlalchemy import select

from kiosk import case_rules as rules
from kiosk.errors import ValidationError
from kiosk.models import ApprovalStep, Case, Site
from kiosk.profiles import Profile, shipped
from kiosk.roles import Role
from kiosk.services import approval_inbox as inbox
from kiosk.services import approvals as ap
from kiosk.services import products, referrals, resolutions
from kiosk.services.case_views import case_detail
from kiosk.services.cases import move_case
from kiosk.services.community_cases import CommunityCaseInput, open_community_case
from kiosk.services.documents import issue_letter
from kiosk.services.profiles import apply_published, use_profile
from printing.receipts import PdfDocuments
from tests.backoffice.helpers import MONDAY, open_case

STEP_OFFICER = {"koordinator": Role.COORDINATOR, "supervisor": Role.SUPERVISOR}
# (profile, who approves a product, that role's words, the coordinator's and the supervisor's
#  words, the signer on the letters, a kelurahan?) as each regulation has it.
REGULATIONS = [
    ("umum", "koordinator", "Koordinator Puskesos", "Supervisor", "Kepala Desa Sukamaju", False),
    (
        "empat_lawang",
        "koordinator",
        "Koordinator Puskesos",
        "Supervisor",
        "Kepala Desa Sukamaju",
        False,
    ),
    (
        "balangan",
        "supervisor",
        "Koordinator Tim Pelaksana Puskesos",
        "Supervisor",
        "Kepala Desa Sukamaju",
        False,
    ),
    ("kendal", "supervisor", "Koordinator Puskesos", "Supervisor", "Kepala Desa Sukamaju", False),
    (
        "barito_selatan",
        "koordinator",
        "Koordinator Tim Pelaksana Puskesos",
        "Pengawas",
        "Kepala Desa Sukamaju",
        False,
    ),
    ("depok", "koordinator", "Ketua Puskesos", "Supervisor", "Lurah Sukamaju", True),
]


def text(pdf: bytes) -> str:
    return " ".join(
        " ".join((p.extract_text() or "").split()) for p in pypdf.PdfReader(io.BytesIO(pdf)).pages
    )


def approve_pending(gateway, office, role: Role) -> list[str]:
    """Approve what ``role`` may decide now; the role codes of the steps decided."""
    decided = []
    for p in gateway.call(inbox.pending_approvals, office[role]):
        gateway.call(ap.vote, office[role], p.step_id, ap.APPROVE)
        decided.append(p.role)
    return decided


def as_kelurahan(gateway) -> None:
    """Depok has kelurahan only: the office's code says so (7th digit 1)."""

    def change(s):
        s.scalars(select(Site)).one().village_code = "3276011001"

    gateway.call(change)


@pytest.mark.parametrize(
    ("name", "product_role", "coordinator", "supervisor", "signer", "kelurahan"), REGULATIONS
)
def test_a_case_walks_the_chain_of_each_regulation(
    gateway, office, session, name, product_role, coordinator, supervisor, signer, kelurahan
):
    if kelurahan:
        as_kelurahan(gateway)
    chosen = gateway.call(use_profile, office[Role.ADMIN], name)
    assert chosen.active and chosen.name == name
    bo = office[Role.BACK_OFFICE]

    case = open_case(gateway, office, urgency="segera")  # Monday 10 Aug 2026
    stored = session.get(Case, case.case_id)
    assert stored.profile == shipped()[name].key
    assert stored.due_on == date(2026, 8, 13)  # 3 working days for "segera" in every profile

    gateway.call(move_case, bo, case.case_id, rules.REVIEW)
    pid = gateway.call(
        products.draft_product, bo, case.case_id, "sktm", "Keluarga ini tidak mampu.", "berobat"
    )
    other = "supervisor" if product_role == "koordinator" else "koordinator"
    assert approve_pending(gateway, office, STEP_OFFICER[other]) == []  # not theirs to decide
    assert approve_pending(gateway, office, STEP_OFFICER[product_role]) == [product_role]
    gateway.call(products.sign_product, bo, pid, "Slamet")
    words = text(gateway.call(issue_letter, bo, "produk_layanan", pid, PdfDocuments(), MONDAY))
    approver = coordinator if product_role == "koordinator" else supervisor
    assert f"({approver})" in words
    assert signer in words
    assert "Kepala Desa" not in words if kelurahan else "Lurah" not in words

    ref = gateway.call(
        referrals.refer_case, bo, case.case_id, "desa_teknis", "Perlu surat desa", "", True
    )
    view = gateway.call(case_detail, bo, case.case_id)
    labels = [s.role_label for r in view.referrals for s in r.steps]
    assert labels == [coordinator, supervisor]
    approve_pending(gateway, office, Role.COORDINATOR)
    approve_pending(gateway, office, Role.SUPERVISOR)
    words = text(gateway.call(issue_letter, bo, "surat_rujukan", ref, PdfDocuments(), MONDAY))
    assert coordinator in words and supervisor in words


def test_switching_profile_keeps_every_earlier_decision(gateway, office, session):
    bo, admin = office[Role.BACK_OFFICE], office[Role.ADMIN]
    earlier = open_case(gateway, office)  # under the neutral default: the coordinator decides
    gateway.call(move_case, bo, earlier.case_id, rules.REVIEW)
    gateway.call(resolutions.propose_resolution, bo, earlier.case_id, "Dibantu sembako desa")

    gateway.call(use_profile, admin, "kendal")  # Kendal 20(4): the supervisor decides
    later = open_case(gateway, office)
    gateway.call(move_case, bo, later.case_id, rules.REVIEW)
    gateway.call(resolutions.propose_resolution, bo, later.case_id, "Dibantu sembako desa")

    steps = {s.subject_id: (s.role, s.profile) for s in session.scalars(select(ApprovalStep)).all()}
    assert steps[earlier.case_id] == ("koordinator", "umum@1")
    assert steps[later.case_id] == ("supervisor", "kendal@2023.36")
    # The earlier case is still the coordinator's, and a rejection and resubmission keeps it so.
    [p] = gateway.call(inbox.pending_approvals, office[Role.COORDINATOR])
    gateway.call(ap.vote, office[Role.COORDINATOR], p.step_id, ap.REJECT, "Tulis jumlahnya")
    gateway.call(resolutions.propose_resolution, bo, earlier.case_id, "Sembako 10 kg")
    assert approve_pending(gateway, office, Role.COORDINATOR) == ["koordinator"]
    assert approve_pending(gateway, office, Role.SUPERVISOR) == ["supervisor"]
    session.expire_all()
    assert session.get(Case, earlier.case_id).status == rules.RESOLVED
    assert session.get(Case, later.case_id).status == rules.RESOLVED
    assert session.get(Case, earlier.case_id).profile == "umum@1"

    gateway.call(use_profile, admin, "depok")  # the words of earlier steps do not change
    view = gateway.call(case_detail, bo, earlier.case_id)
    assert {s.role_label for s in view.resolution_steps} == {"Koordinator Puskesos"}


def test_an_invalid_profile_is_refused_whole():
    body = dict(shipped()["kendal"].body)
    body["chains"] = {**body["chains"], "resolution": [{"role": "lurah", "decided": "kantor"}]}
    with pytest.raises(ValidationError, match="chains/resolution/0"):
        Profile.parse(body)
    upstream_first = {
        **body["chains"],
        "resolution": [
            {"role": "manajer", "decided": "hulu", "cite": "Pasal 1"},
            {"role": "koordinator", "decided": "kantor", "cite": "Pasal 1"},
        ],
    }
    with pytest.raises(ValidationError, match="sesudah langkah di hulu"):
        Profile.parse({**body, "chains": upstream_first})


def test_every_value_of_every_profile_cites_an_article_or_says_it_is_a_choice():
    def cites(node, path=""):
        if isinstance(node, dict):
            for k, v in node.items():
                if k in ("cite", "days_cite", "period_cite", "stages_cite"):
                    yield path + "/" + k, v
                else:
                    yield from cites(v, f"{path}/{k}")
        elif isinstance(node, list):
            for i, v in enumerate(node):
                yield from cites(v, f"{path}/{i}")

    for profile in shipped().values():
        found = dict(cites(profile.body))
        assert found, profile.name
        for where, cite in found.items():
            assert cite.startswith(("Pasal ", "pilihan kantor, tanpa pasal")), (where, cite)
    assert "Pasal 20 ayat (4)" in shipped()["kendal"].body["chains"]["resolution"][0]["cite"]
    assert shipped()["balangan"].resolution_steps() == [("supervisor", False)]
    assert shipped()["empat_lawang"].resolution_steps() == [("koordinator", False)]


def test_depok_stage_days_are_the_profiles(gateway, office, session):
    """The Perwali (art. 19 (1)) names the stages only; the days are the profile's, so a
    kabupaten that publishes other days gets them on the next community case."""
    body = copy.deepcopy(shipped()["depok"].body)
    body["version"] = "2027.1"
    body["due_days"]["stages"]["registrasi"]["days"] = 2
    gateway.call(apply_published, "2027.1", [body])
    made = gateway.call(
        open_community_case,
        office[Role.BACK_OFFICE],
        CommunityCaseInput("Warga RT 03/RW 02", "Banjir: 4 rumah terendam", ["3324011203199901"]),
        MONDAY,
    )
    case = session.scalars(select(Case).where(Case.tracking_number == made.tracking_number)).one()
    assert (case.profile, case.stage) == ("depok@2027.1", "registrasi")
    assert case.stage_due_on == date(2026, 8, 12)  # 2 working days from Monday, not 3
