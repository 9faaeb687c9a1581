"""The permission policy, tested from the services' own declarations (``@action``).

The table below is written by hand: a change to who may do what must change it too, in the
same commit, where a reviewer sees it.
"""

from __future__ import annotations

import inspect
import json
import pkgutil
from importlib import import_module

import pytest

import kiosk.services as services
from kiosk.roles import Role
from kiosk.services.registry import ACTIONS, action, action_of, all_actions, policy
from ui.cli import main

F, B, C, S, T, A, Q = "FBCSTAQ"
ROLE_LETTERS = {
    Role.FRONT_OFFICE: F,
    Role.BACK_OFFICE: B,
    Role.COORDINATOR: C,
    Role.SUPERVISOR: S,
    Role.FACILITATOR: T,
    Role.ADMIN: A,
    Role.QUEUE_KIOSK: Q,
}

# action -> the roles that may do it (letters as above)
EXPECTED = {
    "approval_inbox.pending_approvals": "CS",
    "products.draft_product": "BC",
    "products.hand_over_product": "BC",
    "resolutions.propose_resolution": "BC",
    "referrals.refer_case": "B",
    "referrals.resubmit_referral": "B",
    "products.sign_product": "BC",
    "approvals.vote": "CS",
    "audit_log.audit_actions": "SA",
    "audit_log.audit_log": "SA",
    "audit_log.verify_audit": "SA",
    "auth.change_password": "FBCSTAQ",
    "auth.unlock_screen": "FBCSTAQ",
    "backups.create_backup": "A",
    "backups.list_backups": "A",
    "backups.restore_backup": "A",
    "backups.retention_notice": "A",
    "backups.set_recovery_passphrase": "A",
    "backups.set_backup_mirror": "A",
    "case_views.case_detail": "BC",
    "case_views.find_case": "FBCST",
    "cases.add_note": "BC",
    "cases.case_inbox": "BC",
    "cases.move_case": "BC",
    "cases.record_notice": "BC",
    "dtks_online.check_with_kabupaten": "FBCST",
    "access.set_access_guide": "A",
    "eligibility.eligible_programmes": "FBCST",
    "eligibility.set_programme_rules": "A",
    "ranking.rank_candidates": "CSA",  # and view_case inside: names are listed
    "person_profile.person_profile": "FBCST",  # and view_case inside
    "eligibility.programme_catalogue": "A",
    "catalogue.programme_info": "FBCSTAQ",  # public facts every officer tells citizens
    "community_cases.open_community_case": "FBCT",
    "community_cases.attach_households": "FBCT",
    "community_cases.advance_stage": "BC",
    "ranking_lists.submit_ranking": "C",
    "ranking_lists.review_ranking": "S",
    "ranking_lists.record_meeting_decision": "C",
    "ranking_lists.list_rankings": "CSA",  # and view_case inside, as the ranking
    "ranking_lists.ranking_entries": "CSA",
    "ranking_lists.stored_ranking": "CSA",
    "data_updates.propose_data_update": "FT",
    "data_updates.review_data_update": "S",
    "data_updates.list_data_updates": "FBCST",
    "ppks.record_ppks": "FBT",
    "ppks.list_ppks": "FBCST",
    "documents.issue_letter": "FBCTA",
    "documents.issue_receipt_pdf": "FBCTA",
    "dossier.person_dossier": "A",
    "dtks_check.check_dtks": "FBCST",
    "dtks_check.search_dtks": "FBCST",
    "importer.import_snapshot": "CA",
    "letters.product_facts": "FBCST",
    "letters.referral_letter_facts": "FBCST",
    "letters.status_letter_facts": "FBCST",
    "lookup.lookup": "FBCST",
    "officers.add_officer": "A",
    "officers.list_officers": "A",
    "officers.reset_password": "A",
    "officers.set_active": "A",
    "officers.set_roles": "A",
    "outbox.configure_upstream": "A",
    "outbox.sync_overview": "FBCTA",
    "people.find_people": "FBCST",
    "people.register_person": "FBT",
    "person_rights.give_consent": "FBTA",
    "person_rights.request_erasure": "A",
    "person_rights.withdraw_consent": "FBTA",
    "prelist.prelist_for_period": "CSA",
    "prelist_review.record_prelist_progress": "FBCT",
    "prelist_review.review_prelist": "CS",
    "prelist_review.returned_prelist": "FBCT",
    "prelist_review.resubmit_prelist": "FBCT",
    "supervision.review_case": "CS",
    "escalation.acknowledge_escalation": "CS",
    "escalation.escalate_overdue": "CSA",
    "print_jobs.get_print_job": "FBCTA",
    "print_jobs.job_payload": "FBCTA",
    "print_jobs.queue_print_job": "FBCTAQ",
    "print_jobs.recent_print_jobs": "FBCTA",
    "print_jobs.record_print_result": "FBCTAQ",
    "print_jobs.store_document": "FBCTA",
    "quarantine.drop": "A",
    "quarantine.quarantined": "FBCTA",
    "quarantine.retry": "A",
    "tickets.issue_ticket": "FQ",
    "queue_calls.call_next": "FB",
    "queue_calls.finish": "FB",
    "queue_calls.mark_no_show": "FB",
    "queue_calls.queue_state": "FB",
    "queue_calls.recall": "FB",
    "profiles.use_profile": "A",
    "queue_calls.skip": "FB",
    "queue_calls.start_serving": "FB",
    "queue_calls.transfer": "FB",
    "reference.add_choice": "A",
    "reference.add_programme": "A",
    "reference.reload_reference": "A",
    "reports.office_report": "CSA",
    "reports.public_report": "CSA",
    "reports.report_records": "CSA",  # and view_case inside: the administrator sees counts only
    "report_submit.submit_report": "CSA",
    "report_submit.report_submissions": "CSA",
    "setup.update_site": "A",
    "summary.office_summary": "CSA",
    "walk_in.record_walk_in": "FT",
}


