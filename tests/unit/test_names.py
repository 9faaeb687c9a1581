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


@pytest.mark.parametrize(
    "name",
    [
        "Moh.Ali Imron",
        "H.Ahmad  Dahlan",
        "José María\tSoekarno",
        "Ma'ruf `Amin",
        "Hj. Siti Nurhajati, S.Pd.",
        "M. Djoko-Tjahjono",
        "ÑOÑO  Çahyo",
        "Ahmad\u00a0Dahlan",
        "Zulfikar ¨Effendi",
        "   ",
        "Drs. H. Muhammad Nur",
    ],
)
def test_word_by_word_key_equals_folding_the_whole_name(name):
    """name_key caches per written word: that must give what folding the whole name gives."""
    from kiosk.names import TITLES, _fold, _token_key

    whole = " ".join(_token_key(t) for t in _fold(name).split() if t not in TITLES)
    assert name_key(name) == whole
    assert name_key(name) == whole  # and again, from the cache


def test_many_names_at_once_key_as_one_at_a_time():
    """name_keys joins a chunk's names, keys the words and splits them back: each must equal
    name_key of that name, titles-only names, repeats and a lone newline word included."""
    from kiosk.names import name_keys

    names = [
        "Moh. Ali Imron",
        "Hj. Siti Nurhajati S.Pd.",
        "H.",
        "",
        "M. Djoko-Tjahjono",
        "José María Soekarno",
        "Budi \n Santoso",
        "Moh. Ali Imron",
        "Ahmad Dahlan",
    ]
    for chunk in (names, names[:3], [n for n in names if "\n" not in n], ["Siti"]):
        assert name_keys(chunk) == [name_key(n) for n in chunk]
