"""The agent's numbers in the team's shared folder, so the lead's report builds itself.

An agent who opts in (Settings: ``team_share``) writes their statistics export — the
same file as ``quickreply stats export FILE.json``: counts, titles and drills, never a
reply's text nor anything a buyer wrote — to the team's folder, or PUTs it to an http(s)
address (a WebDAV share, or any server that accepts PUT), once a day and when the app
quits. Each data folder has its own file name there (the agent's name and a random id),
so agents of the same name never overwrite each other, and the lead's
``quickreply report FOLDER`` reads them all.
"""

from __future__ import annotations

import http.client
import json
import re
import secrets
import urllib.error
import urllib.request
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from assistant.data.atomic import atomic_write_text
from assistant.errors import QuickReplyError
from assistant.i18n import tr
from assistant.phrases.store import Store
from assistant.reasons import http_reason, system_reason
from assistant.settings import Settings

#: The days each shared export covers: what the conversation log keeps by default.
SHARED_DAYS = 90
#: The longest a PUT may take, whatever the server does (quitting waits for it).
PUT_TIMEOUT_SECONDS = 5
_UNSAFE = re.compile(r"[^\w.-]+")


def is_address(share: str) -> bool:
    return share.lower().startswith(("http://", "https://"))


def with_share_id(settings: Settings) -> Settings:
    """``settings`` with this data folder's id for the team folder, made if missing."""
    return settings if settings.team_share_id else replace(settings, team_share_id=secrets.token_hex(4))


def shared_file_name(settings: Settings) -> str:
    """``<agent>-<id>.json``: readable for the lead, unique per data folder."""
    agent = _UNSAFE.sub("-", settings.agent_name or settings.trainee_name).strip("-.") or "agent"
    return f"{agent}-{settings.team_share_id}.json"


def due(settings: Settings, now: datetime) -> bool:
    """Whether today's share is still to be made."""
    return bool(settings.team_share) and settings.team_shared_on != now.date().isoformat()


def share_now(store: Store, settings: Settings, now: datetime) -> tuple[Settings, str]:
    """Share the numbers; returns the settings to save (the data folder's id made if
    missing, today marked as shared) and where the numbers went."""
    settings = with_share_id(settings)
    where = share_numbers(store, settings, now)
    return replace(settings, team_shared_on=now.date().isoformat()), where


def share_numbers(store: Store, settings: Settings, now: datetime) -> str:
    """Write this agent's export to the team's folder or address; returns where it
    went. ``settings`` must have its ``team_share_id`` (``with_share_id``)."""
    # Loaded only when sharing: the statistics bring the drill code, which the app's
    # everyday start leaves unloaded.
    from assistant.team.stats import compute_stats

    document = json.dumps(compute_stats(store, settings, now, SHARED_DAYS), ensure_ascii=False, indent=2) + "\n"
    name = shared_file_name(settings)
    if is_address(settings.team_share):
        return _put(settings.team_share.rstrip("/") + "/" + name, document.encode("utf-8"))
    folder = Path(settings.team_share).expanduser()
    if not folder.is_dir():
        raise QuickReplyError(tr("the team folder {folder} cannot be reached (not found or not a folder)",
                                 folder=folder))
    target = folder / name
    try:
        atomic_write_text(target, document)
    except OSError as error:
        raise QuickReplyError(tr("cannot write the numbers to the team folder {folder}: {reason}",
                                 folder=folder, reason=system_reason(error))) from error
    return str(target)


def _put(url: str, data: bytes) -> str:
    request = urllib.request.Request(url, data=data, method="PUT",
                                     headers={"Content-Type": "application/json; charset=utf-8"})
    try:
        with urllib.request.urlopen(request, timeout=PUT_TIMEOUT_SECONDS) as response:
            response.read(1024)
    except urllib.error.HTTPError as error:
        reason = http_reason(error.code)
    except urllib.error.URLError as error:
        reason = system_reason(error.reason) if isinstance(error.reason, BaseException) else str(error.reason)
    except (OSError, http.client.HTTPException) as error:
        reason = system_reason(error)
    else:
        return url
    raise QuickReplyError(tr("cannot send the numbers to {url}: {reason}", url=url, reason=reason))
