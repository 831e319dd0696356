"""The lead's and the agents' commands: keygen, publish, subscribe, subscriptions,
unsubscribe — as a lead and an agent type them, each in their own data folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.data.folder import DataFolder
from assistant.phrases.model import Phrase, Phrasebook
from assistant.phrases.store import Store
from assistant.settings import Settings, load_settings, save_settings
from tests.unit.cli.test_cli import cli, snapshot_of_store
from tests.unit.helpers import ROOT, run_cli


@pytest.fixture
def lead_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "lead"
    Store(home, seed=False).create_book(Phrasebook(name="团队话术", id="team"), [
        Phrase(text="亲，今天下单今天发货哦", code="fh"), Phrase(text="亲，请问还有什么可以帮您？", code="bz")])
    monkeypatch.setenv("QUICKREPLY_HOME", str(home))
    return home


def as_agent(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    home = tmp_path / "agent"
    monkeypatch.setenv("QUICKREPLY_HOME", str(home))
    return home


def test_keygen_publish_subscribe_check_unsubscribe(capsys, tmp_path: Path, lead_home: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = cli(capsys, "keygen", str(tmp_path / "keys"))
    public_key = out.strip().splitlines()[-1]
    assert code == 0 and public_key.startswith("qr-ed25519:")
    assert cli(capsys, "keygen", str(tmp_path / "keys"))[0] == 1
    key = str(tmp_path / "keys" / "quickreply-signing.key")
    code, out, _ = cli(capsys, "publish", "团队话术", str(tmp_path / "share") + "/", "--key", key, "--json")
    published = json.loads(out)
    assert code == 0 and published["revision"] == 2 and published["signed"]
    code, out, _ = cli(capsys, "books", "--json")
    assert json.loads(out)[0]["revision"] == 2, "publishing bumps the lead's book too"

    as_agent(monkeypatch, tmp_path)
    source = str(tmp_path / "share" / "team.qrpub")
    code, out, _ = cli(capsys, "subscribe", source, "--key", public_key)
    assert code == 0 and "团队话术" in out and "revision 2" in out
    code, out, _ = cli(capsys, "subscriptions", "--json")
    [entry] = json.loads(out)
    assert entry["status"] == "ok" and entry["key"] == public_key and entry["source"] == source
    code, out, _ = cli(capsys, "subscriptions", "check")
    assert code == 0 and "up to date (revision 2)" in out
    code, out, _ = cli(capsys, "books")
    assert "团队话术 🔒" in out

    monkeypatch.setenv("QUICKREPLY_HOME", str(lead_home))
    store = Store(lead_home)
    store.add_phrase("team", Phrase(text="亲，感谢您的支持，欢迎下次光临", code="xc"))
    assert cli(capsys, "publish", "team", source, "--key", key)[0] == 0
    as_agent(monkeypatch, tmp_path)
    code, out, _ = cli(capsys, "subscriptions", "check", "团队话术")
    assert code == 0 and "updated to revision 3: 1 added, 0 changed, 0 removed" in out and "+ 亲，感谢" in out

    Path(source).write_bytes(Path(source).read_bytes().replace("光临".encode(), "惠顾".encode()))
    code, out, err = cli(capsys, "subscriptions", "check")
    assert code == 1 and "checksum does not match" in err and "last good copy (revision 3) is kept" in err
    code, out, _ = cli(capsys, "subscriptions")
    assert "refused" in out and "rev 3" in out

    code, out, _ = cli(capsys, "unsubscribe", "团队话术")
    assert code == 0 and "removed" in out
    assert cli(capsys, "subscriptions")[1].startswith("No subscriptions")


def test_backup_then_restore_brings_the_subscriptions_and_the_settings_back(capsys, tmp_path: Path, lead_home: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "share" / "team.qrpub"
    assert cli(capsys, "publish", "团队话术", str(source))[0] == 0
    folder = DataFolder(as_agent(monkeypatch, tmp_path))
    assert cli(capsys, "subscribe", str(source))[0] == 0
    save_settings(folder, Settings(agent_name="小美"))
    code, out, _ = cli(capsys, "backup")
    assert code == 0 and "Backup taken" in out
    name = out.split(": ")[-1].strip()
    assert cli(capsys, "unsubscribe", "团队话术")[0] == 0
    save_settings(folder, Settings(agent_name="someone else"))
    code, out, _ = cli(capsys, "restore", name)
    assert code == 0 and name in out
    code, out, _ = cli(capsys, "subscriptions", "--json")
    assert [entry["source"] for entry in json.loads(out)] == [str(source)]
    assert "团队话术 🔒" in cli(capsys, "books")[1]
    assert load_settings(folder).agent_name == "小美"


def test_publish_refuses_lint_errors_unless_forced(capsys, tmp_path: Path, lead_home: Path) -> None:
    Store(lead_home).add_phrase("team", Phrase(text="亲，{订单号} 已发货"))  # an unknown placeholder: an error
    target = tmp_path / "team.qrpub"
    code, _, err = cli(capsys, "publish", "team", str(target))
    assert code == 1 and "lint found 1 errors" in err and not target.exists()
    code, out, err = cli(capsys, "publish", "team", str(target), "--force")
    assert code == 0 and target.exists() and "not signed" in out


def test_a_phrasebook_file_can_be_published_too(capsys, tmp_path: Path, lead_home: Path) -> None:
    sheet = tmp_path / "team.csv"
    sheet.write_text("分组,快捷编码,快捷短语\n发货,fh,亲，今天下午四点前付款当天发出哦\n", "utf-8")
    target = tmp_path / "out.qrpub"
    code, out, _ = cli(capsys, "publish", str(sheet), str(target), "--json")
    assert code == 0 and json.loads(out)["phrases"] == 1
    first = json.loads(target.read_text("utf-8"))["book"]["book"]["id"]
    assert cli(capsys, "publish", str(sheet), str(target))[0] == 0
    again = json.loads(target.read_text("utf-8"))
    assert again["revision"] == 3 and again["book"]["book"]["id"] == first, "the same book, a newer revision"


def test_usage_and_input_errors_have_the_usual_exit_codes(capsys, tmp_path: Path) -> None:
    assert cli(capsys, "subscriptions", "refresh")[0] == 2
    assert cli(capsys, "subscribe")[0] == 2
    code, _, err = cli(capsys, "subscribe", str(tmp_path / "none.qrpub"))
    assert code == 1 and err.count("\n") == 1 and "cannot read" in err
    code, _, err = cli(capsys, "subscribe", str(tmp_path / "x.qrpub"), "--key", "not-a-key")
    assert code == 1 and "not a QuickReply public key" in err
    assert cli(capsys, "unsubscribe", "nobody")[0] == 1
    assert cli(capsys, "publish", "nobook", str(tmp_path / "x"))[0] == 1


def test_the_commands_speak_chinese(tmp_path: Path) -> None:
    done = run_cli("subscribe", str(tmp_path / "none.qrpub"), home=tmp_path / "home", lang="zh")
    assert done.returncode == 1 and "无法读取" in done.stderr
    done = run_cli("subscriptions", home=tmp_path / "home", lang="zh")
    assert done.returncode == 0 and "还没有订阅" in done.stdout


def test_a_name_that_is_both_a_book_and_a_file_means_the_book(capsys, tmp_path: Path, lead_home: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The issue: a file called like the book in the current folder got published."""
    folder = tmp_path / "work"
    folder.mkdir()
    monkeypatch.chdir(folder)
    (folder / "team").write_text("code,text\nxx,亲，这是一个不该被发布的文件\n", "utf-8")
    code, out, err = cli(capsys, "publish", "team", str(tmp_path / "a.qrpub"), "--json")
    assert code == 0 and json.loads(out)["phrases"] == 2
    assert err == f"note: 'team' is both a book and a file here; using the book (for the file, write .{os.sep}team)\n"
    assert json.loads((tmp_path / "a.qrpub").read_text("utf-8"))["book"]["book"]["id"] == "team"
    code, out, err = cli(capsys, "publish", "./team", str(tmp_path / "b.qrpub"), "--json")
    assert code == 0 and json.loads(out)["phrases"] == 1 and err == "", "a path separator: the file"
    (folder / "other.csv").write_text("code,text\nxx,亲，这是一个文件\n", "utf-8")
    code, out, err = cli(capsys, "publish", "other.csv", str(tmp_path / "c.qrpub"), "--json")
    assert code == 0 and json.loads(out)["phrases"] == 1 and err == "", "no such book: the file"
    code, out, err = cli(capsys, "lint", "team")
    assert code == 0 and "No findings" in out and "using the book" in err
    code, out, err = cli(capsys, "lint", "./team", "--json")
    assert code == 0 and json.loads(out) == [] and err == ""
    code, _, err = cli(capsys, "lint", "none")
    assert code == 1 and "no book called 'none'" in err


