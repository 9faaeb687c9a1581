from collections.abc import Iterator

import pytest

from tests.printing.fake_printer import FakePrinter


@pytest.fixture
def fake_printer() -> Iterator[callable]:
    made: list[FakePrinter] = []

    def make(mode: str = "ok") -> FakePrinter:
        printer = FakePrinter(mode)
        made.append(printer)
        return printer

    yield make
    for p in made:
        p.close()