def _letters(roles: tuple[Role, ...]) -> str:
    return "".join(ROLE_LETTERS[r] for r in roles)


def test_the_declared_policy_is_the_written_table():
    declared = {a.name: _letters(a.roles) for a in all_actions()}
    assert declared == EXPECTED


def test_puskesos_roles_json_prints_the_same_table(capsys):
    assert main(["roles", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    by_name = {a["name"]: a for a in printed["actions"]}
    assert {n: "".join(ROLE_LETTERS[Role(r)] for r in a["roles"]) for n, a in by_name.items()} == (
        EXPECTED
    )
    assert all(a["label"] and a["permissions"] is not None for a in printed["actions"])
    assert set(printed["roles"]) == {r.value for r in Role}
    assert printed == policy()


def test_roles_text_names_every_action(capsys):
    assert main(["roles"]) == 0
    out = capsys.readouterr().out
    assert all(name in out for name in EXPECTED)


def _service_functions():
    for module in pkgutil.iter_modules(services.__path__):
        if module.name in ("actor", "registry"):  # the gate itself
            continue
        mod = import_module(f"kiosk.services.{module.name}")
        for name, fn in vars(mod).items():
            if name.startswith("_") or not inspect.isfunction(fn):
                continue
            if getattr(fn, "__module__", None) != mod.__name__ and not action_of(fn):
                continue  # imported from elsewhere
            params = list(inspect.signature(fn).parameters)
            if len(params) >= 2 and params[0] in ("session", "ctx") and params[1] == "actor":
                yield f"{module.name}.{name}", fn


def test_every_service_an_officer_calls_is_declared():
    """A service taking ``(session, actor)`` or ``(ctx, actor)`` is a user action: it must say
    which permission it needs, so nobody can add one that checks nothing."""
    undeclared = [name for name, fn in _service_functions() if action_of(fn) is None]
    assert undeclared == list(CHECKS)


# Rules that take an officer but do nothing themselves: called inside declared actions.
CHECKS = {
    "approvals.four_eyes": "no officer decides a step of what they submitted",
    "review_items.review_items": "the rest of pending_approvals' inbox, read inside it",
    "supervision.require_reviewer": "the reviewer holds the role the profile names",
}


def test_a_declared_action_refuses_before_its_body_runs(gateway, office):
    ran = []

    @action(*ACTIONS["officers.add_officer"].perms, label="uji")
    def probe(session, actor):
        ran.append(actor)

    try:
        from kiosk.errors import PermissionDenied

        with pytest.raises(PermissionDenied):
            gateway.call(probe, office[Role.FRONT_OFFICE])
        assert ran == []
        gateway.call(probe, office[Role.ADMIN])
        assert ran == [office[Role.ADMIN]]
    finally:
        ACTIONS.pop(f"{__name__.rsplit('.', 1)[-1]}.probe")
