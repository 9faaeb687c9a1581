"""The cases page's community work: a new case for a community with its households by
No. KK, more households as they are found, and Depok's stages on any open case. The page
asks and calls; the rules are in :mod:`kiosk.services.community_cases`."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QLineEdit

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
from ui.pages.case_dialogs import CasePagePart


def numbers_in(text: str) -> list[str]:
    """The No. KK typed one per line, or separated by commas or semicolons (spaces inside a
    number are the officer's grouping and stay)."""
    return [part for part in re.split(r"[\n,;]+", text) if part.strip()]


URGENCY = (
    Choice("biasa", QT_TRANSLATE_NOOP("case_community", "Biasa (5 hari kerja)"), {}),
    Choice("segera", QT_TRANSLATE_NOOP("case_community", "Segera (3 hari kerja)"), {}),
    Choice("darurat", QT_TRANSLATE_NOOP("case_community", "Darurat (1 hari kerja)"), {}),
)


class CommunityActions(CasePagePart):
    """Mixed into the cases page, which also provides these."""

    done: QLabel
    search: QLineEdit
    load: Callable[[], None]
    _failed: Callable[[Exception], None]

    def open_community(self) -> None:
        """A community's case (a flood, a group at risk): one case, its households by No. KK."""
        answer = FormDialog.ask(
            self.widget(),
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
                    options=tuple(self.lists.get("meja_layanan", ())),
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
        show_error(self.error, "")
        self.env.op(self.widget(), open_community_case, self.actor, data, self.env.clock).success(
            self._community_opened
        ).failure(self._failed).run()

    def _community_opened(self, result: AttachResult) -> None:
        again = (
            translate("case_community", " ({0} No. KK tertulis dua kali, dihitung sekali)").format(
                result.already
            )
            if result.already
            else ""
        )
        self.done.setText(
            translate(
                "case_community", "Kasus komunitas {0} dicatat dengan {1} keluarga{2}."
            ).format(result.tracking_number, result.households, again)
        )
        self.done.show()
        self.search.setText(result.tracking_number)
        self.load()

    def advance_stage(self) -> None:
        assert self.view is not None
        st = self.view.stage
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
            self.widget(),
            translate("case_community", "Tahapan Depok: ke {0}").format(target),
            fields,
            translate("case_community", "Pindahkan"),
        )
        if answer is not None:
            self._after(advance_stage, self.view.id, answer["note"] or "", self.env.clock)

    def add_households(self) -> None:
        assert self.view is not None
        answer = FormDialog.ask(
            self.widget(),
            translate("case_community", "Tambah keluarga terdampak"),
            [Field("households", translate("case_community", "No. &KK (satu per baris)"), "text")],
            translate("case_community", "Tambahkan"),
        )
        if answer is not None:
            lines = numbers_in(str(answer["households"]))
            self._after(attach_households, self.view.id, lines, self.env.clock)
