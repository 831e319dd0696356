"""The quickreply command, as users and scripts call it."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.cli.console import tolerate_unencodable
from assistant.cli.main import main
from assistant.data.folder import DataFolder
from assistant.phrases.search_snapshot import SNAPSHOT_FILE
from assistant.team.response_times import FIGURES
from tests.unit.helpers import ROOT, run_cli


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def snapshot_of_store(home: Path) -> dict[str, bytes]:
    """Every book file's bytes and the use counts: what "unchanged" must preserve."""
    return {str(path.relative_to(home)): path.read_bytes()
            for pattern in ("books/*.json", "usage.json") for path in sorted(home.glob(pattern))}


def test_search_fh_lists_the_shipping_replies(capsys, isolated_home: Path) -> None:
    code, out, _ = cli(capsys, "search", "fh", "--json", "--limit", "8")
    results = json.loads(out)
    assert code == 0 and results[0]["code"] == "fh"
    assert sum(1 for item in results if item["group"] == "发货") >= 5


def test_search_answers_from_the_columns_it_kept_until_a_book_changes(capsys, tmp_path: Path,
                                                                       isolated_home: Path) -> None:
    first = cli(capsys, "search", "发货", "--json")
    assert (isolated_home / SNAPSHOT_FILE).is_file()
    assert cli(capsys, "search", "发货", "--json") == first
    sheet = tmp_path / "more.csv"
    sheet.write_text("分组,快捷编码,快捷短语\n发货,fhx,亲，发货前会再核对一次地址\n", "utf-8")
    assert cli(capsys, "import", str(sheet), "--book", "电商客服常用话术")[0] == 0
    code, out, _ = cli(capsys, "search", "fhx", "--json")
    assert code == 0 and json.loads(out)[0]["text"] == "亲，发货前会再核对一次地址"


def test_books_list_and_groups(capsys) -> None:
    code, out, _ = cli(capsys, "books", "--json")
    books = {book["id"]: book for book in json.loads(out)}
    assert code == 0 and books["zh-ecommerce"]["phrases"] >= 80
    code, out, _ = cli(capsys, "list", "--book", "电商客服常用话术", "--group", "催付", "--json")
    assert code == 0 and {item["group"] for item in json.loads(out)} == {"催付"}


def test_import_dry_run_then_import_then_conflicts(capsys, tmp_path: Path, isolated_home: Path) -> None:
    sheet = tmp_path / "team.csv"
    sheet.write_text("分组,快捷编码,快捷短语\n发货,fh,亲，今天下午四点前付款当天发出哦\n问候,hey,亲，您好呀，请问想了解哪款？\n",
                     "utf-8")
    code, out, _ = cli(capsys, "import", str(sheet), "--book", "电商客服常用话术", "--dry-run")
    assert code == 0 and "Dry run" in out and "1 added, 0 replaced, 1 skipped" in out
    assert "row 2: skipped" in out
    before = snapshot_of_store(isolated_home)
    code, out, _ = cli(capsys, "import", str(sheet), "--book", "电商客服常用话术", "--on-conflict", "replace",
                       "--json")
    report = json.loads(out)
    assert code == 0 and report["counts"]["replaced"] == 1 and report["counts"]["added"] == 1
    assert snapshot_of_store(isolated_home) != before
    code, out, _ = cli(capsys, "search", "fh", "--json", "--limit", "1")
    assert json.loads(out)[0]["text"].startswith("亲，今天下午四点前")


