"""schemathesis holds the reference server to the contract: requests generated from the
contract's own schemas (valid ones and broken ones), sent with a valid token of each of two
offices (over one database, so each office's requests meet the other's records), for a bounded
number of examples per operation and office. Zero server errors, and every answer's status,
content type, headers and body as the contract documents them."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from kabupaten.server import create_app
from kabupaten.store import Store
from resources.upstream.contract import CONTRACT
from tests.sync.conftest import ENROLMENT

schema = schemathesis.openapi.from_path(CONTRACT)
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
EXAMPLES = 25  # per operation, phase and office: about half a minute for the whole contract


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """A store holding DTKS rows and reference data, so 200s happen too."""
    db = tmp_path_factory.mktemp("kabupaten") / "s.sqlite"
    store = Store(f"sqlite:///{db}")
    store.load_dtks([{"nik": "3324015708900003", "decile": 2, "programmes": ["PKH"]}], "2026-10-31")
    for dataset in ("programmes", "villages", "holidays"):
        store.set_reference(dataset, "2026.11", [{"code": "X"}])
    yield store
    store.engine.dispose()


@pytest.fixture(scope="module", params=list(ENROLMENT))
def served(store, request):
    """The server with a token of one office (each office in turn)."""
    app = create_app(store, ENROLMENT, admin=False)
    token = store.issue_tokens(request.param, 3600)["access_token"]
    return app, {"Authorization": f"Bearer {token}"}


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
)
def test_the_reference_server_keeps_to_the_contract(case, served):
    app, auth = served
    case.call_and_validate(app=app, headers=auth, checks=CHECKS)
