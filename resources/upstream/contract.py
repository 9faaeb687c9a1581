"""The kiosk ⇄ kabupaten contract (``openapi.yaml`` beside this file) as validators.

It lives with the contract, not in ``sync/``: the reference server (``kabupaten/``) stands for
a system the kiosk does not control and imports nothing of the kiosk, yet both check messages
against this one file.

Both sides check messages against the contract's own schemas rather than against hand-written
``isinstance`` chains or ``assert`` (which ``python -O`` removes): the kiosk every reply before
it believes it, the reference server every request before it stores anything. One file says
what a valid message is; a test validates the file itself (openapi-spec-validator) and
schemathesis holds the reference server to it.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

CONTRACT = Path(__file__).resolve().with_name("openapi.yaml")


@functools.cache
def spec() -> dict[str, Any]:
    with open(CONTRACT, encoding="utf-8") as f:
        loaded: dict[str, Any] = yaml.safe_load(f)
    return loaded


@functools.cache
def _registry() -> Registry:
    resource = Resource.from_contents(spec(), default_specification=DRAFT202012)
    return Registry().with_resource("contract", resource)


@functools.cache
def validator(name: str) -> Draft202012Validator:
    """A validator for ``#/components/schemas/<name>``; formats (uuid, date-time) checked."""
    return Draft202012Validator(
        {"$ref": f"contract#/components/schemas/{name}"},
        registry=_registry(),
        format_checker=FormatChecker(),
    )


def problem(name: str, data: Any) -> str:
    """Why ``data`` is not a valid ``name``, in a few words with where; "" when it is."""
    error = next(iter(validator(name).iter_errors(data)), None)
    if error is None:
        return ""
    where = "/".join(str(p) for p in error.absolute_path)
    message = error.message if len(error.message) <= 120 else error.message[:117] + "..."
    return f"{where}: {message}" if where else message
