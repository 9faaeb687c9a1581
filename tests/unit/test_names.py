"""Name keys fold Indonesian spelling variants together."""

import pytest

from kiosk.names import name_key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Muhammad Yusuf", "Moh. Yusup"),
        ("M. Soekarno", "Muhamad Sukarno"),
        ("H. Achmad Djunaidi", "Ahmad Junaidi"),
        ("Siti Fatimah", "SITI FATIMA"),
        ("Tjahjo Kumolo", "Cahyo Kumolo"),
        ("Nurhayati", "Nurhajati"),
        ("Dra. Sri Rahayu", "Sri Rahayu"),
        ("Zainal Arifin", "Zainal Aripin"),
        ("Rizky Ramadhan", "Riski Ramadan"),
    ],
)
def test_variants_share_a_key(a, b):
    assert name_key(a) == name_key(b)


def test_different_people_keep_different_keys():
    assert name_key("Budi Santoso") != name_key("Budi Susanto")
