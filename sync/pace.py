"""How long a batch's answer may keep silent, learnt from the answers that came.

On a village link the slowness is often one connection's, not the whole link's (a route or a
NAT binding that crawls at 32 kbit/s while a new connection runs at full speed), and an answer
can be held for seconds by something on the way. Waiting the client's whole read timeout (15 s)
for either cost a hostile link more than half its drain time. So a batch gets a deadline from
what the best recent answers needed for as many operations, with room to spare: an answer held
5 s for a batch the link carries in 1 s is abandoned after about 1.5 s, and the same bytes (the
same Idempotency-Key) go again on a fresh connection. That is safe: the server answers a key it
has seen with the answer it stored, and an operation it already holds (by op_id) with its
receipt, whichever attempt arrives first.

A deadline missed doubles the next one, up to the client's own timeout: a link that became slow
as a whole is still waited for, and only a miss at the full timeout makes the batches smaller
(the engine's old rule). An answer that came, but far slower than the best ones, says the
connection is a slow one: the engine drops it and the next request opens another.
"""

from __future__ import annotations

from collections import deque

FLOOR = 0.75  # seconds: a round trip and the server's start, for any batch
SLACK = 2.0  # a deadline allows this many times what the best recent answer needed
SLOW = 2.0  # an answer slower than this many times the best says: this connection is slow
REMEMBERED = 8  # recent answers the best is taken from (a changed link is learnt this soon)


class Pace:
    def __init__(self, ceiling: float):
        self.ceiling = ceiling  # the client's own read timeout: never waited longer
        self.rates: deque[float] = deque(maxlen=REMEMBERED)  # operations a second, per answer
        self.misses = 0  # deadlines missed in a row

    def _expected(self, items: int) -> float | None:
        return items / max(self.rates) if self.rates else None

    def deadline(self, items: int) -> float:
        """Seconds the answer for ``items`` operations may keep silent (the ceiling until an
        answer has been measured)."""
        expected = self._expected(items)
        if expected is None:
            return self.ceiling
        return min(self.ceiling, (FLOOR + SLACK * expected) * 2.0**self.misses)

    def missed(self, deadline: float) -> bool:
        """A deadline passed. True when it was shorter than the ceiling: send the same bytes
        again (on a fresh connection) with a longer one; False: the link itself is slow."""
        self.misses += 1
        return deadline < self.ceiling

    def answered(self, items: int, seconds: float, first: bool = True) -> bool:
        """An answer came after ``seconds``; True when its connection proved slow (far below
        what the best recent answers gave) and should be dropped. Only a ``first`` attempt's
        answer is learnt from: a resent batch may be answered from the server's store at
        once, and a deadline learnt from that would be missed by every real batch."""
        self.misses = 0
        expected = self._expected(items)
        if first:
            self.rates.append(items / max(seconds, 1e-3))
        return expected is not None and seconds > FLOOR + SLOW * expected
