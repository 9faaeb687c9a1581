"""The cases page's community work: a new case for a community with its households by
No. KK, more households as they are found, and Depok's stages on any open case. The page
asks and calls; the rules are in :mod:`kiosk.services.community_cases`."""

from __future__ import annotations

import re

from kiosk.services.community_cases import (
    AttachResult,
    CommunityCaseInput,
    advance_stage,
    attach_households,
    open_community_case,
)
from kiosk.services.reference import Choice
from ui.dialogs import Field, FormDialog
from ui.forms import show_error
from ui.i18n import QT_TRANSLATE_NOOP, translate, translated
from ui.pages.case_dialogs import CaseDesk


def numbers_in(text: str) -> list[str]:
    """The No. KK typed one per line, or separated by commas or semicolons (spaces inside a
    number are the officer's grouping and stay)."""
    return [part for part in re.split(r"[\n,;]+", text) if part.strip()]


URGENCY = (
    Choice("biasa", QT_TRANSLATE_NOOP("case_community", "Biasa (5 hari kerja)"), {}),
    Choice("segera", QT_TRANSLATE_NOOP("case_community", "Segera (3 hari kerja)"), {}),
    Choice("darurat", QT_TRANSLATE_NOOP("case_community", "Darurat (1 hari kerja)"), {}),
)


class CommunityActions:
    """Community work, composed into the cases page (its list, its search box and its
    "recorded" line show the result)."""

    def __init__(self, page: CaseDesk):
        self.page = page

    def open_community(self) -> None:
        """A community's case (a flood, a group at risk): one case, its households by No. KK."""
        answer = FormDialog.ask(
            self.page.widget(),
            translate("case_community", "Kasus komunitas baru"),
            [
                Field(
                    "community",
                    translate("case_community", "&Komunitas dan tempat"),
                    hint=translate("case_community", "mis. Warga RT 03/RW 02 Krajan"),
                ),
                Field(
                    "description", translate("case_community", "Ke&jadian dan kebutuhan"), "text"
                ),
                Field(
                    "desk",
                    translate("case_community", "&Meja"),
                    "choice",
                    options=tuple(self.page.lists.get("meja_layanan", ())),
                    value="sosial_ekonomi",
                ),
                Field(
                    "urgency",
                    translate("case_community", "&Urgensi"),
                    "choice",
                    options=translated("case_community", URGENCY),
                    value="biasa",
                ),
                Field(
                    "households",
                    translate(
                        "case_community", "No. KK &terdampak (satu per baris atau dipisah koma)"
                    ),
                    "text",
                ),
            ],
            translate("case_community", "Catat kasus"),
            translate(
                "case_community",
                "Satu kasus untuk seluruh komunitas; tiap keluarga dihitung sekali di laporan. "
                "Kasus ini mengikuti tahapan prosedur Depok mulai dari registrasi.",
            ),
        )
        if answer is None:
            return
        data = CommunityCaseInput(
            answer["community"],
            answer["description"],
            numbers_in(str(answer["households"])),
            answer["desk"],
            answer["urgency"],
        )
        show_error(self.page.error, "")
        self.page.env.op(
            self.page.widget(), open_community_case, self.page.actor, data, self.page.env.clock
        ).success(self._community_opened).failure(self.page._failed).run()

    def _community_opened(self, result: AttachResult) -> None:
        again = (
            translate("case_community", " ({0} No. KK tertulis dua kali, dihitung sekali)").format(
                result.already
            )
            if result.already
            else ""
        )
        self.page.done.setText(
            translate(
                "case_community", "Kasus komunitas {0} dicatat dengan {1} keluarga{2}."
            ).format(result.tracking_number, result.households, again)
        )
        self.page.done.show()
        self.page.search.setText(result.tracking_number)
        self.page.load()

    def advance_stage(self) -> None:
        assert self.page.view is not None
        st = self.page.view.stage
        target = st.next_label if st else translate("case_community", "Registrasi")
        fields = [
            Field(
                "note",
                translate("case_community", "&Yang sudah dikerjakan"),
                "text",
                required=st is not None,
            )
        ]
        answer = FormDialog.ask(
            self.page.widget(),
            translate("case_community", "Tahapan Depok: ke {0}").format(target),
            fields,
            translate("case_community", "Pindahkan"),
        )
        if answer is not None:
            self.page.run_action(
                advance_stage, self.page.view.id, answer["note"] or "", self.page.env.clock
            )

    def add_households(self) -> None:
        assert self.page.view is not None
        answer = FormDialog.ask(
            self.page.widget(),
            translate("case_community", "Tambah keluarga terdampak"),
            [Field("households", translate("case_community", "No. &KK (satu per baris)"), "text")],
            translate("case_community", "Tambahkan"),
        )
        if answer is not None:
            lines = numbers_in(str(answer["households"]))
            self.page.run_action(attach_households, self.page.view.id, lines, self.page.env.clock)