def test_export_then_import_into_a_fresh_profile_is_byte_identical(capsys, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = tmp_path / "one.json", tmp_path / "two.json"
    assert cli(capsys, "export", "zh-ecommerce", str(first))[0] == 0
    monkeypatch.setenv("QUICKREPLY_HOME", str(tmp_path / "other"))
    assert cli(capsys, "books")[0] == 0
    cli(capsys, "backup")
    assert cli(capsys, "export", "zh-ecommerce", str(tmp_path / "shipped.json"))[0] == 0
    monkeypatch.setenv("QUICKREPLY_HOME", str(tmp_path / "third"))
    from assistant.phrases.store import Store

    Store(tmp_path / "third", seed=False)
    assert cli(capsys, "import", str(first))[0] == 0
    assert cli(capsys, "export", "zh-ecommerce", str(second))[0] == 0
    assert first.read_bytes() == second.read_bytes()


BAD_INPUTS = {
    "missing.csv": None,
    "empty.csv": b"",
    "truncated.json": b'{"format": "quickreply.phrasebook", "version": 1, "book": {"id": "x", "na',
    "wrong-schema.json": b'{"format": "quickreply.phrasebook", "version": 1, "book": {"id": "x"}, "phrases": []}',
    "junk.csv": bytes(range(256)) * 40,
    "no-text-column.csv": "分组,快捷编码\n发货,fh\n".encode(),
    "undecodable.csv": b"group,text\n" + bytes(range(128, 256)) * 3,
    "duplicate-codes.csv": b"code,text\nfh,one\nFH,two\n",
    "bomb.yml": b"a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                b"c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nmatches: [*c]\n",
    "python-tag.yml": b"matches:\n  - trigger: ':x'\n"
                      b"    replace: !!python/object/apply:os.system ['touch /tmp/qr-pwned']\n",
    "not-a-workbook.xlsx": b"PK\x03\x04 definitely not a zip",
    "novel.csv": b"text\n" + b"x" * 6000 + b"\n",
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_one_line_exit_1_store_unchanged(capsys, tmp_path: Path, isolated_home: Path, name: str) -> None:
    cli(capsys, "books")
    before = snapshot_of_store(isolated_home)
    path = tmp_path / name
    if BAD_INPUTS[name] is not None:
        path.write_bytes(BAD_INPUTS[name])
    code, out, err = cli(capsys, "import", str(path), "--book", "电商客服常用话术")
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("quickreply: error: ") and str(path) in lines[0]
    assert "Traceback" not in err and out == ""
    assert snapshot_of_store(isolated_home) == before
    assert not Path("/tmp/qr-pwned").exists()


def test_oversized_file_is_refused_before_reading(capsys, tmp_path: Path) -> None:
    huge = tmp_path / "huge.csv"
    with huge.open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)
    code, _, err = cli(capsys, "import", str(huge))
    assert code == 1 and "too large" in err


def test_real_process_exit_codes_and_chinese_messages(isolated_home: Path, tmp_path: Path) -> None:
    missing = run_cli("import", str(tmp_path / "nope.csv"), home=isolated_home, lang="zh")
    assert missing.returncode == 1 and "找不到文件" in missing.stderr and "Traceback" not in missing.stderr
    usage = run_cli("import", home=isolated_home)
    assert usage.returncode == 2
    version = run_cli("--version", home=isolated_home)
    assert version.returncode == 0 and version.stdout.startswith("QuickReply ")
    helped = run_cli("--help", home=isolated_home, lang="zh")
    assert "导入" in helped.stdout and "用法" in helped.stdout


def test_lint_file_and_book(capsys, tmp_path: Path) -> None:
    assert cli(capsys, "lint", "zh-ecommerce")[0] == 0
    assert cli(capsys, "lint", "en-ecommerce")[0] == 0
    risky = tmp_path / "risky.csv"
    risky.write_text("code,text\nfh,这款保证不掉色\nfh,您好\n", "utf-8")
    code, out, _ = cli(capsys, "lint", str(risky), "--json")
    assert code == 1
    assert {finding["rule"] for finding in json.loads(out)} == {"over-promise", "bare-greeting", "duplicate-code"}


def test_backup_list_and_restore(capsys, isolated_home: Path) -> None:
    code, out, _ = cli(capsys, "backup")
    assert code == 0 and "Backup taken" in out
    cli(capsys, "import", "/dev/null")
    code, out, _ = cli(capsys, "backup", "--list", "--json")
    names = json.loads(out)
    assert code == 0 and len(names) >= 1
    code, out, _ = cli(capsys, "restore", names[-1])
    assert code == 0 and "Restored" in out
    code, _, err = cli(capsys, "restore", "no-such-backup")
    assert code == 1 and "no single backup" in err


def test_no_command_explains_itself(capsys) -> None:
    code, out, _ = cli(capsys)
    assert code == 0 and "电商客服常用话术" in out


@pytest.mark.skipif(sys.platform == "win32", reason="no DISPLAY nor WAYLAND_DISPLAY is a Linux session "
                    "without a desktop; a Windows session always has one")
def test_starting_the_app_without_a_desktop_says_so(isolated_home: Path) -> None:
    from tests.unit.helpers import ROOT

    env = {"QUICKREPLY_HOME": str(isolated_home), "QUICKREPLY_LANG": "en", "PATH": "/usr/bin:/bin",
           "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "ui"], capture_output=True, text=True, env=env, timeout=60,
                            cwd=ROOT)
    assert result.returncode == 1 and "no graphical desktop found" in result.stderr


def test_the_self_test_needs_no_desktop_and_never_the_users_data(isolated_home: Path) -> None:
    from tests.unit.helpers import ROOT

    env = {"QUICKREPLY_HOME": str(isolated_home), "QUICKREPLY_LANG": "en", "PATH": "/usr/bin:/bin",
           "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "ui", "--self-test"], capture_output=True, text=True, env=env,
                            timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "0 failed" in result.stdout and not isolated_home.exists()


def test_the_self_test_without_the_app_is_one_clear_error(capsys) -> None:
    assert main(["--self-test"]) == 1
    assert "the self-test needs the tray app" in capsys.readouterr().err


STATS_KEYS = {"schema", "generated", "period", "limits", "conversations", "conversations_today",
              "conversations_per_day", "quick_replies_per_conversation", "over_soft_share", "over_hard_share",
              "insertions", "most_used", "never_used", "never_used_total", "per_book", "per_group",
              "response_times"}


def test_stats_json_and_summary(capsys, isolated_home: Path) -> None:
    from datetime import datetime, timedelta

    from assistant.phrases.store import Store
    from assistant.replies.conversations import ConversationLog

    log, now = ConversationLog(Store(isolated_home)), datetime.now().astimezone()
    log.wait("qq|li", now - timedelta(seconds=18))  # the buyer waited 18 s for the reply
    log.record("qq|li", "zh-ecommerce", "x", now)
    code, out, _ = cli(capsys, "stats", "--json", "--days", "7")
    result = json.loads(out)
    assert code == 0 and result.keys() >= STATS_KEYS and result["schema"] == 1
    assert len(result["conversations_per_day"]) == 7 and result["conversations_today"] == 1
    code, out, _ = cli(capsys, "stats")
    assert code == 0 and "1 conversations, 1 today, 1 quick replies" in out
    assert "Response times: first 18 s, average 18 s, median 18 s (1 of 1 waiting buyers answered)" in out
    assert cli(capsys, "stats", "import", "x.csv")[0] == 2
    assert cli(capsys, "stats", "--days", "0")[0] == 2


def test_stats_export_csv_and_json(capsys, tmp_path: Path) -> None:
    import csv

    code, out, _ = cli(capsys, "stats", "export", str(tmp_path / "out.csv"), "--days", "3")
    assert code == 0 and "out.csv" in out
    text = (tmp_path / "out.csv").read_text("utf-8-sig")
    rows = list(csv.reader(text.splitlines()))
    assert rows[0] == ["metric", "value"] and ["days", "3"] in rows and ["date", "conversations", *FIGURES] in rows
    assert ["book_id", "book", "phrase_id", "code", "title", "group", "uses"] in rows
    code, _, _ = cli(capsys, "stats", "--days", "3", "export", str(tmp_path / "out.json"))
    exported = json.loads((tmp_path / "out.json").read_text("utf-8"))
    assert code == 0 and exported.keys() >= STATS_KEYS and exported["per_phrase"]


def test_stats_export_errors_are_one_line(capsys, tmp_path: Path, isolated_home: Path) -> None:
    code, out, err = cli(capsys, "stats", "export", str(tmp_path / "out.xlsx"))
    assert code == 1 and out == "" and len(err.strip().splitlines()) == 1
    assert err.startswith("quickreply: error: ") and "out.xlsx" in err and not (tmp_path / "out.xlsx").exists()
    # A damaged log is set aside when the store opens (one notice), then counted as empty.
    (isolated_home / "conversations.json").write_text("{broken", "utf-8")
    code, out, err = cli(capsys, "stats", "--json")
    assert code == 0 and json.loads(out)["conversations"] == 0
    assert len(err.strip().splitlines()) == 1 and err.startswith("notice: ") and "damaged" in err


def test_drills_lists_exports_and_filters(capsys, tmp_path: Path, isolated_home: Path) -> None:
    from assistant.drills.history import DrillHistory
    from tests.unit.drills.simulate import a_result

    code, out, _ = cli(capsys, "drills")
    assert code == 0 and "No typing drills yet" in out
    history = DrillHistory(DataFolder(isolated_home))
    slow = a_result(finished="2026-03-01T08:00:00Z", net_cpm=72.5, accuracy=0.9612,
                    text_title="售后安抚话术练习很长很长的标题文字")
    fast = a_result("Thank you for your order", finished="2026-03-02T08:00:00Z", net_cpm=95.0, accuracy=1.0,
                    counted=True)
    sloppy = a_result("Thank you for your order", finished="2026-03-03T08:00:00Z", net_cpm=300.0, accuracy=0.104,
                      characters=200, counted=False)
    history.add(fast)
    history.add(slow)
    history.add(sloppy)
    code, out, _ = cli(capsys, "drills")
    header, first, second, third = out.splitlines()
    assert code == 0 and header.split() == ["Date", "Text", "Net", "CPM", "Accuracy", "Goal"]
    # stored before the rules (counted unknown): judged now, 9 characters in 4.5 s is too short
    assert "72.5" in first and "96.1%" in first and first.endswith("not counted; too short") and "…" in first
    assert second.endswith("✓") and "95.0" in second and "100.0%" in second
    assert third.endswith("not counted; accuracy under 95%") and "✓" not in third
    code, out, _ = cli(capsys, "drills", "--json", "--language", "en")
    assert code == 0 and [record["id"] for record in json.loads(out)] == [fast.id, sloppy.id]
    assert json.loads(out)[0] == fast.to_dict() and json.loads(out)[1]["counted"] is False
    target = tmp_path / "team.csv"
    code, out, _ = cli(capsys, "drills", "--csv", str(target), "--json")
    assert code == 0 and json.loads(out) == {"file": str(target), "drills": 3}
    lines = target.read_text("utf-8-sig").splitlines()
    assert len(lines) == 4 and lines[1].startswith(slow.id) and lines[2].startswith(fast.id)
    assert cli(capsys, "drills", "--language", "fr")[0] == 2


def test_drills_errors_are_one_line_and_chinese_table(tmp_path: Path, isolated_home: Path) -> None:
    from assistant.drills.history import DrillHistory
    from tests.unit.drills.simulate import a_result

    kept = a_result(net_cpm=91.0, counted=True)
    DrillHistory(DataFolder(isolated_home)).add(kept)
    result = run_cli("drills", home=isolated_home, lang="zh")  # the first start also takes the daily backup
    assert result.returncode == 0 and result.stdout.split()[:4] == ["日期", "练习文字", "有效字/分", "正确率"]
    # Code page 936 (a pipe on Chinese Windows) has no ✓: assistant/cli/console.py.
    assert result.stdout.rstrip().endswith("?" if sys.platform == "win32" else "✓")
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("x")
    result = run_cli("drills", "--csv", str(blocked / "out.csv"), home=isolated_home)
    assert result.returncode == 1 and result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    (isolated_home / "drills.json").write_text("{broken", "utf-8")
    result = run_cli("drills", "--json", home=isolated_home)
    # damaged: set aside, and the drill comes back from the daily backup
    assert result.returncode == 0 and json.loads(result.stdout) == [kept.to_dict()]
    assert "quarantine" in result.stderr and "restored from the backup" in result.stderr


@pytest.mark.parametrize(("content", "message"), [(None, "file not found"),
                                                  (bytes(range(256)) * 4, "cannot tell the text encoding")])
def test_drill_checks_its_file_before_anything_else(capsys, tmp_path: Path, content: bytes | None,
                                                    message: str) -> None:
    path = tmp_path / "drill.txt"
    if content is not None:
        path.write_bytes(content)
    started: list[dict] = []
    code = main(["drill", "--text", str(path)], start_app=lambda _pick, drill=None: started.append(drill) or 0)
    err = capsys.readouterr().err
    assert code == 1 and message in err and str(path) in err and len(err.strip().splitlines()) == 1
    assert started == []


def test_drill_without_a_running_app_starts_it_with_the_text(tmp_path: Path) -> None:
    path = tmp_path / "练习.txt"
    path.write_bytes("亲，您好！\n\n有什么可以帮您？".encode("gb18030"))
    started: list[dict] = []
    code = main(["drill", "--text", str(path), "--minutes", "3"],
                start_app=lambda _pick, drill=None: started.append(drill) or 0)
    assert code == 0
    assert started == [{"minutes": 3, "text": "亲，您好！ 有什么可以帮您？", "title": "练习"}]


def test_drill_minutes_are_one_three_or_five(capsys) -> None:
    assert main(["drill", "--minutes", "2"]) == 2
    assert "--minutes" in capsys.readouterr().err


@pytest.mark.xfail(sys.platform == "win32", strict=True, reason="under Wine a write to a closed pipe fails with "
                   "EINVAL, not EPIPE: the command reports '[Errno 22] Invalid argument' and exits 120")
def test_a_reader_that_stops_early_ends_the_command_quietly(tmp_path: Path) -> None:
    """``quickreply list | head``: the reading end is closed before the command writes, as
    ``head`` closes it after its lines, so every write meets a closed pipe."""
    env = {"QUICKREPLY_HOME": str(tmp_path / "home"), "QUICKREPLY_LANG": "zh", "PATH": "/usr/bin:/bin",
           "PYTHONPATH": str(ROOT)}
    command = subprocess.Popen([sys.executable, "-m", "assistant", "list"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env=env, cwd=ROOT)
    command.stdout.close()
    errors = command.stderr.read()
    command.stderr.close()
    assert (command.wait(timeout=120), errors) == (141, b"")


def test_one_day_of_statistics_is_said_in_the_singular(capsys, isolated_home: Path, tmp_path: Path) -> None:
    code, out, _ = cli(capsys, "stats", "--days", "1")
    assert code == 0 and out.startswith("Today (") and "days" not in out.splitlines()[0]
    code, out, _ = cli(capsys, "stats", "--days", "1", "export", str(tmp_path / "today.json"))
    assert code == 0 and out.startswith("Statistics for 1 day written to ")
    assert cli(capsys, "stats", "--days", "2")[1].startswith("Last 2 days (")


def test_redirected_output_replaces_what_its_code_page_lacks_instead_of_failing(tmp_path: Path) -> None:
    """``quickreply list | more`` on Windows: a pipe gets the ANSI code page (here 1252,
    which has no Chinese at all; 936 lacks ✓ the same way)."""
    env = {"QUICKREPLY_HOME": str(tmp_path / "home"), "QUICKREPLY_LANG": "zh", "PATH": "/usr/bin:/bin",
           "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "cp1252"}
    result = subprocess.run([sys.executable, "-m", "assistant", "list", "--book", "zh-ecommerce"],
                            capture_output=True, env=env, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr.decode("cp1252")
    assert b"fh" in result.stdout and b"?" in result.stdout
    assert result.stdout.decode("cp1252")


def test_a_chosen_error_handler_is_left_alone() -> None:
    piped = io.TextIOWrapper(io.BytesIO(), encoding="cp936")
    chosen = io.TextIOWrapper(io.BytesIO(), encoding="cp936", errors="backslashreplace")
    tolerate_unencodable(piped, chosen, None)
    assert (piped.errors, chosen.errors) == ("replace", "backslashreplace")
    piped.write("✓ 已发货")
    piped.flush()
    assert piped.buffer.getvalue() == "? 已发货".encode("cp936")
