"""espanso match files (import only), so agents moving from espanso keep their work.

An espanso file is YAML with a ``matches`` list; each match has a ``trigger`` (or a
``triggers`` list) and a ``replace`` text that may use ``{{variables}}``.

Nothing in the file is ever run or evaluated:

* YAML is composed from libyaml's parse events by ``_compose``, never constructed: tags
  and aliases are refused (an "exponential entities" bomb is a few lines of aliases),
  every plain scalar is text, as espanso's YAML 1.2 reader has it (``replace: yes`` is
  the word "yes", not True), and nodes and depth are capped while the file is parsed.
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


#: YAML nodes (mappings, lists, texts) in one file at most, and how deep they may nest: a
#: match is about ten nodes, and espanso files are four levels deep.
MAX_NODES = 1_000_000
MAX_DEPTH = 64
_PLAIN_TAGS = (None, "!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map")
_NO_KEY = object()
# libyaml's parser (in C, fast) where PyYAML was built with it, as its wheels are.
_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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
            imported.add(phrase, where, source)
    return imported


def _warner(warnings: list[str], where: str) -> Warn:
    """Adds a warning about ``where`` once, however often a variable is used."""

    def warn(text: str) -> None:
        line = f"{where}: {text}"
        if line not in warnings:
            warnings.append(line)

    return warn


def _load(text: str, source: str) -> object:
    """The document, composed from libyaml's parse events (see ``_compose``)."""
    loader = _Parser(text)  # only its parser is used: events, never constructors
    try:
        return _compose(loader, source)
    except yaml.YAMLError as error:
        reason = getattr(error, "problem", None) or str(error)
        raise BadInput(tr("not valid YAML: {reason}", reason=reason), source, _line(error)) from error
    finally:
        loader.dispose()


def _compose(loader: yaml.SafeLoader, source: str) -> object:
    """Mappings, lists and texts from the events, counted and checked as they come: an
    alias or a tag is refused where it stands (aliases are how a few lines of YAML
    become billions of nodes; tags are how YAML runs code), every plain scalar is text
    (as espanso's YAML 1.2 reader has it: ``replace: yes`` is the word "yes"), and more
    than ``MAX_NODES`` nodes or ``MAX_DEPTH`` levels stop the file at once."""
    root: object = None
    open_nodes: list[list] = []  # [container, pending mapping key]
    nodes = documents = 0
    while loader.check_event():
        event = loader.get_event()
        if isinstance(event, yaml.AliasEvent):
            raise BadInput(tr("YAML aliases are not supported"), source, _line_of(event))
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise BadInput(tr("not valid YAML: {reason}", reason=tr("more than one document")), source,
                               _line_of(event))
        if not isinstance(event, yaml.NodeEvent | yaml.CollectionEndEvent):
            continue
        if isinstance(event, yaml.CollectionEndEvent):
            value = open_nodes.pop()[0]
        else:
            nodes += 1
            _check_node(event, nodes, len(open_nodes), source)
            if isinstance(event, yaml.ScalarEvent):
                value = event.value
            else:
                open_nodes.append([{} if isinstance(event, yaml.MappingStartEvent) else [], _NO_KEY])
                continue
        if not open_nodes:
            root = value
        else:
            _put(open_nodes[-1], value, source, event)
    return root


def _check_node(event: yaml.NodeEvent, nodes: int, depth: int, source: str) -> None:
    if nodes > MAX_NODES:
        raise BadInput(tr("too many YAML nodes (the limit is {limit})", limit=f"{MAX_NODES:,}"), source,
                       _line_of(event))
    if depth >= MAX_DEPTH:
        raise BadInput(tr("not valid YAML: nested too deeply"), source, _line_of(event))
    tag = getattr(event, "tag", None)
    if tag not in _PLAIN_TAGS:
        raise BadInput(tr("not valid YAML: {reason}", reason=tr("the tag {tag} is not supported", tag=tag)), source,
                       _line_of(event))


def _put(parent: list, value: object, source: str, event: yaml.Event) -> None:
    """``value`` into the open list, or as the open mapping's next key or value."""
    container, key = parent
    if isinstance(container, list):
        container.append(value)
    elif key is not _NO_KEY:
        container[key] = value
        parent[1] = _NO_KEY
    elif isinstance(value, str):
        parent[1] = value
    else:
        raise BadInput(tr("not valid YAML: {reason}", reason=tr("a key that is not text")), source, _line_of(event))


def _line_of(event: yaml.Event) -> str:
    return tr("line {n}", n=event.start_mark.line + 1)


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
