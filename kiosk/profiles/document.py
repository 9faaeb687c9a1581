"""One regional profile: a regulation read as data, checked against its JSON Schema.

The document (resources/profiles/*.json, or the kabupaten's through the reference endpoint)
is kept whole in :attr:`Profile.body`; the methods are the questions the services ask of it,
so no service reads the JSON layout itself. Every value in the document carries a ``cite``:
the article it comes from, or plainly "pilihan kantor, tanpa pasal".
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator

from kiosk.errors import ValidationError
from kiosk.messages import _
from kiosk.regions import RESOURCES

PROFILE_DIR = RESOURCES / "profiles"
OFFICE_CHOICE = "pilihan kantor, tanpa pasal"
STEP_OF_ROLE = {"coordinator": "koordinator", "facilitator": "fasilitator"}

Steps = list[tuple[str, bool]]  # [(step role, decided upstream)], the approval engine's input


@cache
def _validator() -> Draft202012Validator:
    schema = json.loads((PROFILE_DIR / "schema.json").read_text(encoding="utf-8"))
    return Draft202012Validator(schema)


def check(body: Any) -> dict[str, Any]:
    """``body`` if it is a valid profile, else ValidationError naming the first fault (the
    whole document is refused: an office never runs half a regulation)."""
    errors = sorted(_validator().iter_errors(body), key=lambda e: list(e.absolute_path))
    if errors:
        where = "/".join(str(p) for p in errors[0].absolute_path) or "dokumen"
        raise ValidationError(
            _("Profil daerah tidak sah di {0}: {1}").format(where, errors[0].message[:200]),
            code="profil_tidak_sah",
        )
    assert isinstance(body, dict)
    for chain in _chains(body):
        upstream = [s["decided"] == "hulu" for s in chain]
        if upstream != sorted(upstream):  # once upstream, a chain never comes back
            raise ValidationError(
                _("Profil daerah tidak sah: langkah kantor sesudah langkah di hulu."),
                code="profil_tidak_sah",
            )
    return body


def _chains(body: dict[str, Any]) -> list[list[dict[str, Any]]]:
    c = body["chains"]
    referral = c["referral"]
    by_kind = list(referral.get("by_kind", {}).values())
    return [c["resolution"], c["product"], referral["local"], referral["outward"], *by_kind]


def _steps(chain: list[dict[str, Any]]) -> Steps:
    return [(s["role"], s["decided"] == "hulu") for s in chain]


@dataclass(frozen=True)
class Profile:
    """A valid profile document and the answers the kiosk needs from it."""

    body: dict[str, Any]

    @classmethod
    def parse(cls, body: Any) -> Profile:
        return cls(check(body))

    @property
    def name(self) -> str:
        return str(self.body["name"])

    @property
    def version(self) -> str:
        return str(self.body["version"])

    @property
    def key(self) -> str:
        """``name@version``: what a case and an approval record they were started under."""
        return f"{self.name}@{self.version}"

    @property
    def title(self) -> str:
        return str(self.body["title"])

    @property
    def regulation(self) -> str:
        return str(self.body["regulation"])

    # --- approval chains -----------------------------------------------------------------
    def resolution_steps(self) -> Steps:
        return _steps(self.body["chains"]["resolution"])

    def product_steps(self) -> Steps:
        return _steps(self.body["chains"]["product"])

    def referral_steps(self, kind: str, local: bool) -> Steps:
        """The destination kind's own chain if the profile names one, else the local chain
        (decided in the office) or the outward one (ending upstream)."""
        referral = self.body["chains"]["referral"]
        chain = referral.get("by_kind", {}).get(kind) or referral["local" if local else "outward"]
        return _steps(chain)

    def names_kind(self, kind: str) -> bool:
        """Whether the profile has a chain of its own for referrals to ``kind``."""
        return kind in self.body["chains"]["referral"].get("by_kind", {})

    def review_role(self, record: str) -> str | None:
        """The role that reviews ``record`` (keluhan, usulan_prelist, perubahan_data,
        kebutuhan_program, rujukan) before it goes upstream, or None when nobody must."""
        for item in self.body["review_before_upstream"]:
            if item["record"] == record:
                return str(item["role"])
        return None

    # --- days ----------------------------------------------------------------------------
    def due_days(self, urgency: str) -> int:
        """Working days to the back office's first answer (darurat, segera, biasa)."""
        return int(self.body["due_days"]["urgency"][urgency]["days"])

    def urgencies(self) -> tuple[str, ...]:
        return tuple(self.body["due_days"]["urgency"])

    def stage_days(self, stage: str) -> int:
        return int(self.body["due_days"]["stages"][stage]["days"])

    def escalations(self) -> list[tuple[int, str]]:
        """``[(after working days past due, to role)]`` in the document's order."""
        return [(int(e["after_working_days"]), str(e["to"])) for e in self.body["escalation"]]

    # --- words ---------------------------------------------------------------------------
    def role_label(self, role: str) -> str:
        """The regulation's name for a step role (koordinator …) or an officer role
        (coordinator …); a role it does not name keeps its code in words."""
        roles = self.body["labels"]["roles"]
        item = roles.get(role) or roles.get(STEP_OF_ROLE.get(role, ""))
        return str(item["label"]) if item else role.replace("_", " ").capitalize()

    def unit_label(self, unit: str) -> str:
        """``office`` (the Puskesos) or ``upstream`` (the body the office reports to)."""
        return str(self.body["labels"]["units"][unit]["label"])

    def signer_title(self, village_code: str) -> str:
        """Who signs letters: the head of a desa or of a kelurahan (7th digit 1 = kelurahan)."""
        kind = "kelurahan" if village_code[6:7] == "1" else "desa"
        return str(self.body["signer"][kind]["title"])

    def reports(self) -> list[dict[str, str]]:
        return [dict(r) for r in self.body["reports"]]

    def registration_fields(self) -> list[str]:
        return [str(f["field"]) for f in self.body["registration"]]
