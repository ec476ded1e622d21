"""Which records are accepted: a bad entry is left out alone, a bad file with all its entries,
and the findings say where (see also the fixtures m001–m006 in tests/checks/fixtures)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from macros.checks.monev import judge_records
from macros.load.discover import source_sets
from macros.model.monev import Period
from macros.model.project import load_project
from macros.validate import validate_paths
from tests.conftest import CHECK_FIXTURES

SLUG = "valid-monev"
GOOD_ENTRY = f"""  {SLUG}:
    langkah:
      1: baik
      2:
        penilaian: tidak
        catatan: Surat menunggu satu hari
        tindakan: Memeriksa surat pada hari yang sama
      3: baik
"""


def _project(tmp_path: Path, records: dict[str, str]) -> Path:
    root = tmp_path / "sop"
    shutil.copytree(CHECK_FIXTURES / "valid-monev", root, ignore=shutil.ignore_patterns("_monitoring", "_evaluasi", "expected.txt"))
    for rel, text in records.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


LATER = dt.date(2027, 6, 30)  # "today" for the records here: after each of their dates, whatever the clock says


def _judge(root: Path, today: dt.date = LATER):
    project = load_project(source_sets([root])[0])
    project.today = today
    return judge_records(project)


def _codes(root: Path) -> list[tuple[str, str]]:
    findings = validate_paths([root]).findings
    return [(Path(f.location.path).name, f.code) for f in findings]


def test_the_valid_fixture_is_accepted_whole():
    verdict = _judge(CHECK_FIXTURES / "valid-monev")
    assert verdict.findings == []
    history = verdict.accepted[SLUG]
    [monitoring] = history.monitoring
    assert monitoring.period == Period(2026, 1) and (monitoring.good, monitoring.not_good) == (2, 1)
    assert monitoring.source == "_monitoring/2026-1.yml"
    assert history.last_evaluation.period == Period(2026) and history.last_evaluation.yes == 6
    # the evaluation's action is done (selesai), the monitoring's is open
    assert [a.subject for a in history.open_actions] == ["Langkah 2"]


def test_a_bad_entry_is_left_out_alone(tmp_path):
    root = _project(tmp_path, {
        "_monitoring/2026-1.yml": "periode: 2026-1\npenilai: sekretaris\ntanggal: 2026-06-20\nhasil:\n" + GOOD_ENTRY
        + "  tidak-ada:\n    langkah:\n      1: baik\n",
        "_monitoring/2025-2.yml": "periode: 2025-2\npenilai: sekretaris\ntanggal: 2025-12-01\nhasil:\n"
        + GOOD_ENTRY.replace("      3: baik", "      9: baik"),
    })
    verdict = _judge(root)
    assert [f.code for f in verdict.findings] == ["SOP-M002", "SOP-M001"]
    assert [m.period for m in verdict.accepted[SLUG].monitoring] == [Period(2026, 1)]


def test_a_bad_file_leaves_out_all_its_entries_and_the_others_stay(tmp_path):
    root = _project(tmp_path, {
        "_monitoring/2026-1.yml": "periode: 2026-1\npenilai: sekretaris\ntanggal: 2026-06-20\nhasil:\n" + GOOD_ENTRY,
        "_monitoring/2025-2.yml": "periode: 2025-1\npenilai: sekretaris\ntanggal: 2025-12-01\nhasil:\n" + GOOD_ENTRY,
        "_monitoring/2025-1.yml": "periode: 2025-1\npenilai: tidak-dikenal\ntanggal: 2025-06-01\nhasil:\n" + GOOD_ENTRY,
    })
    verdict = _judge(root)
    assert sorted(f.code for f in verdict.findings) == ["SOP-A003", "SOP-M003"]
    assert [m.period for m in verdict.accepted[SLUG].monitoring] == [Period(2026, 1)]


def test_an_entry_may_name_its_own_assessor_and_date(tmp_path):
    root = _project(tmp_path, {
        "_monitoring/2026-2.yml": "periode: 2026-2\nhasil:\n" + GOOD_ENTRY.replace(
            "    langkah:", "    penilai: {nama: Budi, nip: 19800101 200501 1 001}\n    tanggal: Januari 2027\n    langkah:"),
    })
    verdict = _judge(root)
    assert verdict.findings == []
    [result] = verdict.accepted[SLUG].monitoring
    assert result.assessor.name == "Budi" and result.date.isoformat() == "2027-01"


def test_a_late_record_is_accepted_until_the_next_period_ends(tmp_path):
    text = "periode: 2026-1\npenilai: sekretaris\ntanggal: {}\nhasil:\n" + GOOD_ENTRY
    for date, codes in (("2026-12-31", []), ("2026", []), ("2027-01-01", ["SOP-M005"]), ("2025-12", ["SOP-M005"])):
        root = _project(tmp_path / date, {"_monitoring/2026-1.yml": text.format(date)})
        assert [f.code for f in _judge(root).findings] == codes, date


def test_the_assessors_nip_is_checked_like_the_signers(tmp_path):
    root = _project(tmp_path, {
        "_evaluasi/2026.yml": (CHECK_FIXTURES / "valid-monev" / "_evaluasi" / "2026.yml").read_text(encoding="utf-8")
        .replace("19750312 200003 2 004", "19751312 200003 2 004"),
    })
    assert ("2026.yml", "SOP-N002") in _codes(root)
    assert SLUG not in _judge(root).accepted


def test_missing_assessor_is_reported_where_it_is_missing(tmp_path):
    entry_with = GOOD_ENTRY.replace("    langkah:", "    penilai: sekretaris\n    langkah:")
    other = "  lain:\n    langkah:\n      1: baik\n"
    root = _project(tmp_path, {"_monitoring/2026-1.yml": "periode: 2026-1\ntanggal: 2026-06-20\nhasil:\n" + entry_with + other})
    (root / "lain.yml").write_text((root / f"{SLUG}.yml").read_text(encoding="utf-8").replace("800/001/UMUM", "800/002/UMUM"),
                                   encoding="utf-8")
    verdict = _judge(root)
    [finding] = verdict.findings
    assert finding.code == "SOP-M004" and "'lain'" in finding.message and finding.location.line == 13
    assert set(verdict.accepted) == {SLUG}


def test_records_named_on_their_own_are_checked_as_records_not_sops(run_sop):
    result = run_sop("check", "tests/checks/fixtures/m003-semester-3/_monitoring/2026-3.yml")
    assert result.code == 1
    assert {line.split(": ")[1].split()[0] for line in result.lines[:-1]} == {"SOP-M003"}
    folder = run_sop("check", "tests/checks/fixtures/m006-duplicate-entry/_monitoring")
    assert " SOP-M006 " in folder.out and " SOP-S0" not in folder.out


def test_a_wrong_value_names_its_sop_and_step(tmp_path):
    root = _project(tmp_path, {
        "_monitoring/2026-1.yml": "periode: 2026-1\npenilai: sekretaris\ntanggal: 2026-06-20\nhasil:\n"
        + GOOD_ENTRY.replace("      3: baik", "      3: bagus").replace("        catatan:", "        catatn:"),
    })
    lines = [f.as_line().split(": ", 1)[1] for f in validate_paths([root]).findings]
    assert lines == [
        "SOP-S001 galat: kunci 'catatn' tidak dikenal; maksud Anda 'catatan'?",
        f"SOP-S003 galat: 'penilaian' (SOP {SLUG}, langkah 3) bernilai 'bagus', harus salah satu dari: baik, tidak",
    ]
    assert SLUG not in _judge(root).accepted


EVALUATION = (CHECK_FIXTURES / "valid-monev" / "_evaluasi" / "2026.yml").read_text(encoding="utf-8")


def test_a_record_dated_after_today_does_not_count(tmp_path):
    """An evaluation dated after today is not the SOP's last evaluation (SOP-M007, like a tinjauan: SOP-V004)."""
    future = (EVALUATION.replace("Tahun 2026", "Tahun 2099").replace("tanggal: 2026-12-01", "tanggal: 2099-12-31")
              .replace("          selesai: 2026-12-05\n", ""))
    root = _project(tmp_path, {"_evaluasi/2026.yml": EVALUATION, "_evaluasi/2099.yml": future})
    verdict = _judge(root, dt.date(2026, 12, 10))
    assert [(f.code, f.location.line) for f in verdict.findings] == [("SOP-M007", 6)]
    assert verdict.accepted[SLUG].last_evaluation.period == Period(2026)
    # an entry's own date after today leaves that entry out
    own = EVALUATION.replace("    kriteria:", "    tanggal: 2026-12-20\n    kriteria:").replace("          selesai: 2026-12-05\n", "")
    root = _project(tmp_path / "own", {"_evaluasi/2026.yml": own})
    verdict = _judge(root, dt.date(2026, 12, 10))
    assert [f.code for f in verdict.findings] == ["SOP-M007"] and SLUG not in verdict.accepted
    assert _judge(root, dt.date(2026, 12, 20)).findings == []  # the day itself is not after today


