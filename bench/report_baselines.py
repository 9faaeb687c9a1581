# ruff: noqa: E501 - SQL reads best one clause to a line
"""Hand-written SQL, one statement per panel, computing the same figures as the kiosk's report
(SQLite dialect, run with the sqlite3 module): the baseline each panel is measured against.

Parameters: :s and :e the period's UTC bounds, :d0 and :d1 its first and after-last day,
:on the day ages and "still open" are read, :v the village code, :snap the active snapshot's id
(32 hex digits, as SQLAlchemy stores a Uuid on SQLite), :c6 :c18 :c60 the birth-day cut-offs.
"""

from __future__ import annotations

BAND = """CASE WHEN {b} IS NULL THEN '?' WHEN {b} > :c6 THEN '0-5' WHEN {b} > :c18 THEN '6-17'
  WHEN {b} > :c60 THEN '18-59' ELSE '60+' END"""
OPEN = "('diterima', 'ditelaah', 'diproses', 'menunggu_persetujuan')"
VILLAGE = "snapshot_id = :snap AND village_code = :v"
PROGRAMMES = (
    "progs(code) AS (VALUES ('PKH'), ('BPNT'), ('PBI-JK'), ('PIP'), ('BLT-DD'), ('ATENSI'))"
)

USULAN = f"""
WITH f AS (
  SELECT p.id AS pid, coalesce(pp.household_id, p.household_id) AS hh, coalesce(p.sex, '?') AS sex,
    {BAND.format(b="p.birth_date")} AS band, coalesce(p.disability, 'tidak') AS dis,
    coalesce(h.dusun, '?') AS dusun, pp.status AS status
  FROM prelist_proposal pp JOIN visit v ON v.id = pp.visit_id JOIN person p ON p.id = pp.person_id
  LEFT JOIN household h ON h.id = coalesce(pp.household_id, p.household_id)
  WHERE v.ended_at >= :s AND v.ended_at < :e)
SELECT 'total', '', sex, count(DISTINCT pid) FROM f GROUP BY sex
UNION ALL SELECT 'age', band, sex, count(DISTINCT pid) FROM f GROUP BY band, sex
UNION ALL SELECT 'dis', dis, sex, count(DISTINCT pid) FROM f GROUP BY dis, sex
UNION ALL SELECT 'dusun', dusun, sex, count(DISTINCT pid) FROM f GROUP BY dusun, sex
UNION ALL SELECT 'status', status, sex, count(DISTINCT pid) FROM f GROUP BY status, sex
UNION ALL SELECT 'kk', dusun, '', count(DISTINCT hh) FROM f GROUP BY dusun
UNION ALL SELECT 'update', kind || '/' || status, '', count(*) FROM data_update_proposal
  WHERE proposed_at >= :s AND proposed_at < :e GROUP BY kind, status
"""

AKSES = f"""
WITH {PROGRAMMES},
d AS (SELECT * FROM dtks_record WHERE {VILLAGE}),
hh AS (SELECT coalesce(nullif(family_id, ''), no_kk) AS k, ',' || group_concat(programmes) || ',' AS progs
  FROM d GROUP BY k)
SELECT 'prog', code, coalesce(sex, '?'), count(*) FROM d JOIN progs
  ON ',' || d.programmes || ',' LIKE '%,' || code || ',%' GROUP BY code, sex
UNION ALL SELECT 'decile', decile, coalesce(sex, '?'), count(*) FROM d WHERE programmes != ''
  GROUP BY decile, sex
UNION ALL SELECT 'age', {BAND.format(b="birth_date")}, coalesce(sex, '?'), count(*) FROM d
  WHERE programmes != '' GROUP BY 2, 3
UNION ALL SELECT 'kk', code, '', count(*) FROM hh JOIN progs ON progs LIKE '%,' || code || ',%'
  GROUP BY code
UNION ALL SELECT 'tercatat', pp.programme_code, '', count(DISTINCT coalesce(pp.household_id, v.household_id))
  FROM programme_participation pp JOIN visit v ON v.id = pp.visit_id
  WHERE v.started_at >= :s AND v.started_at < :e GROUP BY pp.programme_code
"""

