"""``puskesos demo`` builds its database once and opens the same one on every later run: a
newcomer's second start is the window, not fifteen seconds of rebuilding."""

import sqlite3

from ui.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def officers(demo_file):
    with sqlite3.connect(demo_file) as conn:
        return {row[0] for row in conn.execute("select username from officer")}


def mark(demo_file):
    """A trace an officer's session would leave: gone only if the demo is built again."""
    with sqlite3.connect(demo_file) as conn:
        conn.execute("update officer set full_name = 'Dipakai Lagi' where username = 'depan'")


def full_name(demo_file, username):
    with sqlite3.connect(demo_file) as conn:
        return conn.execute(
            "select full_name from officer where username = ?", (username,)
        ).fetchone()[0]


def test_second_run_reuses_the_demo_and_fresh_rebuilds_it(tmp_path, capsys):
    data = str(tmp_path / "data")
    demo_file = tmp_path / "data" / "demo.sqlite3"
    code, out, _ = run(capsys, "demo", "--data-dir", data, "--no-gui", "--households", "5")
    assert code == 0 and "Data demo siap" in out
    assert {"admin", "depan"} <= officers(demo_file)
    mark(demo_file)

    code, out, _ = run(capsys, "demo", "--data-dir", data, "--no-gui")
    assert code == 0 and "Data demo dipakai lagi" in out and "Data demo siap" not in out
    assert full_name(demo_file, "depan") == "Dipakai Lagi"

    code, out, _ = run(
        capsys, "demo", "--data-dir", data, "--no-gui", "--fresh", "--households", "5"
    )
    assert code == 0 and "Data demo siap" in out
    assert full_name(demo_file, "depan") != "Dipakai Lagi"


def test_a_demo_from_another_version_or_unfinished_is_built_again(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("ui.cli.DEMO_HOUSEHOLDS", 5)  # the default register, smaller
    data = str(tmp_path / "data")
    demo_file = tmp_path / "data" / "demo.sqlite3"
    run(capsys, "demo", "--data-dir", data, "--no-gui", "--households", "5")
    mark(demo_file)
    stamp = demo_file.with_name("demo.sqlite3.versi")
    stamp.write_text("0.0.1 0001", encoding="utf-8")  # built by an older program

    code, out, _ = run(capsys, "demo", "--data-dir", data, "--no-gui")
    assert code == 0 and "Data demo siap" in out
    assert full_name(demo_file, "depan") != "Dipakai Lagi"

    mark(demo_file)
    stamp.unlink()  # a build interrupted before its end writes no stamp
    code, out, _ = run(capsys, "demo", "--data-dir", data, "--no-gui")
    assert code == 0 and "Data demo siap" in out
    assert full_name(demo_file, "depan") != "Dipakai Lagi"