def test_an_action_done_after_today_or_before_it_was_asked_is_not_done(tmp_path):
    for done, today, found in (("2099-01-01", dt.date(2026, 12, 10), ["SOP-M008"]),
                               ("1950-01-01", dt.date(2026, 12, 10), ["SOP-M008"]),
                               ("2026-11-30", dt.date(2026, 12, 10), ["SOP-M008"]),  # the evaluation is dated 2026-12-01
                               ("Desember 2026", dt.date(2026, 12, 10), []),  # may be the same month
                               ("2026-12-01", dt.date(2026, 12, 10), []),
                               ("2026-12-10", dt.date(2026, 12, 10), [])):
        root = _project(tmp_path / done, {"_evaluasi/2026.yml": EVALUATION.replace("selesai: 2026-12-05", f"selesai: {done}")})
        verdict = _judge(root, today)
        assert [f.code for f in verdict.findings] == found, done
        if found:
            [finding] = verdict.findings
            assert finding.location.line == 17 and done in finding.message
            assert SLUG not in verdict.accepted  # no evaluation with an action counted as done
        else:
            assert verdict.accepted[SLUG].open_actions == ()
    monitoring = GOOD_ENTRY.replace("        tindakan: Memeriksa surat pada hari yang sama",
                                    "        tindakan: {uraian: Memeriksa surat, selesai: 2026-06-19}")
    root = _project(tmp_path / "m", {"_monitoring/2026-1.yml": "periode: 2026-1\npenilai: sekretaris\ntanggal: 2026-06-20\nhasil:\n"
                                     + monitoring})
    [finding] = _judge(root).findings
    assert finding.code == "SOP-M008" and "sebelum tanggal penilaian 2026-06-20" in finding.message