TUMPANG_TINDIH = f"""
WITH d AS (SELECT * FROM dtks_record WHERE {VILLAGE}),
hh AS (SELECT coalesce(nullif(family_id, ''), no_kk) AS k, min(decile) AS dec,
  group_concat(programmes) AS progs FROM d GROUP BY k)
SELECT 'combo', progs, '', count(*) FROM hh GROUP BY progs
UNION ALL SELECT 'poor', dec, '', count(*) FROM hh
  WHERE dec BETWEEN 1 AND 4 AND replace(progs, ',', '') = '' GROUP BY dec
UNION ALL SELECT 'poor_people', {BAND.format(b="birth_date")}, coalesce(sex, '?'), count(*) FROM d
  WHERE decile BETWEEN 1 AND 4 AND programmes = '' GROUP BY 2, 3
"""

_CASE_SEX = "LEFT JOIN person p ON p.id = c.person_id"
KESENJANGAN = f"""
SELECT 'need', n.programme_code, '', count(DISTINCT coalesce(n.household_id, v.household_id))
  FROM programme_need n JOIN visit v ON v.id = n.visit_id
  WHERE v.started_at >= :s AND v.started_at < :e
  AND NOT EXISTS (SELECT 1 FROM programme_participation q
    WHERE q.household_id = coalesce(n.household_id, v.household_id) AND q.programme_code = n.programme_code)
  AND NOT EXISTS (SELECT 1 FROM household h JOIN dtks_record r ON r.no_kk = h.no_kk
    WHERE h.id = coalesce(n.household_id, v.household_id) AND r.snapshot_id = :snap
    AND ',' || r.programmes || ',' LIKE '%,' || n.programme_code || ',%')
  GROUP BY n.programme_code
UNION ALL SELECT 'open_cat', k.category, coalesce(p.sex, '?'), count(*)
  FROM complaint k JOIN service_case c ON c.id = k.case_id {_CASE_SEX}
  WHERE k.kind = 'pengaduan' AND c.created_at < :e AND c.status IN {OPEN} GROUP BY k.category, p.sex
UNION ALL SELECT 'open_sector', k.sector, coalesce(p.sex, '?'), count(*)
  FROM complaint k JOIN service_case c ON c.id = k.case_id {_CASE_SEX}
  WHERE k.kind = 'pengaduan' AND c.created_at < :e AND c.status IN {OPEN} GROUP BY k.sector, p.sex
UNION ALL SELECT 'late', c.desk, coalesce(p.sex, '?'), count(*) FROM service_case c {_CASE_SEX}
  WHERE c.status IN {OPEN} AND c.due_on < :on GROUP BY c.desk, p.sex
UNION ALL SELECT 'unanswered', r.destination_code, coalesce(p.sex, '?'), count(*)
  FROM referral r JOIN service_case c ON c.id = r.case_id {_CASE_SEX}
  WHERE r.created_at < :e AND r.status IN ('diajukan', 'menunggu_kabupaten')
  GROUP BY r.destination_code, p.sex
UNION ALL SELECT 'ppks', ppks_type, subject, count(DISTINCT coalesce(person_id, household_id, id))
  FROM ppks_record WHERE recorded_on >= :d0 AND recorded_on < :d1 GROUP BY ppks_type, subject
"""

