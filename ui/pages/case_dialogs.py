"""The cases page's dialogs for the back office's decisions: a resolution, a referral (and
sending it again), a service product, its signature and hand-over, telling the citizen. Each
asks, then calls the service; the rules are in kiosk.services."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QWidget

from kiosk import case_rules as rules
from kiosk.services import products, referrals, resolutions
from kiosk.services.actor import Actor
from kiosk.services.case_views import CaseView
from kiosk.services.cases import record_notice
from kiosk.services.reference import Choice
from ui.dialogs import Field, FormDialog
from ui.env import UiEnv
from ui.i18n import translate


class CasePagePart:
    """What the cases page provides to the parts mixed into it (dialogs, community work)."""

    env: UiEnv
    actor: Actor
    view: CaseView | None
    lists: dict[str, list[Choice]]
    error: QLabel
    _after: Callable[..., None]  # run a case action, then show the case as it now is

    def widget(self) -> QWidget:
        """The page itself, as the parent of the dialogs it opens."""
        assert isinstance(self, QWidget)
        return self


class CaseDialogs(CasePagePart):
    """The back office's decision dialogs, mixed into the cases page."""

    def propose_resolution(self) -> None:
        answer = FormDialog.ask(
            self.widget(),
            translate("cases", "Ajukan penyelesaian"),
            [Field("decision", translate("cases", "&Penyelesaian"), "text")],
            translate("cases", "Ajukan ke koordinator"),
            translate("cases", "Penyelesaian di Puskesos memerlukan persetujuan koordinator."),
        )
        if answer and self.view:
            self._after(
                resolutions.propose_resolution, self.view.id, answer["decision"], self.env.clock
            )

    def refer(self) -> None:
        answer = FormDialog.ask(
            self.widget(),
            translate("cases", "Rujuk kasus"),
            [
                Field(
                    "destination",
                    translate("cases", "&Tujuan"),
                    "choice",
                    options=tuple(self.lists["tujuan_rujukan"]),
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
        if answer and self.view:
            self._after(
                referrals.refer_case,
                self.view.id,
                answer["destination"],
                answer["reason"],
                answer["request"],
                answer["consent"],
                "lisan",
                self.env.clock,
            )

    def resubmit(self) -> None:
        assert self.view is not None
        referral = next(r for r in self.view.referrals if r.status == rules.ReferralStatus.RETURNED)
        answer = FormDialog.ask(
            self.widget(),
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
            self._after(
                referrals.resubmit_referral,
                referral.id,
                answer["reason"],
                answer["request"],
                self.env.clock,
            )

    def draft_product(self) -> None:
        answer = FormDialog.ask(
            self.widget(),
            translate("cases", "Produk layanan"),
            [
                Field(
                    "product",
                    translate("cases", "&Jenis"),
                    "choice",
                    options=tuple(self.lists["produk_layanan"]),
                ),
                Field("statement", translate("cases", "&Isi keterangan"), "text"),
                Field("purpose", translate("cases", "&Keperluan"), "line"),
            ],
            translate("cases", "Ajukan ke koordinator"),
        )
        if answer and self.view:
            self._after(
                products.draft_product,
                self.view.id,
                answer["product"],
                answer["statement"],
                answer["purpose"],
                self.env.clock,
            )

    def sign(self, product_id: uuid.UUID) -> None:
        answer = FormDialog.ask(
            self.widget(),
            translate("cases", "Tanda tangan"),
            [Field("signer", translate("cases", "&Nama penanda tangan"))],
            translate("cases", "Simpan"),
        )
        if answer:
            self._after(products.sign_product, product_id, answer["signer"], self.env.clock)

    def hand_over(self, product_id: uuid.UUID) -> None:
        self._after(products.hand_over_product, product_id, self.env.clock)

    def notice(self) -> None:
        answer = FormDialog.ask(
            self.widget(),
            translate("cases", "Pemberitahuan kepada warga"),
            [
                Field(
                    "method",
                    translate("cases", "&Cara"),
                    "choice",
                    options=tuple(self.lists["cara_pemberitahuan"]),
                ),
                Field("note", translate("cases", "C&atatan"), "text", required=False),
            ],
            translate("cases", "Simpan"),
        )
        if answer and self.view:
            self._after(
                record_notice, self.view.id, answer["method"], answer["note"], self.env.clock
            )
