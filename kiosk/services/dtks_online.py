"""The counter's DTKS check: this office's snapshot at once, and the kabupaten's answer when it
comes in time.

The snapshot answers in milliseconds and is what the counter has offline. When the kiosk is
connected to the kabupaten, its online lookup is asked as well, for at most two seconds in all:
a newer register there (a family added or removed since the last import) is what the officer
should see and act on. Either way the officer is told where the answer came from and its date.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from kiosk.number16 import digits16
from kiosk.roles import Perm
from kiosk.services.actor import Actor
from kiosk.services.dtks_check import DtksResult, OnlineAnswer
from kiosk.services.registry import action

if TYPE_CHECKING:
    from kiosk.context import KioskContext
    from kiosk.ports import OnlineRegister

ONLINE_DEADLINE_S = 2.0


@action(Perm.CHECK_DTKS, label="Memeriksa DTKS (data lokal dan server kabupaten)")
def check_with_kabupaten(
    ctx: KioskContext,
    actor: Actor,
    nik: str | None,
    no_kk: str | None,
    online: OnlineRegister | None,
    deadline_s: float = ONLINE_DEADLINE_S,
) -> DtksResult:
    """The snapshot's answer, with the kabupaten's when it answers within ``deadline_s``."""
    local = ctx.register.check(actor, nik, no_kk)
    number = digits16(nik or "")
    if online is None or number is None:
        return local
    answer = online.lookup(number, deadline_s)
    if isinstance(answer, OnlineAnswer):
        return replace(local, online=answer)
    return replace(local, online_note=answer)
