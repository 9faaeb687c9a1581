"""Review before upstream, end to end (issue #32): under Kendal (Perbup 36/2023 art. 20(4)-(5))
the kabupaten server receives nothing of a case until the supervisor has approved the back
office's result, then all of it in order; a reviewed data-update proposal and a pre-list
proposal arrive and are accepted (not quarantined)."""

from __future__ import annotations

from kiosk import case_rules as rules
from kiosk.roles import Role
from kiosk.services import approval_inbox as inbox
from kiosk.services import approvals as ap
from kiosk.services import resolutions
from kiosk.services.cases import move_case
from kiosk.services.data_updates import propose_data_update, review_data_update
from kiosk.services.outbox import configure_upstream
from kiosk.services.profiles import use_profile
from tests.backoffice.helpers import open_case
from tests.backoffice.test_supervision import propose
from tests.core.test_data_updates import WIB_NOON, died, on_register  # noqa: F401 - fixture
from tests.sync.conftest import assert_exactly_once, drain, make_engine


def enrolled(gateway, office, upstream):
    gateway.call(configure_upstream, office[Role.ADMIN], upstream.url, "3324012001")
    engine = make_engine(gateway, upstream.url)
    engine.enrol("3324012001", "RAHASIA-UJI")
    return engine


def about(upstream, entity_id) -> list[str]:
    return [o["op_type"] for o in upstream.store.operations() if o["entity_id"] == str(entity_id)]


def test_the_server_sees_a_kendal_case_only_after_the_supervisor(
    gateway, office, upstream, session
):
    gateway.call(use_profile, office[Role.ADMIN], "kendal")
    engine = enrolled(gateway, office, upstream)
    bo, sup = office[Role.BACK_OFFICE], office[Role.SUPERVISOR]
    case = open_case(gateway, office)
    gateway.call(move_case, bo, case.case_id, rules.REVIEW)
    gateway.call(resolutions.propose_resolution, bo, case.case_id, "Dibantu sembako desa")
    drain(engine)
    assert about(upstream, case.case_id) == ["tinjauan_diminta"]  # the ask, nothing else
    [step] = gateway.call(inbox.pending_approvals, sup)
    gateway.call(ap.vote, sup, step.step_id, ap.APPROVE)
    drain(engine)
    arrived = about(upstream, case.case_id)
    assert arrived[1] == "kasus_dicatat" and arrived[-1] == "kasus_ditinjau"
    assert_exactly_once(session, upstream)


def test_reviewed_proposals_are_accepted_upstream(
    gateway,
    office,
    upstream,
    session,
    on_register,  # noqa: F811 - the fixture
):
    gateway.call(use_profile, office[Role.ADMIN], "depok")  # no review: the pre-list goes at once
    engine = enrolled(gateway, office, upstream)
    prelist = propose(gateway, office, 6)
    view = gateway.call(propose_data_update, office[Role.FRONT_OFFICE], died(), WIB_NOON)
    gateway.call(review_data_update, office[Role.SUPERVISOR], view.id, True, "", WIB_NOON)
    drain(engine)
    assert about(upstream, prelist.prelist_id) == ["usulan_prelist"]
    assert about(upstream, view.id) == ["pemutakhiran_disetujui"]
    assert_exactly_once(session, upstream)  # nothing quarantined