LAYANAN = f"""
WITH v AS (
  SELECT v.person_id AS pid, coalesce(v.household_id, p.household_id) AS hh, v.channel, v.dtks_status,
    coalesce(p.sex, '?') AS sex, {BAND.format(b="p.birth_date")} AS band,
    coalesce(p.disability, 'tidak') AS dis, coalesce(h.dusun, '?') AS dusun
  FROM visit v LEFT JOIN person p ON p.id = v.person_id
  LEFT JOIN household h ON h.id = coalesce(v.household_id, p.household_id)
  WHERE v.started_at >= :s AND v.started_at < :e),
c AS (SELECT c.*, coalesce(p.sex, '?') AS sex FROM service_case c {_CASE_SEX}
  WHERE c.created_at >= :s AND c.created_at < :e),
t AS (SELECT t.service_code, t.counter, t.service_day, t.status, t.issued_at,
    min(CASE WHEN e.kind = 'called' THEN e.at END) AS called,
    min(CASE WHEN e.kind = 'serving' THEN e.at END) AS serving,
    min(CASE WHEN e.kind = 'ended' THEN e.at END) AS ended
  FROM queue_ticket t LEFT JOIN queue_event e ON e.ticket_id = t.id
  WHERE t.service_day >= :d0 AND t.service_day < :d1 GROUP BY t.id),
sla AS (SELECT c.desk, c.due_on, min(e.at) AS decided FROM service_case c
  JOIN case_event e ON e.case_id = c.id AND e.to_status IN ('selesai', 'dirujuk', 'ditolak', 'ditutup')
  GROUP BY c.id HAVING decided >= :s AND decided < :e)
SELECT 'served', '', sex, count(DISTINCT pid) FROM v WHERE pid IS NOT NULL GROUP BY sex
UNION ALL SELECT 'channel', channel, sex, count(DISTINCT pid) FROM v WHERE pid IS NOT NULL GROUP BY 2, 3
UNION ALL SELECT 'age', band, sex, count(DISTINCT pid) FROM v WHERE pid IS NOT NULL GROUP BY 2, 3
UNION ALL SELECT 'dis', dis, sex, count(DISTINCT pid) FROM v WHERE pid IS NOT NULL GROUP BY 2, 3
UNION ALL SELECT 'dtks', dtks_status, sex, count(DISTINCT pid) FROM v WHERE pid IS NOT NULL GROUP BY 2, 3
UNION ALL SELECT 'dusun', dusun, sex, count(DISTINCT pid) FROM v WHERE pid IS NOT NULL GROUP BY 2, 3
UNION ALL SELECT 'kk', dusun, '', count(DISTINCT hh) FROM v GROUP BY 2
UNION ALL SELECT 'kind', k.kind, c.sex, count(*) FROM c JOIN complaint k ON k.case_id = c.id GROUP BY 2, 3
UNION ALL SELECT 'cat', k.category, c.sex, count(*) FROM c JOIN complaint k ON k.case_id = c.id GROUP BY 2, 3
UNION ALL SELECT 'sector', k.sector, c.sex, count(*) FROM c JOIN complaint k ON k.case_id = c.id GROUP BY 2, 3
UNION ALL SELECT 'kchan', k.channel, c.sex, count(*) FROM c JOIN complaint k ON k.case_id = c.id GROUP BY 2, 3
UNION ALL SELECT 'status', status, sex, count(*) FROM c GROUP BY 2, 3
UNION ALL SELECT 'desk', desk, sex, count(*) FROM c GROUP BY 2, 3
UNION ALL SELECT 'ref', r.destination_code || '/' || r.status, coalesce(p.sex, '?'), count(*)
  FROM referral r JOIN service_case c ON c.id = r.case_id {_CASE_SEX}
  WHERE r.status != 'draf' AND r.created_at >= :s AND r.created_at < :e GROUP BY 2, 3
UNION ALL SELECT 'service', service_code, count(*) || '/' || sum(status = 'tidak_hadir'),
  avg((julianday(called) - julianday(issued_at)) * 1440)
  FROM t GROUP BY service_code
UNION ALL SELECT 'counter', counter, count(*), avg((julianday(ended) - julianday(coalesce(serving, called))) * 1440)
  FROM t GROUP BY counter
UNION ALL SELECT 'day', service_day, '', count(*) FROM t GROUP BY service_day
UNION ALL SELECT 'sla', desk, count(*), sum(date(decided, '+7 hours') <= due_on) FROM sla GROUP BY desk
"""

PANELS = {
    "usulan": USULAN,
    "akses": AKSES,
    "tumpang_tindih": TUMPANG_TINDIH,
    "kesenjangan": KESENJANGAN,
    "layanan": LAYANAN,
}
