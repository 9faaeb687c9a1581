"""One answer per number, whoever reads it: the counter's check, both import roads, the
searches and the window (kiosk.number16)."""

from __future__ import annotations

import pytest

from kiosk import number16
from kiosk.dtks.rows import Rejected
from kiosk.dtks.rows import number16 as import_number
from kiosk.identity import check_nik
from kiosk.number16 import Problem, digits16, typed_digits
from kiosk.services.people import find_people

GOOD = "3324015708900003"

# raw -> (the digits, or None; the problem, or None)
CASES = {
    GOOD: (GOOD, None),
    "3324 0157 0890 0003": (GOOD, None),
    "3324.0157.0890.0003": (GOOD, None),
    "3324-0157-0890-0003": (GOOD, None),
    "'3324015708900003": (GOOD, None),  # Excel's text marker
    "\t3324015708900003 ": (GOOD, None),
    "٣٣٢٤٠١٥٧٠٨٩٠٠٠٠٣": (GOOD, None),  # Arabic-Indic digits: the same number
    "۳۳۲۴ ۰۱۵۷ ۰۸۹۰ ۰۰۰۳": (GOOD, None),  # Persian (extended Arabic-Indic), grouped
    "３３２４０１５７０８９００００３": (GOOD, None),  # full-width
    "332401570890000³": (None, Problem.NOT_DIGITS),
    "3,32402E+15": (None, Problem.SCIENTIFIC),
    "332401570890000": (None, Problem.LENGTH),
    "33240157089000031": (None, Problem.LENGTH),
    "3324015708900000": ("3324015708900000", Problem.ZERO_SERIAL),
    "Siti Aminah": (None, Problem.NOT_DIGITS),
    "": (None, Problem.EMPTY),
}


@pytest.mark.parametrize("raw", list(CASES))
def test_the_parser(raw):
    digits, problem = CASES[raw]
    parsed = number16.parse(raw)
    assert (parsed.digits, parsed.problem) == (digits, problem)
    assert digits16(raw) == digits


@pytest.mark.parametrize("raw", list(CASES))
def test_the_counter_check_agrees(raw):
    digits, problem = CASES[raw]
    check = check_nik(raw)
    assert check.number == digits
    codes = {v.code for v in check.errors}
    if problem is None:
        assert not codes & {p.value for p in Problem}
    else:
        assert problem.value in codes


@pytest.mark.parametrize("raw", list(CASES))
def test_the_import_roads_agree(raw):
    """The Arrow road sends every cell that is not CLEAN to this same function."""
    digits, problem = CASES[raw]
    if problem is Problem.EMPTY:
        assert import_number(raw, "NIK", False) is None
    elif problem is None:
        assert import_number(raw, "NIK", False) == digits
    else:
        with pytest.raises(Rejected):
            import_number(raw, "NIK", False)
    assert bool(number16.CLEAN.fullmatch(raw)) == (raw == GOOD)


@pytest.mark.parametrize("raw", list(CASES))
def test_the_window_puts_digits_in_the_nik_box(raw):
    _, problem = CASES[raw]
    typed = typed_digits(raw)
    if problem in (None, Problem.LENGTH, Problem.ZERO_SERIAL):
        assert typed is not None and typed.isascii()
    else:
        assert typed is None


def test_the_search_agrees(gateway, office, session):
    from datetime import date

    from kiosk.roles import Role
    from kiosk.services.people import PersonInput, register_person

    nik = "3324011503100001"
    person = PersonInput(name="Ahmad Junaidi", nik=nik, birth_date=date(2010, 3, 15))
    gateway.call(register_person, office[Role.FRONT_OFFICE], person)
    grouped = f"{nik[:4]}-{nik[4:8]}.{nik[8:12]} {nik[12:]}"
    found = gateway.call(find_people, office[Role.FRONT_OFFICE], grouped)
    assert [p.nik for p in found] == [nik]
    arabic = nik.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    found = gateway.call(find_people, office[Role.FRONT_OFFICE], arabic)
    assert digits16(arabic) == nik and [p.nik for p in found] == [nik]  # the same number
