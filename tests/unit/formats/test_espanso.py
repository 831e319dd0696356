"""espanso match files: imported as text, never run."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import BadInput
from assistant.formats import detect_format, espanso, read_phrasebook
from assistant.phrases.templates import expand


def _read(yaml_text: str):
    return espanso.read(yaml_text.encode("utf-8"), "base.yml")


def test_plain_matches():
    imported = _read(
        """
matches:
  - trigger: ":hi"
    replace: "您好，请问有什么可以帮您？"
  - trigger: ";bye"
    replace: |
      感谢光临
      祝您生活愉快
"""
    )
    assert [(p.code, p.title, p.text) for p in imported.phrases] == [
        ("hi", ":hi", "您好，请问有什么可以帮您？"),
        ("bye", ";bye", "感谢光临\n祝您生活愉快\n"),
    ]
    assert imported.locations == ["matches[0]", "matches[1]"]
    assert imported.warnings == []


def test_triggers_list_and_label():
    imported = _read(
        """
matches:
  - triggers: [":ty", ":thx", ":谢谢"]
    label: 致谢
    replace: 谢谢亲的支持～
"""
    )
    phrase = imported.phrases[0]
    assert (phrase.code, phrase.title) == ("ty", "致谢")
    assert imported.warnings == ["matches[0]: other triggers not imported: :thx, :谢谢"]


def test_plain_scalars_stay_text():
    imported = _read("matches:\n  - trigger: ':y'\n    replace: yes\n  - trigger: ':n'\n    replace: 0x1F\n")
    assert [p.text for p in imported.phrases] == ["yes", "0x1F"]


def test_shell_variables_are_never_run_and_stay_visible(tmp_path: Path):
    marker = tmp_path / "espanso-ran"
    imported = _read(
        f"""
matches:
  - trigger: ":ip"
    replace: "IP: {{{{output}}}} / {{{{ script_out }}}}"
    vars:
      - name: output
        type: shell
        params:
          cmd: "touch {marker.as_posix()}"
      - name: script_out
        type: script
        params:
          args: [python, -c, "open('{marker.as_posix()}', 'w')"]
"""
    )
    assert not marker.exists()
    text = imported.phrases[0].text
    assert text == "IP: {{{{output}}}} / {{{{ script_out }}}}"
    assert expand(text).text == "IP: {{output}} / {{ script_out }}"
    assert imported.warnings == [
        "matches[0]: variable output (type shell) was not run; kept as text",
        "matches[0]: variable script_out (type script) was not run; kept as text",
    ]


def test_known_variables_become_our_placeholders():
    imported = _read(
        """
matches:
  - trigger: ":order"
    replace: "订单 {{clip}}，{{today}} 已登记，收件人 {{form1.name}}。$|$"
    vars:
      - name: clip
        type: clipboard
      - name: today
        type: date
      - name: form1
        type: form
        params:
          layout: "收件人 [[name]]"
"""
    )
    text = imported.phrases[0].text
    assert text == "订单 {clipboard}，{date} 已登记，收件人 {input:name}。{cursor}"
    assert imported.warnings == []
    assert expand(text, {"input:name": "张三"}, clipboard="A123").text.startswith("订单 A123，")


def test_a_date_format_is_reported_as_lost():
    imported = _read(
        'matches:\n  - trigger: ":t"\n    replace: "{{now}}"\n'
        '    vars: [{name: now, type: date, params: {format: "%H:%M"}}]\n'
    )
    assert imported.phrases[0].text == "{date}"
    assert imported.warnings == ["matches[0]: variable now: date format %H:%M not kept"]


def test_other_braces_are_escaped():
    imported = _read('matches:\n  - trigger: ":js"\n    replace: "function() { return {a: 1}; }"\n')
    text = imported.phrases[0].text
    assert text == "function() {{ return {{a: 1}}; }}"
    assert expand(text).text == "function() { return {a: 1}; }"


def test_unknown_and_echo_variables_are_kept():
    imported = _read(
        'matches:\n  - trigger: ":x"\n    replace: "{{who}} {{greet}} {{greet}}"\n'
        "    vars: [{name: greet, type: echo, params: {echo: hi}}]\n"
    )
    assert expand(imported.phrases[0].text).text == "{{who}} {{greet}} {{greet}}"
    assert imported.warnings == [
        "matches[0]: variable who (type unknown) was not run; kept as text",
        "matches[0]: variable greet (type echo) was not run; kept as text",
    ]


def test_global_vars_are_ignored_but_their_types_are_known():
    imported = _read(
        """
