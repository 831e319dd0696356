"""Nothing the agent types, and no buyer's name, stays behind: the real app on Xvfb is
given distinctive strings through the picker, a placeholder dialog and a window title,
then every file of its data folder, backups and logs is searched for them."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import time
from pathlib import Path

import pytest

from assistant.phrases.model import Phrase, Phrasebook
from assistant.phrases.store import Store
from tests.e2e.app_process import AppProcess

BUYER = "欧阳锦绣Buyer7731"
TITLE = f"(2) {BUYER} - 接待中心"
#: Typed into the picker (ASCII through xdotool), and pasted into it (Chinese: an address).
TYPED_QUERY = "zqxv-query-6604"
PASTED_QUERY = "杭州市西湖区文三街"
#: Typed into the placeholder dialog: the buyer's name, an order number, an address.
ANSWERS = ("Qv-Buyer-Answer-5521", "SF-ORDER-88317702", "Xihu-Wensan-Road-188-Room-7731")
TEMPLATE = "{name}您好，订单{input:订单号}已登记，地址{input:地址}"
FILLED = f"{ANSWERS[0]}您好，订单{ANSWERS[1]}已登记，地址{ANSWERS[2]}"
OK = "好的亲"
#: What must be nowhere, with the pinyin a query would have been cached under.
SECRETS = (BUYER, "欧阳锦绣", "Buyer7731", TYPED_QUERY, PASTED_QUERY, "西湖区", *ANSWERS,
           "ouyangjinxiu", "hangzhoushixihuqu")


@pytest.fixture
def app(xserver, tmp_path: Path):
    home = tmp_path / "home"
    store = Store(home, seed=False)
    store.create_book(Phrasebook(name="E2E", id="e2e", language="zh-CN"))
    store.add_phrase("e2e", Phrase(text=TEMPLATE, code="e2eask", title="登记", hotkey="ctrl+alt+2", id="ask"))
    store.add_phrase("e2e", Phrase(text=OK, code="e2eok", title="好的", id="ok"))
    running = AppProcess(xserver, home)
    yield running
    errors = running.stop()
    assert "Traceback" not in errors, errors


def forms(secret: str) -> list[bytes]:
    """The ways a file could hold ``secret``: UTF-8, UTF-16 either way, JSON escapes."""
    return [secret.encode(), secret.encode("utf-16-le"), secret.encode("utf-16-be"),
            json.dumps(secret).strip('"').encode(), json.dumps(secret, ensure_ascii=False).strip('"').encode()]


def paste_into_focus(xserver, text: str) -> None:
    holder = subprocess.Popen(["xclip", "-selection", "clipboard", "-i"], env=xserver.env, stdin=subprocess.PIPE)
    holder.communicate(text.encode(), timeout=10)
    xserver.xdotool("key", "ctrl+v")


def test_nothing_typed_and_no_buyer_is_kept(app, make_target, xserver) -> None:
    target = make_target(TITLE)

    # A placeholder reply: the dialog asks; the answers go into the reply.
    xserver.xdotool("key", "--clearmodifiers", "ctrl+alt+2")
    dialog = app.window_named("Fill in the reply")
    assert dialog is not None and xserver.wait_focused(dialog)
    for number, answer in enumerate(ANSWERS):
        if number:
            xserver.xdotool("key", "Tab")
        xserver.xdotool("key", "ctrl+a")
        xserver.xdotool("type", "--delay", "20", answer)
    xserver.xdotool("key", "Return")
    assert target.wait_for_text(FILLED) == FILLED

    # The same conversation offers the answers again (from memory): Enter alone keeps them.
    target.activate()
    xserver.xdotool("key", "--clearmodifiers", "ctrl+alt+2")
    dialog = app.window_named("Fill in the reply")
    assert dialog is not None and xserver.wait_focused(dialog)
    xserver.xdotool("key", "Return")
    assert target.wait_for_text(FILLED * 2) == FILLED * 2

    # The picker: a query typed, an address pasted, then a reply chosen.
    target.activate()
    xserver.xdotool("key", "--clearmodifiers", "ctrl+alt+q")
    picker = app.window_named("QuickReply picker")
    assert picker is not None and xserver.wait_focused(picker)
    xserver.xdotool("type", "--delay", "20", TYPED_QUERY + " ")
    paste_into_focus(xserver, PASTED_QUERY)
    time.sleep(0.5)
    xserver.xdotool("key", "ctrl+a")
    xserver.xdotool("type", "--delay", "20", "e2eok")
    xserver.xdotool("key", "Return")
    assert target.wait_for_text(FILLED * 2 + OK) == FILLED * 2 + OK

    assert app.command("backup").returncode == 0
    app.stop()

    home = app.home
    conversations = json.loads((home / "conversations.json").read_text("utf-8"))["conversations"]
    assert [document["count"] for document in conversations.values()] == [3]
    assert list((home / "backups").iterdir()) and (home / "logs" / "quickreply.log").stat().st_size
    leaks = set()
    for path in (path for path in home.rglob("*") if path.is_file()):
        content = path.read_bytes().lower()
        leaks |= {(secret, str(path.relative_to(home))) for secret in SECRETS
                  if any(form.lower() in content for form in forms(secret))}
    assert sorted(leaks) == []
    if os.name == "posix":
        modes = {str(path.relative_to(home)): stat.S_IMODE(path.stat().st_mode) for path in home.rglob("*")}
        assert stat.S_IMODE(home.stat().st_mode) == 0o700
        assert {path: mode for path, mode in modes.items() if mode not in (0o600, 0o700)} == {}
