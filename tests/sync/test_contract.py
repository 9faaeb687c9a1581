"""The contract in resources/ and the reference server agree on what exists."""

from pathlib import Path

import yaml

from kabupaten.server import create_app
from kabupaten.store import Store

CONTRACT = Path(__file__).resolve().parents[2] / "resources" / "upstream" / "openapi.yaml"


def test_every_contract_path_is_served_and_nothing_else_public(tmp_path):
    spec = yaml.safe_load(CONTRACT.read_text(encoding="utf-8"))
    assert spec["openapi"].startswith("3.") and spec["info"]["version"]
    app = create_app(Store(f"sqlite:///{tmp_path / 's.sqlite'}"), {}, admin=False)
    served = {
        (rule.rule.replace("<", "{").replace(">", "}"), method.lower())
        for rule in app.url_map.iter_rules()
        for method in rule.methods - {"HEAD", "OPTIONS"}
        if not rule.rule.startswith("/static")
    }
    # The people's HTML pages (kabupaten.web), the citizen's status page and the public papan
    # are not the kiosks' machine contract; everything else the server answers is in it.
    pages = {(r, m) for r, m in served if r.startswith(("/web/", "/status/")) or r == "/papan"}
    assert ("/status/{number}", "get") in pages and ("/web/masuk", "post") in pages
    promised = {(path, method) for path, ops in spec["paths"].items() for method in ops}
    assert served - pages == promised


def test_the_contract_is_valid_openapi():
    """It was not: a flow mapping's comma had split a response's description into two keys."""
    from openapi_spec_validator import validate

    spec = yaml.safe_load(CONTRACT.read_text(encoding="utf-8"))
    validate(spec)
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            for status, response in operation["responses"].items():
                assert set(response) <= {"description", "content", "headers"}, (path, status)
                assert isinstance(response["description"], str) and response["description"]
            if method != "get" or path != "/v1/probe":  # every refusal is documented
                assert set(operation["responses"]) - {"200"}, (path, method)


def test_every_retry_after_status_documents_the_header():
    spec = yaml.safe_load(CONTRACT.read_text(encoding="utf-8"))
    for path, operations in spec["paths"].items():
        for operation in operations.values():
            for status in ("429", "503"):
                if status in operation["responses"]:
                    assert "Retry-After" in operation["responses"][status]["headers"], path