global_vars:
  - name: clip
    type: clipboard
  - name: whoami
    type: shell
    params: {cmd: whoami}
matches:
  - trigger: ":c"
    replace: "{{clip}} {{whoami}}"
"""
    )
    assert imported.phrases[0].text == "{clipboard} {{{{whoami}}}}"
    assert imported.warnings[0] == "global_vars are not imported; only their types are used"
    assert "variable whoami (type shell) was not run" in imported.warnings[1]


def test_markdown_html_image_and_form_matches():
    imported = _read(
        """
matches:
  - trigger: ":md"
    markdown: "**加粗**"
  - trigger: ":html"
    html: "<b>粗</b>"
  - trigger: ":img"
    image_path: "/tmp/cat.png"
  - trigger: ":form"
    form: "Hi [[name]]"
  - trigger: ":empty"
    replace: ""
  - regex: ":w(?P<n>\\\\d)"
    replace: "第 {{n}} 周"
"""
    )
    assert [p.text for p in imported.phrases] == ["**加粗**", "<b>粗</b>", "第 {{{{n}}}} 周"]
    assert imported.locations == ["matches[0]", "matches[1]", "matches[5]"]
    assert imported.phrases[2].code == ""
    assert imported.warnings == [
        "matches[0]: markdown imported as plain text",
        "matches[1]: HTML imported as plain text",
        "matches[2]: image match skipped",
        "matches[3]: form match skipped",
        "matches[4]: empty replacement skipped",
        "matches[5]: regex trigger not imported: :w(?P<n>\\d)",
        "matches[5]: variable n (type unknown) was not run; kept as text",
    ]


def test_alias_bomb_is_refused():
    bomb = (
        'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
        "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
        "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
        "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
        "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
        "matches:\n  - trigger: ':x'\n    replace: *e\n"
    )
    with pytest.raises(BadInput) as error:
        _read(bomb)
    assert error.value.message == "YAML aliases are not supported"
    assert error.value.where == "line 2"


def test_python_tags_are_refused_and_not_run(tmp_path: Path):
    marker = tmp_path / "yaml-ran"
    document = f'matches:\n  - trigger: ":x"\n    replace: !!python/object/apply:os.system ["touch {marker}"]\n'
    with pytest.raises(BadInput) as error:
        _read(document)
    assert not marker.exists()
    assert error.value.message.startswith("not valid YAML:")
    assert error.value.where == "line 3"


@pytest.mark.parametrize(
    "document",
    ["", "# only a comment\n", "matches: []\n", "imports: [other.yml]\n", "global_vars: []\n"],
    ids=["empty", "comment", "empty-list", "imports-only", "globals-only"],
)
def test_no_matches_is_refused(document):
    with pytest.raises(BadInput) as error:
        _read(document)
    assert error.value.message == "no espanso matches in the file"


@pytest.mark.parametrize(
    ("document", "where"),
    [
        ("- just\n- a list\n", None),
        ("matches: hello\n", "matches"),
        ("matches:\n  - just text\n", "matches[0]"),
        ("matches:\n  - trigger: ':x'\n", "matches[0]"),
        ("matches:\n  - trigger: ':x'\n    replace: [a, b]\n", "matches[0].replace"),
        ("matches:\n  - trigger: [':x']\n    replace: a\n", "matches[0]"),
        ("matches:\n  - trigger: ':x'\n    replace: a\n    vars: [{type: shell}]\n", "matches[0].vars[0]"),
        ("matches:\n  - trigger: ':x'\n    replace: 'unclosed\n", "line 4"),
        ("matches:\n  - trigger: ':x'\n    replace: " + "[" * 5000 + "\n", None),
        ("matches:\n  - trigger: ':x'\n    replace: 'a\x7fb'\n", None),
    ],
    ids=["not-a-mapping", "matches-not-list", "match-not-mapping", "no-replace", "replace-list",
         "trigger-list", "var-without-name", "syntax", "deep", "unprintable"],
)
def test_malformed_files_are_refused_with_a_place(document, where):
    with pytest.raises(BadInput) as error:
        _read(document)
    if where is not None:
        assert error.value.where == where


def test_read_through_the_registry(tmp_path: Path):
    path = tmp_path / "base.yml"
    path.write_text('matches:\n  - trigger: ":hi"\n    replace: "您好"\n', encoding="utf-8")
    assert [p.text for p in read_phrasebook(path).phrases] == ["您好"]
    assert detect_format(Path("download"), path.read_bytes()) == "espanso"
