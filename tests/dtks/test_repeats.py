"""Repeats against the plain definition: one pass, in file order, over Python sets."""

import random
from collections import Counter
from types import SimpleNamespace

import numpy as np

from kiosk.dtks.repeats import SAME_NIK, Repeats
from kiosk.dtks.rows import Rejected
from kiosk.dtks.seen import IntSet


def plain(chunks):
    """The rule as first written: a seen line is a duplicate (counted once), a refused row is
    refused, a seen NIK is refused, everything else is kept."""
    lines, niks, kept, rejected, read, dups = set(), set(), [], [], 0, 0
    for c, (entries, hashes, numbers) in enumerate(chunks):
        for i, entry in enumerate(entries):
            if entry is None:
                continue
            read += 1
            if hashes[i] in lines:
                dups += 1
                continue
            lines.add(hashes[i])
            if isinstance(entry, Rejected):
                rejected.append(((c, i), entry.reason))
            elif numbers[i] is not None and numbers[i] in niks:
                rejected.append(((c, i), SAME_NIK))
            else:
                if numbers[i] is not None:
                    niks.add(numbers[i])
                kept.append((c, i))
    return kept, rejected, read, dups


def random_chunks(rng):
    """Lines from a small pool, so exact repeats, same-NIK-other-line rows, refused rows
    repeated, blank lines and rows without a NIK all meet within and across chunks."""
    pool = []
    for _ in range(rng.randrange(5, 400)):
        kind = rng.random()
        nik = 3324010101900000 + rng.randrange(60)
        if kind < 0.1:
            pool.append((Rejected("rusak"), None))
        elif kind < 0.2:
            pool.append((True, None))
        else:
            pool.append((True, nik))
    chunks = []
    for _ in range(rng.randrange(1, 6)):
        entries, hashes, numbers = [], [], []
        for _ in range(rng.randrange(0, 300)):
            if rng.random() < 0.05:
                entries.append(None)
                hashes.append(hash(("", "")))
                numbers.append(None)
                continue
            j = rng.randrange(len(pool))
            entries.append(pool[j][0])
            hashes.append(hash(("line", j)))
            numbers.append(pool[j][1])
        chunks.append((entries, hashes, numbers))
    return chunks


def test_repeats_decide_exactly_as_one_ordered_pass_over_sets():
    rng = random.Random(7)
    for attempt in range(300):
        chunks = random_chunks(rng)
        report = SimpleNamespace(rows_read=0, duplicates=0)
        repeats = Repeats(report)
        kept, rejected = [], []
        for c, (entries, hashes, numbers) in enumerate(chunks):
            as_array = np.array([-1 if k is None else k for k in numbers], np.int64)
            got = repeats.keep(
                entries,
                hashes,
                as_array if attempt % 2 else numbers,  # the Arrow road passes numpy, -1: none
                lambda i, c=c: (c, i),
                lambda line, reason, _, out=rejected: out.append((line, reason)),
            )
            kept += [(c, i) for i in got]
        assert (kept, rejected, report.rows_read, report.duplicates) == plain(chunks)


def test_a_clean_chunk_with_nothing_seen_is_taken_whole_and_remembered():
    report = SimpleNamespace(rows_read=0, duplicates=0)
    repeats = Repeats(report)
    assert repeats.all_new([11, 12, 13], [101, 102, 103])
    assert report.rows_read == 3
    assert not repeats.all_new([14, 15], [104, 104])  # a NIK twice in the chunk
    assert not repeats.all_new([14, 11], [104, 105])  # a line from before
    assert not repeats.all_new([14, 15], [104, 101])  # a NIK from before
    assert report.rows_read == 3  # a refused chunk has touched nothing
    assert repeats.all_new([14, 15], [104, 105])


NIK = 3324010101900000


def test_the_compact_set_answers_like_a_python_set_while_it_grows():
    rng = random.Random(3)
    seen, reference = IntSet(bits=4), set()
    for _ in range(200):
        keys = [
            rng.choice((rng.getrandbits(63), rng.randrange(50), NIK + rng.randrange(9)))
            for _ in range(rng.randrange(0, 500))
        ]
        found = seen.contains(np.array(keys, np.int64))
        assert found.tolist() == [k in reference for k in keys]
        new = list(dict.fromkeys(k for k in keys if k not in reference))
        seen.add_new(new)
        reference.update(new)
        assert len(seen) == len(reference)
    assert Counter(seen._table.tolist())[-1] >= seen._table.size // 2  # at most half full
