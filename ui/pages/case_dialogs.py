"""The cases page's dialogs for the back office's decisions: a resolution, a referral (and
sending it again), a service product, its signature and hand-over, telling the citizen. Each
asks, then calls the service; the rules are in kiosk.services."""

from __future__ import annotations

import uuid
from typing import Any, Protocol

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from kiosk import case_rules as rules
from kiosk.services import products, referrals, resolutions
from kiosk.services.actor import Actor
from kiosk.services.case_views import CaseView
from kiosk.services.cases import record_notice
from kiosk.services.reference import Choice
from ui.dialogs import Field, FormDialog
from ui.env import UiEnv
from ui.i18n import translate


class CaseDesk(Protocol):
    """What the cases page gives the parts composed into it (dialogs, community work)."""

    env: UiEnv
    actor: Actor
    view: CaseView | None
    lists: dict[str, list[Choice]]
    error: QLabel
    done: QLabel
    search: QLineEdit

    def widget(self) -> QWidget:
        """The page, as the parent of the dialogs it opens."""
        ...

    def run_action(self, service: Any, *args: Any) -> None:
        """Run a case action, then show the case and the list as they now are."""
        ...

    def load(self) -> None: ...

    def _failed(self, exc: Exception) -> None: ...


class CaseDialogs:
    """The back office's decision dialogs, composed into the cases page: each asks, then has
    the page run the action and show the case as it now is."""

    def __init__(self, page: CaseDesk):
        self.page = page

    def propose_resolution(self) -> None:
        answer = FormDialog.ask(
            self.page.widget(),
            translate("cases", "Ajukan penyelesaian"),
            [Field("decision", translate("cases", "&Penyelesaian"), "text")],
            translate("cases", "Ajukan ke koordinator"),
            translate("cases", "Penyelesaian di Puskesos memerlukan persetujuan koordinator."),
        )
        if answer and self.page.view:
            self.page.run_action(
                resolutions.propose_resolution,
                self.page.view.id,
                answer["decision"],
                self.page.env.clock,
            )

    def refer(self) -> None:
        answer = FormDialog.ask(
            self.page.widget(),
            translate("cases", "Rujuk kasus"),
            [
                Field(
                    "destination",
                    translate("cases", "&Tujuan"),
                    "choice",
                    options=tuple(self.page.lists["tujuan_rujukan"]),
                ),
                Field("reason", translate("cases", "&Alasan rujukan"), "text"),
                Field(
                    "request",
                    translate("cases", "&Permintaan kepada tujuan"),
                    "text",
                    required=False,
                ),
                Field(
                    "consent",
                    translate("cases", "Persetujuan"),
                    "check",
                    required=False,
                    hint=translate("cases", "Warga &setuju datanya dikirim ke lembaga tujuan"),
                ),
            ],
            translate("cases", "Ajukan rujukan"),
            translate(
                "cases",
                "Rujukan disetujui berurutan: koordinator, lalu supervisor; rujukan ke luar desa "
                "juga diputuskan manajer SLRT kabupaten.",
            ),
        )
        if answer and self.page.view:
            self.page.run_action(
                referrals.refer_case,
                self.page.view.id,
                answer["destination"],
                answer["reason"],
                answer["request"],
                answer["consent"],
                "lisan",
                self.page.env.clock,
            )

    def resubmit(self) -> None:
        assert self.page.view is not None
        referral = next(
            r for r in self.page.view.referrals if r.status == rules.ReferralStatus.RETURNED
        )
        answer = FormDialog.ask(
            self.page.widget(),
            translate("cases", "Ajukan ulang rujukan"),
            [
                Field(
                    "reason", translate("cases", "&Alasan rujukan"), "text", value=referral.reason
                ),
                Field(
                    "request",
                    translate("cases", "&Permintaan"),
                    "text",
                    required=False,
                    value=referral.request,
                ),
            ],
            translate("cases", "Ajukan ulang"),
        )
        if answer:
            self.page.run_action(
                referrals.resubmit_referral,
                referral.id,
                answer["reason"],
                answer["request"],
                self.page.env.clock,
            )

    def draft_product(self) -> None:
        answer = FormDialog.ask(
            self.page.widget(),
            translate("cases", "Produk layanan"),
            [
                Field(
                    "product",
                    translate("cases", "&Jenis"),
                    "choice",
                    options=tuple(self.page.lists["produk_layanan"]),
                ),
                Field("statement", translate("cases", "&Isi keterangan"), "text"),
                Field("purpose", translate("cases", "&Keperluan"), "line"),
            ],
            translate("cases", "Ajukan ke koordinator"),
        )
        if answer and self.page.view:
            self.page.run_action(
                products.draft_product,
                self.page.view.id,
                answer["product"],
                answer["statement"],
                answer["purpose"],
                self.page.env.clock,
            )

    def sign(self, product_id: uuid.UUID) -> None:
        answer = FormDialog.ask(
            self.page.widget(),
            translate("cases", "Tanda tangan"),
            [Field("signer", translate("cases", "&Nama penanda tangan"))],
            translate("cases", "Simpan"),
        )
        if answer:
            self.page.run_action(
                products.sign_product, product_id, answer["signer"], self.page.env.clock
            )

    def hand_over(self, product_id: uuid.UUID) -> None:
        self.page.run_action(products.hand_over_product, product_id, self.page.env.clock)

    def notice(self) -> None:
        answer = FormDialog.ask(
            self.page.widget(),
            translate("cases", "Pemberitahuan kepada warga"),
            [
                Field(
                    "method",
                    translate("cases", "&Cara"),
                    "choice",
                    options=tuple(self.page.lists["cara_pemberitahuan"]),
                ),
                Field("note", translate("cases", "C&atatan"), "text", required=False),
            ],
            translate("cases", "Simpan"),
        )
        if answer and self.page.view:
            self.page.run_action(
                record_notice,
                self.page.view.id,
                answer["method"],
                answer["note"],
                self.page.env.clock,
            )
