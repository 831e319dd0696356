"""The user's settings: one typed object with named defaults, a schema version and
upgrade steps, saved atomically in ``settings.json`` under the data folder's writers'
lock (a save racing another process opening the folder must not be lost).

Later features add fields here with defaults; a file written by an older version simply
lacks them and gets the defaults, a value of the wrong type falls back to its default
(with a notice) rather than stopping the app (``assistant.data.records``). A damaged file
is dealt with as every data file is (``assistant.data.folder``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace

from assistant.data.folder import DataFolder
from assistant.data.records import read_record
from assistant.i18n import N_, tr

SETTINGS_VERSION = 2
#: UPGRADES[n] turns a settings dict of version n into version n + 1.
UPGRADES: dict[int, Callable[[dict], dict]] = {
    # Settings saved before the first-run wizard existed belong to someone already set up.
    1: lambda raw: {**raw, "first_run_done": True},
}
FILE_NAME = "settings.json"


_SEPARATOR = r"\s+[-–—|]\s+"
_BROWSERS = r"chrom|firefox|edge|brave|opera|vivaldi|safari|360se|360chrome|qqbrowser|sogouexplorer"
#: The seller workbenches, by the names their programs go by (Qianniu's program on
#: Windows is AliWorkBench.exe, Aliwangwang's AliIM.exe). The JD (京麦, 咚咚),
#: Pinduoduo and Douyin (飞鸽, 抖店) names are their products' names, not checked
#: against an installed program.
_WORKBENCHES = r"qianniu|aliworkbench|wangwang|aliim|jingmai|dongdong|pinduoduo|pdd|feige|doudian"
#: Messengers whose title is the contact's name alone (WeChat 4 is Weixin.exe).
_MESSENGERS = r"^(?:wechat|weixin|qq|tim|wxwork|wecom|dingtalk)(?:\.exe)?$"


def default_title_rules() -> list[dict[str, str]]:
    """Shipped conversation title rules for common chat clients; the first rule that matches wins.

    Qianniu-style workbenches title a chat "<buyer> - <panel>", WeChat/QQ show the plain
    name, and web consoles add the page and browser after the buyer. The last rule takes
    the whole (cleaned) title, so an unknown program still gets one conversation per title.
    Kept here as plain data, so settings depend on nothing that reads them.
    """
    return [
        *_by_program(_WORKBENCHES, rf"^(?P<who>.+?){_SEPARATOR}\S.*$"),
        *_by_program(_BROWSERS, rf"^(?P<who>.+?){_SEPARATOR}(?:在线客服|客服|接待|工作台|咨询|聊天|消息"
                                r"|(?:live )?chat\b|messages?\b)"),
        *_by_program(_BROWSERS, rf"^(?P<who>.+?){_SEPARATOR}(?:google chrome|chromium|mozilla firefox|firefox"
                                r"|microsoft edge|brave|opera|vivaldi|safari)$"),
        *_by_program(_MESSENGERS, r"^(?P<who>.+)$"),
        {"window_class": "", "executable": "", "title": r"^(?P<who>.+)$"},
    ]


def default_chat_programs() -> str:
    """The programs whose unread counters are buyers waiting (the golden 30 seconds):
    the seller workbenches and messengers, by window class or program file name. A
    browser is left out, as most of its tabs with a counter ("(3) Inbox") are no
    buyer; an agent whose chat console runs in one adds the browser in Settings."""
    return f"{_WORKBENCHES}|{_MESSENGERS}"


def _by_program(program: str, title: str) -> list[dict[str, str]]:
    """Two rules for one kind of program: by its executable, which names it on Windows,
    then by its window class, which names it on X11 (and where the executable is unknown)."""
    return [{"window_class": "", "executable": program, "title": title},
            {"window_class": program, "executable": "", "title": title}]


def _default_app_rules() -> list[dict]:
    """Terminals paste with Ctrl+Shift+V; everything else uses the defaults."""
    return [{"window_class": "xterm|uxterm|gnome-terminal|konsole|xfce4-terminal|terminator|alacritty|kitty",
             "title": "", "mode": "paste", "paste_chord": "ctrl+shift+v", "send_key": "return"}]


@dataclass
class Settings:
    version: int = SETTINGS_VERSION
    #: "" follows the system locale; "zh" or "en" overrides it.
    language: str = ""
    #: How many rolling snapshots to keep under backups/.
    backups_kept: int = 10
    #: Lint: longest chat message (per part) before suggesting a split.
    lint_max_length: int = 120
    #: Fills {agent} in replies; asked for the first time a reply needs it while empty.
    agent_name: str = ""
    #: Ids of the books the picker leaves out; None until the agent chooses, when the
    #: shipped book of the other language is left out (assistant.phrases.shown).
    hidden_books: list[str] | None = None
    #: The first-run wizard was finished or skipped.
    first_run_done: bool = False
    #: Global hotkeys. Defaults stay clear of input-method switching (Ctrl+Space,
    #: Ctrl+Shift, Shift) and of the chat clients' own shortcuts.
    picker_hotkey: str = "ctrl+alt+q"
    pause_hotkey: str = "ctrl+alt+p"
    #: "paste" (clipboard + paste chord) or "type" (keys typed one by one).
    insert_mode: str = "paste"
    paste_chord: str = "ctrl+v"
    #: Put the user's clipboard back (every format) after pasting.
    restore_clipboard: bool = True
    #: Longest wait for the target to take the pasted text before restoring anyway.
    clipboard_restore_timeout_ms: int = 1500
    #: Key that sends a chat message, between the parts of a "separate messages" reply.
    send_key: str = "return"
    #: Per-application rules: window_class / title (regular expressions), mode,
    #: paste_chord, send_key; the first rule that matches the target window wins.
    app_rules: list = field(default_factory=_default_app_rules)
    start_at_login: bool = False
    #: Said once: Wayland gives no global hotkeys (use "quickreply pick").
    wayland_notice_shown: bool = False
    #: Quick replies per conversation: from the soft limit on, a gentle notice suggests
    #: typing; past the hard limit, limit_policy applies (the trade's 3-to-5 rule).
    soft_limit: int = 3
    hard_limit: int = 5
    #: Past the hard limit: "warn" (insert and warn), "confirm" (ask) or "block" (don't insert).
    limit_policy: str = "warn"
    #: Ask before the same reply goes to the same buyer twice in one conversation.
    warn_repeated_reply: bool = True
    #: No quick reply in a conversation for this long ends it; below 1 never ends it.
    idle_minutes: int = 30
    #: Conversations and their insertion records are forgotten after this many days.
    conversation_retention_days: int = 90
    #: Starts a new conversation for the active window (count back to 0).
    new_conversation_hotkey: str = "ctrl+alt+n"
    #: How a window title names the buyer: window_class / title (regular expressions,
    #: title with a (?P<who>...) group); the first rule that matches wins.
    title_rules: list = field(default_factory=default_title_rules)
    #: The programs whose unread counters count as buyers waiting: a regular expression
    #: for the window class or the program's file name, matched ignoring case.
    chat_programs: str = field(default_factory=default_chat_programs)
    #: Typing drills: the trainee's name on results and in the team lead's exports.
    trainee_name: str = ""
    #: Net characters per minute to reach, per drill language (the trade's bar is 90).
    drill_goal_zh: int = 90
    drill_goal_en: int = 90
    #: No input for longer than this (seconds) is a pause, left out of a drill's active time.
    drill_pause_seconds: int = 10
    #: Where the agent's statistics export goes, daily and at quit, for the team lead's
    #: report: a shared folder, or an http(s) address that accepts PUT; "" shares nothing.
    team_share: str = ""
    #: This data folder's file name in the team's folder, made when sharing starts (two
    #: agents of the same name must not overwrite each other).
    team_share_id: str = ""
    #: The local day the numbers were last shared ("" never).
    team_shared_on: str = ""
    #: A drill counts toward the goal only when at least this long (characters typed, or
    #: active seconds) and at least this accurate (percent); see assistant.drills.goal.
    drill_min_characters: int = 100
    drill_min_seconds: int = 60
    drill_min_accuracy: int = 95


def load_settings(folder: DataFolder, notices: list[str] | None = None) -> Settings:
    raw = folder.read(FILE_NAME, notices) or {}
    # No file yet is a new folder: today's defaults, not an old file to upgrade.
    version = raw.get("version", 1) if raw else SETTINGS_VERSION
    while isinstance(version, int) and version < SETTINGS_VERSION:
        raw = UPGRADES[version](raw)
        version += 1

    def invalid(name: str) -> None:
        if notices is not None:
            notices.append(tr("setting {name} had an invalid value; using the default", name=name))

    return replace(read_record(Settings, raw, N_("settings"), fallback=invalid), version=SETTINGS_VERSION)


def save_settings(folder: DataFolder, settings: Settings) -> None:
    with folder.transaction() as change:
        change.write(FILE_NAME, asdict(settings))