def test_the_book_or_file_note_in_chinese(tmp_path: Path, lead_home: Path) -> None:
    (tmp_path / "team").write_text("code,text\nxx,亲，您好\n", "utf-8")
    done = subprocess.run([sys.executable, "-m", "assistant", "lint", "team"], capture_output=True, text=True,
                          cwd=tmp_path, timeout=120, env={**os.environ, "QUICKREPLY_LANG": "zh",
                                                          "PYTHONPATH": str(ROOT)})
    assert done.stderr == f"提示：'team' 既是短语库也是这里的一个文件；已使用短语库（要用文件，请写 .{os.sep}team）\n"


@pytest.mark.parametrize(("change", "message"), [
    (lambda text: text.replace('"revision": 2', '"revision": ' + "9" * 5000, 1), "revision: the number 99"),
    (lambda text: text.replace("今天发货哦", "\\ud800", 1), "book.phrases[0].title: a lone surrogate"),
    (lambda text: text.replace('"version": 1', '"version": NaN', 1), "version: NaN is not a number"),
])
def test_a_hostile_publication_is_refused_in_one_line_and_changes_nothing(capsys, tmp_path: Path, lead_home: Path,
                                                                          monkeypatch: pytest.MonkeyPatch, change,
                                                                          message) -> None:
    source = tmp_path / "share" / "team.qrpub"
    assert cli(capsys, "publish", "团队话术", str(source))[0] == 0
    source.write_text(change(source.read_text("utf-8")), "utf-8")
    home = as_agent(monkeypatch, tmp_path)
    assert cli(capsys, "books")[0] == 0
    before = snapshot_of_store(home)
    code, _, err = cli(capsys, "subscribe", str(source))
    assert code == 1 and err.count("\n") == 1 and f"{source}:{message}" in err, err
    assert snapshot_of_store(home) == before and cli(capsys, "subscriptions")[1].startswith("No subscriptions")
