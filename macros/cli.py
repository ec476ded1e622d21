"""`sop`: the command line.

`sop check [PATH...]` validates sources and prints findings; `sop build` and `sop serve` build
or serve the site with mkdocs, printing the same findings first; `sop diff` prints what changed in
the SOPs between two git revisions (or the last commit and the working tree), in SOP terms."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from . import __version__
from .findings import count, escalate, to_json
from .load.clock import SOURCE_DATE_EPOCH, BadDay, build_day
from .load.discover import find_root
from .load.history import GitError, resolve, sources_at, working_sources
from .model.history import compare_sources
from .render.history import change_line, change_record
from .site_commands import build_arguments, run_mkdocs, serve_arguments
from .terminal import printable, printable_json
from .validate import validate_paths

# argparse's own messages, in Indonesian (keys are argparse's gettext message ids).
_ARGPARSE_ID = {
    "usage: ": "penggunaan: ",
    "positional arguments": "argumen posisi",
    "options": "opsi",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "show program's version number and exit": "tampilkan versi program lalu keluar",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "expected one argument": "memerlukan satu nilai",
    "invalid choice: %(value)r (choose from %(choices)s)": "pilihan tidak sah: %(value)r (pilih dari %(choices)s)",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: galat: %(message)s\n",
    "ambiguous option: %(option)s could match %(matches)s": "opsi rancu: %(option)s bisa berarti %(matches)s",
    "ignored explicit argument %r": "argumen %r diabaikan",
    "not allowed with argument %s": "tidak boleh bersama argumen %s",
}


def _install_argparse_translation() -> None:
    argparse._ = lambda message: _ARGPARSE_ID.get(message, message)  # type: ignore[attr-defined]


def _config_file(command: argparse.ArgumentParser) -> None:
    command.add_argument("-f", "--config-file", metavar="BERKAS", help="berkas konfigurasi (bawaan: mkdocs.yml)")


def _parser() -> argparse.ArgumentParser:
    _install_argparse_translation()
    parser = argparse.ArgumentParser(
        prog="sop",
        description="Alat SOP-as-code: memeriksa sumber SOP Administrasi Pemerintahan (Permenpan-RB 35/2012).",
    )
    parser.add_argument("--version", action="version", version=f"sop {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="PERINTAH", title="perintah")
    check = commands.add_parser(
        "check",
        help="periksa sumber SOP dan registri",
        description="Memeriksa setiap sumber SOP dan registri, lalu mencetak satu baris per temuan: "
        "path:baris:kolom: KODE pesan.",
    )
    check.add_argument("paths", nargs="*", metavar="PATH", help="berkas atau folder sumber (bawaan: sop/)")
    check.add_argument(
        "--format", choices=("text", "json"), default="text", help="bentuk keluaran: text (bawaan) atau json"
    )
    check.add_argument("--strict", action="store_true", help="anggap setiap peringatan sebagai galat")
    check.add_argument(
        "--tanggal", metavar="TTTT-BB-HH",
        help="hari yang dipakai aturan tinjauan sebagai 'hari ini' (bawaan: SOURCE_DATE_EPOCH bila disetel, "
        "atau tanggal hari ini)",
    )

    build = commands.add_parser(
        "build",
        help="bangun situs statis (mkdocs build)",
        description="Memeriksa sumber lalu membangun situs SOP ke folder site/ (atau --site-dir). "
        "Temuan dicetak lebih dulu, satu baris per temuan.",
    )
    _config_file(build)
    build.add_argument("-d", "--site-dir", metavar="FOLDER", help="folder hasil (bawaan: site/)")
    build.add_argument(
        "--strict", action="store_true", help="gagalkan pembangunan bila ada galat (SOP bergalat tidak dilewati)"
    )

    serve = commands.add_parser(
        "serve",
        help="sajikan situs untuk menyunting (mkdocs serve)",
        description="Menyajikan situs di http://127.0.0.1:8000 dan membangunnya ulang setiap kali sumber "
        "berubah; galat pada sumber dilaporkan tanpa menghentikan server.",
    )
    _config_file(serve)
    serve.add_argument("-a", "--dev-addr", metavar="ALAMAT:PORT", help="alamat server (bawaan: 127.0.0.1:8000)")

    pdf = commands.add_parser(
        "pdf",
        help="bangun situs beserta PDF setiap SOP dan buku SOP setiap instansi",
        description="Sama dengan 'sop build', dan selalu membuat PDF: site/pdf/<slug>.pdf untuk setiap SOP dan "
        "site/pdf/buku-sop-<instansi>.pdf untuk setiap instansi, apa pun isi opsi 'pdf' di mkdocs.yml. "
        "Memerlukan Chromium.",
    )
    _config_file(pdf)
    pdf.add_argument("-d", "--site-dir", metavar="FOLDER", help="folder hasil (bawaan: site/)")
    pdf.add_argument("--strict", action="store_true", help="gagalkan pembangunan bila ada galat")

    diff = commands.add_parser(
        "diff",
        help="tampilkan perubahan isi SOP antara dua revisi git",
        description="Membandingkan sumber SOP pada dua revisi git dalam istilah SOP (langkah, pelaksana, waktu, "
        "keputusan, dasar hukum, identitas), bukan baris teks: perubahan tata letak YAML atau komentar bukan "
        "perubahan. Bawaan: commit terakhir (HEAD) dibandingkan dengan isi folder sumber saat ini. "
        "Satu baris per perubahan.",
    )
    diff.add_argument("paths", nargs="*", metavar="PATH", help="berkas atau folder sumber (bawaan: sop/)")
    diff.add_argument("--dari", metavar="REV", default="HEAD", help="revisi lama (bawaan: HEAD)")
    diff.add_argument("--ke", metavar="REV", help="revisi baru (bawaan: isi folder sumber saat ini)")
    diff.add_argument(
        "--format", choices=("text", "json"), default="text",
        help="bentuk keluaran: text (bawaan) atau json (daftar, satu objek per perubahan)",
    )
    return parser


def _summary(n_sops: int, errors: int, warnings: int, n_records: int = 0) -> str:
    verdict = "LULUS" if errors == 0 else "GAGAL"
    records = f" dan {n_records} berkas hasil monitoring/evaluasi" if n_records else ""
    return f"{verdict}: {n_sops} SOP{records} diperiksa, {errors} galat, {warnings} peringatan."


def _paths(args: argparse.Namespace) -> list[Path] | None:
    """The PATH arguments (default `sop`); None, said in one line, when one of them does not exist."""
    paths = [Path(p) for p in (args.paths or ["sop"])]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        print(printable(f"sop: galat: path tidak ditemukan: {', '.join(missing)}"), file=sys.stderr)
        return None
    return paths


def check_command(args: argparse.Namespace) -> int:
    paths = _paths(args)
    if paths is None:
        return 2
    try:
        today = build_day(args.tanggal, os.environ.get(SOURCE_DATE_EPOCH), "--tanggal")
    except BadDay as exc:
        print(printable(f"sop: galat: {exc}"), file=sys.stderr)
        return 2
    result = validate_paths(paths, today=today)
    findings = escalate(result.findings) if args.strict else result.findings
    errors, warnings = count(findings)
    if args.format == "json":
        summary = {"sop": result.sop_count, "galat": errors, "peringatan": warnings, "lulus": errors == 0}
        print(to_json(findings, summary))
    else:
        for finding in findings:
            print(finding.as_line())
        print(_summary(result.sop_count, errors, warnings, result.record_count))
    return 1 if errors else 0


def _under(path: Path, wanted: list[Path]) -> bool:
    return any(path == w or w in path.parents for w in wanted)


def diff_command(args: argparse.Namespace) -> int:
    paths = _paths(args)
    if paths is None:
        return 1
    roots = sorted({find_root(p.resolve()) for p in paths})
    if len(roots) > 1:
        print(f"sop: galat: PATH harus berada dalam satu folder sumber (ditemukan {len(roots)})", file=sys.stderr)
        return 1
    root = roots[0]
    try:
        old = sources_at(root, resolve(root, args.dari))
        new = sources_at(root, resolve(root, args.ke)) if args.ke is not None else working_sources(root)
    except GitError as exc:
        print(printable(f"sop: galat: {exc}"), file=sys.stderr)
        return 1
    comparison = compare_sources(old, new)
    registries = comparison.registries
    wanted = [p.resolve() for p in paths]
    changes = [
        (entry.slug, change)
        for entry in comparison.sops
        if any(_under(root / p, wanted) for p in (entry.path, entry.old_path) if p is not None)
        for change in entry.changes
    ]
    if args.format == "json":
        records = [change_record(slug, c, registries) for slug, c in changes]
        print(printable_json(json.dumps(records, ensure_ascii=False, indent=2)))
    elif changes:
        for slug, change in changes:
            print(printable(change_line(slug, change, registries)))
    else:
        print("Tidak ada perubahan isi SOP.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on wrong usage, 0 for --help
        return int(exc.code or 0)
    if args.command is None:
        parser.print_usage(sys.stderr)
        print("sop: galat: sebutkan perintah, mis. 'sop check'", file=sys.stderr)
        return 2
    try:
        if args.command == "build":
            return run_mkdocs(build_arguments(args.config_file, args.site_dir, args.strict))
        if args.command == "pdf":
            return run_mkdocs(build_arguments(args.config_file, args.site_dir, args.strict), force_pdf=True)
        if args.command == "diff":
            return diff_command(args)
        if args.command == "serve":
            return run_mkdocs(serve_arguments(args.config_file, args.dev_addr))
        return check_command(args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the promise is: never a traceback
        print(printable(f"sop: galat internal: {exc.__class__.__name__}: {exc}"), file=sys.stderr)
        print("Laporkan ini kepada pengelola beserta berkas sumber yang diperiksa.", file=sys.stderr)
        return 3


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
