"""espanso match files (import only), so agents moving from espanso keep their work.

An espanso file is YAML with a ``matches`` list; each match has a ``trigger`` (or a
``triggers`` list) and a ``replace`` text that may use ``{{variables}}``.

Nothing in the file is ever run or evaluated:

* YAML is read by a SafeLoader subclass that also refuses aliases (an "exponential
  entities" bomb is a few lines of aliases) and reads every plain scalar as text, as
  espanso's YAML 1.2 reader does (``replace: yes`` is the word "yes", not True).
* Variables we have an equivalent for become our placeholders: clipboard →
  ``{clipboard}``, date → ``{date}``, the cursor marker ``$|$`` → ``{cursor}`` and a
  form field ``{{form1.name}}`` → ``{input:name}``. Every other variable (shell,
  script, echo, random, match, choice, unknown) is kept visible as the literal text
  ``{{name}}`` with a warning, so the agent sees what is missing instead of a silent gap.

Our templates write literal braces doubled, so all other braces in ``replace`` are
escaped (``{`` → ``{{``); the literal text ``{{name}}`` is stored as ``{{{{name}}}}``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import ClassVar

import yaml

from assistant.errors import BadInput
from assistant.formats.book import ImportedBook, fields_except
from assistant.formats.text import decode_text
from assistant.i18n import tr
from assistant.phrases.model import Phrase

NAME = "espanso"
EXTENSIONS = (".yml", ".yaml")

_VARIABLE = re.compile(r"\{\{\s*(\w+)(?:\.(\w+))?\s*\}\}|\$\|\$")
_CURSOR = "$|$"

Warn = Callable[[str], None]


class _AliasFound(yaml.YAMLError):
    def __init__(self, mark: yaml.Mark):
        super().__init__("alias")
        self.problem_mark = mark


class _Loader(yaml.SafeLoader):
    """SafeLoader without aliases and without implicit types (see the module docstring)."""

    yaml_implicit_resolvers: ClassVar[dict] = {}

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            raise _AliasFound(self.peek_event().start_mark)
        return super().compose_node(parent, index)


@dataclass(frozen=True)
class _Variable:
    type: str
    params: dict = field(default_factory=dict)


def read(data: bytes, source: str) -> ImportedBook:
    document = _load(decode_text(data, source), source)
    matches = _matches(document, source)
    # espanso has no groups, tags, hotkeys or separate sending; titles only from labels
    # (without any, a title would just repeat the trigger and must not replace the agent's).
    labelled = any(isinstance(match, dict) and "label" in match for match in matches)
    carried = ("text", "code", "title") if labelled else ("text", "code")
    imported = ImportedBook(phrases=[], absent_fields=fields_except(*carried))
    global_vars: dict[str, _Variable] = {}
    if "global_vars" in document:
        global_vars = _variables(document["global_vars"], source, "global_vars")
        imported.warnings.append(tr("global_vars are not imported; only their types are used"))
    for index, match in enumerate(matches):
        where = f"matches[{index}]"
        phrase = _phrase(match, global_vars, source, where, _warner(imported.warnings, where))
        if phrase is not None:
            imported.phrases.append(phrase)
            imported.locations.append(where)
    return imported


def _warner(warnings: list[str], where: str) -> Warn:
    """Adds a warning about ``where`` once, however often a variable is used."""

    def warn(text: str) -> None:
        line = f"{where}: {text}"
        if line not in warnings:
            warnings.append(line)

    return warn


def _load(text: str, source: str) -> object:
    try:
        loader = _Loader(text)  # already checks the characters, so inside the try
    except yaml.YAMLError as error:
        raise BadInput(tr("not valid YAML: {reason}", reason=error), source) from error
    try:
        return loader.get_single_data()
    except _AliasFound as error:
        raise BadInput(tr("YAML aliases are not supported"), source, _line(error)) from error
    except yaml.YAMLError as error:
        reason = getattr(error, "problem", None) or str(error)
        raise BadInput(tr("not valid YAML: {reason}", reason=reason), source, _line(error)) from error
    except RecursionError as error:
        raise BadInput(tr("not valid YAML: nested too deeply"), source) from error
    finally:
        loader.dispose()


def _line(error: yaml.YAMLError) -> str | None:
    mark = getattr(error, "problem_mark", None)
    return tr("line {n}", n=mark.line + 1) if mark is not None else None


def _matches(document: object, source: str) -> list:
    if document is None:
        raise BadInput(tr("no espanso matches in the file"), source)
    if not isinstance(document, dict):
        raise BadInput(tr("not an espanso match file (expected \"matches:\")"), source)
    matches = document.get("matches")
    if not matches:
        raise BadInput(tr("no espanso matches in the file"), source)
    if not isinstance(matches, list):
        raise BadInput(tr("\"matches\" must be a list"), source, "matches")
    return matches


def _variables(value: object, source: str, where: str) -> dict[str, _Variable]:
    """Variable definitions by name; only their type and params matter to us."""
    if value is None:
        return {}
    if not isinstance(value, list):
        raise BadInput(tr("the variables must be a list"), source, where)
    variables = {}
    for index, entry in enumerate(value):
        name = entry.get("name") if isinstance(entry, dict) else None
        if not isinstance(name, str) or not name:
            raise BadInput(tr("a variable without a name"), source, f"{where}[{index}]")
        params = entry.get("params")
        variables[name] = _Variable(str(entry.get("type", "unknown")), params if isinstance(params, dict) else {})
    return variables


def _phrase(match: object, global_vars: dict[str, _Variable], source: str, where: str, warn: Warn) -> Phrase | None:
    """One match as a phrase, or None (with a warning) for what has no text to paste."""
    if not isinstance(match, dict):
        raise BadInput(tr("each match must be a mapping"), source, where)
    body = _body(match, source, where, warn)
    if body is None:
        return None
    if not body.strip():
        warn(tr("empty replacement skipped"))
        return None
    triggers = _triggers(match, source, where, warn)
    variables = {**global_vars, **_variables(match.get("vars"), source, f"{where}.vars")}
    label = _text_field(match, "label", source, where)
    return Phrase(
        text=_template(body, variables, warn),
        title=label or (triggers[0] if triggers else ""),
        code=_code(triggers[0]) if triggers else "",
    )


def _text_field(match: dict, key: str, source: str, where: str) -> str | None:
    value = match.get(key)
    if value is not None and not isinstance(value, str):
        raise BadInput(tr("{key} must be text", key=key), source, f"{where}.{key}")
    return value


def _body(match: dict, source: str, where: str, warn: Warn) -> str | None:
    """The text to paste: ``replace``, else markdown or HTML source as plain text."""
    if "replace" in match:
        return _text_field(match, "replace", source, where) or ""
    if "markdown" in match:
        warn(tr("markdown imported as plain text"))
        return _text_field(match, "markdown", source, where) or ""
    if "html" in match:
        warn(tr("HTML imported as plain text"))
        return _text_field(match, "html", source, where) or ""
    if "image_path" in match:
        warn(tr("image match skipped"))
        return None
    if "form" in match:
        warn(tr("form match skipped"))
        return None
    raise BadInput(tr("the match has no \"replace\" text"), source, where)


def _triggers(match: dict, source: str, where: str, warn: Warn) -> list[str]:
    """All triggers, first one first; only the first becomes the short code."""
    triggers = [match["trigger"]] if "trigger" in match else []
    listed = match.get("triggers") or []
    triggers += listed if isinstance(listed, list) else [listed]
    if not all(isinstance(trigger, str) for trigger in triggers):
        raise BadInput(tr("triggers must be text"), source, where)
    if len(triggers) > 1:
        warn(tr("other triggers not imported: {triggers}", triggers=", ".join(triggers[1:])))
    if not triggers and "regex" in match:
        warn(tr("regex trigger not imported: {regex}", regex=match["regex"]))
    return triggers


def _code(trigger: str) -> str:
    """espanso triggers conventionally start with ":" (or ";") so that normal typing
    never fires them; our short codes are typed in a search box and need no prefix."""
    return trigger.lstrip(":;") or trigger


def _template(text: str, variables: dict[str, _Variable], warn: Warn) -> str:
    """espanso text as our template: braces escaped, known variables mapped."""
    parts: list[str] = []
    position = 0
    for found in _VARIABLE.finditer(text):
        parts.append(_escape(text[position : found.start()]))
        parts.append(_placeholder(found, variables, warn))
        position = found.end()
    parts.append(_escape(text[position:]))
    return "".join(parts)


def _escape(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")


def _placeholder(found: re.Match, variables: dict[str, _Variable], warn: Warn) -> str:
    if found.group() == _CURSOR:
        return "{cursor}"
    name, member = found.group(1), found.group(2)
    variable = variables.get(name, _Variable("unknown"))
    if variable.type == "clipboard" and member is None:
        return "{clipboard}"
    if variable.type == "date" and member is None:
        if "format" in variable.params:
            warn(tr("variable {name}: date format {format} not kept", name=name, format=variable.params["format"]))
        return "{date}"
    if variable.type == "form" and member is not None:
        return "{input:" + member + "}"
    warn(tr("variable {name} (type {type}) was not run; kept as text", name=name, type=variable.type))
    return _escape(found.group())
