"""The file a team lead publishes and agents subscribe to.

A publication is a small versioned JSON envelope around QuickReply's own phrasebook
document (``assistant.formats.native``)::

    {"format": "quickreply.publication", "version": 1, "revision": 7,
     "published": "2026-11-22T10:00:00Z", "sha256": "…",
     "signature": {"algorithm": "ed25519", "key_id": "…", "value": "…"},   # optional
     "book": { …the native phrasebook document… }}

The checksum is taken over the book's canonical bytes (sorted keys, no spaces, UTF-8),
so it does not depend on how the envelope happens to be indented; it catches a file
that was cut short, half-replaced or edited by hand. The signature (ed25519, from the
``cryptography`` package) covers the format, the revision and that checksum: only the
holder of the lead's private key can make a file that a subscriber who pinned the
lead's public key will accept, and an old signed file cannot be passed off as a newer
revision. Reading never runs anything and refuses, with one line, whatever does not
check out; nothing is applied until a whole file has been read and verified.

The same envelope carries a team drill text (赛文, the text every trainee races on)
instead of a book, under ``"drill"``::

    {…the same keys…, "drill": {"format": "quickreply.drill", "id": "…", "title": "…",
                                 "text": "…", "language": "zh"}}

checked and signed the same way, so a trainee's app takes a race text only from the
lead, as it takes books.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.data.atomic import atomic_write_bytes
from assistant.data.bounded_json import load_json
from assistant.errors import BadInput, QuickReplyError
from assistant.formats import MAX_FILE_BYTES, ImportedBook, check_book
from assistant.formats import native as native_format
from assistant.i18n import tr
from assistant.phrases.model import Phrase, Phrasebook
from assistant.reasons import system_reason
from assistant.timestamps import now_stamp

if TYPE_CHECKING:
    from assistant.data.folder import Transaction
    from assistant.drills.session import DrillText

FORMAT_TAG = "quickreply.publication"
DRILL_TAG = "quickreply.drill"
#: The longest race text (the drills' own limit, about an hour of typing).
MAX_DRILL_CHARACTERS = 20_000
VERSION = 1
ALGORITHM = "ed25519"
#: How a public key is written out for the lead to hand round: short enough to paste.
PUBLIC_KEY_PREFIX = "qr-ed25519:"
PRIVATE_KEY_FILE = "quickreply-signing.key"
PUBLIC_KEY_FILE = "quickreply-signing.pub"
#: The name a publication gets when the target is a folder.
EXTENSION = ".qrpub"
DRILL_FILE_NAME = f"team-drill{EXTENSION}"
_HEX = set("0123456789abcdef")


@dataclass(frozen=True)
class Publication:
    """A publication that was read and verified: a ``book``, or a team ``drill`` text
    (``DrillText`` with source "team"); exactly one of the two."""

    book: ImportedBook | None
    revision: int
    sha256: str
    published: str = ""
    #: The id of the key that signed it ("" when unsigned).
    key_id: str = ""
    #: True when the signature was checked against a pinned key.
    verified: bool = False
    drill: DrillText | None = None


# -- canonical bytes and the signed message ---------------------------------------------

def canonical_bytes(document: dict) -> bytes:
    """The bytes the checksum is taken over: independent of indentation and key order."""
    return json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _signed_message(revision: int, checksum: str) -> bytes:
    return f"{FORMAT_TAG}\n{VERSION}\n{revision}\n{checksum}".encode("ascii")


# -- keys ------------------------------------------------------------------------------

def key_id(raw_public_key: bytes) -> str:
    """A short fingerprint that names a key in files and messages."""
    return hashlib.sha256(raw_public_key).hexdigest()[:16]


def parse_public_key(text: str) -> bytes:
    """The 32 raw bytes of a public key written as ``qr-ed25519:…``."""
    value = text.strip()
    if value.startswith(PUBLIC_KEY_PREFIX):
        value = value[len(PUBLIC_KEY_PREFIX):]
    try:
        raw = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != 32:
        raise QuickReplyError(tr("not a QuickReply public key (it looks like {prefix}…)", prefix=PUBLIC_KEY_PREFIX))
    return raw


def format_public_key(raw: bytes) -> str:
    return PUBLIC_KEY_PREFIX + base64.b64encode(raw).decode("ascii")


def generate_keys(folder: Path) -> tuple[Path, Path, str]:
    """Write a new key pair into ``folder``; never overwrites a key that is there.

    The private key is written with mode 0600 (only its owner may read it). Returns the
    private key file, the public key file and the public key text."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    folder.mkdir(parents=True, exist_ok=True)
    private_path, public_path = folder / PRIVATE_KEY_FILE, folder / PUBLIC_KEY_FILE
    for path in (private_path, public_path):
        if path.exists():
            raise QuickReplyError(tr("{file} already exists; a key is never overwritten", file=path))
    private_key = Ed25519PrivateKey.generate()
    pem = private_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption())
    raw_public = private_key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    public_text = format_public_key(raw_public)
    # O_EXCL: if another process created the file in the meantime, fail rather than overwrite.
    descriptor = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(pem)
    descriptor = os.open(public_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(public_text + "\n")
    return private_path, public_path, public_text


def load_private_key(path: Path):  # -> Ed25519PrivateKey
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except OSError as error:
        raise BadInput(tr("cannot read the file: {reason}", reason=system_reason(error)), path) from error
    except (ValueError, TypeError) as error:
        raise BadInput(tr("not a QuickReply signing key"), path) from error
    if not isinstance(key, Ed25519PrivateKey):
        raise BadInput(tr("not a QuickReply signing key"), path)
    return key


# -- writing ---------------------------------------------------------------------------

def build(book: Phrasebook, phrases: list[Phrase], revision: int, private_key=None) -> bytes:
    """The publication's bytes for ``book`` at ``revision``, signed when a key is given."""
    return _envelope("book", native_format.to_document(replace(book, revision=revision), phrases), revision,
                     private_key)


def build_drill(text: DrillText, revision: int, private_key=None) -> bytes:
    """The publication's bytes for a team drill text at ``revision``."""
    document = {"format": DRILL_TAG, "id": text.id, "title": text.title, "text": text.text,
                "language": text.language}
    return _envelope("drill", document, revision, private_key)


def _envelope(kind: str, document: dict, revision: int, private_key) -> bytes:
    checksum = hashlib.sha256(canonical_bytes(document)).hexdigest()
    envelope: dict = {"format": FORMAT_TAG, "version": VERSION, "revision": revision, "published": now_stamp(),
                      "sha256": checksum}
    if private_key is not None:
        from cryptography.hazmat.primitives import serialization

        raw_public = private_key.public_key().public_bytes(serialization.Encoding.Raw,
                                                           serialization.PublicFormat.Raw)
        envelope["signature"] = {
            "algorithm": ALGORITHM, "key_id": key_id(raw_public),
            "value": base64.b64encode(private_key.sign(_signed_message(revision, checksum))).decode("ascii"),
        }
    envelope[kind] = document
    return (json.dumps(envelope, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def peek_revision(path: Path) -> int:
    """The revision of a publication already at ``path``, 0 when there is none or it is
    unreadable: publishing over it must go higher, whatever state it is in."""
    try:
        envelope = load_json(path.read_bytes().decode("utf-8"), str(path))
    except (OSError, UnicodeDecodeError, QuickReplyError):
        return 0
    revision = envelope.get("revision") if isinstance(envelope, dict) else None
    return revision if isinstance(revision, int) and not isinstance(revision, bool) and revision > 0 else 0


# -- reading ---------------------------------------------------------------------------

def read(data: bytes, source: str, pinned_key: str = "") -> Publication:
    """Check a whole publication; raises ``BadInput`` (one line) on anything wrong.

    With ``pinned_key`` the file must carry a valid signature made by that key."""
    if len(data) > MAX_FILE_BYTES:
        raise BadInput(tr("file is too large ({size} MB; the limit is {limit} MB)",
                          size=round(len(data) / 1048576, 1), limit=MAX_FILE_BYTES // 1048576), source)
    envelope = _parse_envelope(data, source)
    document = envelope.get("book", envelope.get("drill"))
    checksum = hashlib.sha256(canonical_bytes(document)).hexdigest()
    if checksum != envelope["sha256"]:
        raise BadInput(tr("the checksum does not match: the file is incomplete or was changed after publishing"),
                       source)
    signature = envelope.get("signature")
    signer = _check_signature(signature, envelope["revision"], checksum, pinned_key, source)
    if "drill" in envelope:
        return Publication(None, envelope["revision"], checksum, envelope.get("published", ""), signer,
                           verified=bool(pinned_key), drill=_drill_text(document, source))
    imported = native_format.read(canonical_bytes(document), source)
    if imported.book is None or imported.book.revision != envelope["revision"]:
        raise BadInput(tr("the revision of the book does not match the publication's"), source)
    check_book(imported, source)
    seen: set[str] = set()
    for index, phrase in enumerate(imported.phrases):
        if phrase.id in seen:
            raise BadInput(tr("phrase id {id!r} is used twice", id=phrase.id), source, imported.location(index))
        seen.add(phrase.id)
    return Publication(imported, envelope["revision"], checksum, envelope.get("published", ""), signer,
                       verified=bool(pinned_key))


def _parse_envelope(data: bytes, source: str) -> dict:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise BadInput(tr("not a QuickReply publication (not UTF-8 text)"), source) from error
    envelope = load_json(text, source)
    if not isinstance(envelope, dict) or envelope.get("format") != FORMAT_TAG:
        raise BadInput(tr("not a QuickReply publication (no \"format\": \"{tag}\")", tag=FORMAT_TAG), source)
    version = envelope.get("version")
    if not _positive_int(version):
        raise BadInput(tr("the publication has no valid format version"), source)
    if version > VERSION:
        raise BadInput(tr("made by a newer QuickReply (format version {version}); please update",
                          version=version), source)
    if version != VERSION:
        raise BadInput(tr("unknown publication format version {version}", version=version), source)
    checksum = envelope.get("sha256")
    if not (isinstance(checksum, str) and len(checksum) == 64 and set(checksum) <= _HEX):
        raise BadInput(tr("the publication has no valid sha256 checksum"), source)
    if not _positive_int(envelope.get("revision")):
        raise BadInput(tr("the publication has no valid revision"), source)
    if sum(isinstance(envelope.get(kind), dict) for kind in ("book", "drill")) != 1:
        raise BadInput(tr("the publication holds no phrasebook"), source)
    if not isinstance(envelope.get("published", ""), str):
        raise BadInput(tr("the publication's time is not text"), source)
    return envelope


def _drill_text(document: dict, source: str) -> DrillText:
    """The team drill a publication carries, checked; its id keeps the lead's. (The drill
    code is imported here, when a drill text arrives: the idle app never loads it.)"""
    from assistant.drills.session import LANGUAGES, DrillText, normalise_drill_text

    fields = [document.get(name) for name in ("id", "title", "text", "language")]
    if document.get("format") != DRILL_TAG or not all(isinstance(value, str) for value in fields):
        raise BadInput(tr("the drill text of the publication is malformed"), source)
    drill_id, title, text, drill_language = fields
    text = normalise_drill_text(text)
    if not drill_id.startswith("team:") or len(drill_id) > 64 or drill_language not in LANGUAGES or not text \
            or len(text) > MAX_DRILL_CHARACTERS or len(title) > 200:
        raise BadInput(tr("the drill text of the publication is malformed"), source)
    return DrillText(id=drill_id, title=title.strip() or drill_id, text=text, language=drill_language,
                     source="team")


def _positive_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def _check_signature(signature: object, revision: int, checksum: str, pinned_key: str, source: str) -> str:
    """The signer's key id; when a key is pinned, the signature must be that key's."""
    if signature is None:
        if pinned_key:
            raise BadInput(tr("the file is not signed, but this subscription requires the lead's signature"), source)
        return ""
    if not (isinstance(signature, dict) and signature.get("algorithm") == ALGORITHM
            and isinstance(signature.get("key_id"), str) and isinstance(signature.get("value"), str)):
        raise BadInput(tr("the signature is malformed"), source)
    if not pinned_key:
        return signature["key_id"]
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    raw = parse_public_key(pinned_key)
    if signature["key_id"] != key_id(raw):
        raise BadInput(tr("signed with another key ({found}), not the pinned key ({pinned})",
                          found=signature["key_id"][:16], pinned=key_id(raw)), source)
    try:
        value = base64.b64decode(signature["value"], validate=True)
        Ed25519PublicKey.from_public_bytes(raw).verify(value, _signed_message(revision, checksum))
    except (binascii.Error, ValueError, InvalidSignature) as error:
        raise BadInput(tr("the signature is not valid: the file was changed or not signed by the pinned key"),
                       source) from error
    return signature["key_id"]


# -- publishing ------------------------------------------------------------------------

def book_for_file(path: Path) -> Phrasebook:
    """The book a table without one (a CSV or Excel sheet) is published as: the same id
    for the same file name every time, so subscribers see one book with new revisions."""
    return Phrasebook(name=path.stem, id="sheet-" + hashlib.sha256(path.stem.encode("utf-8")).hexdigest()[:16])


def target_path(target: str, book: Phrasebook | None) -> Path:
    """Where to publish: a folder (existing, or written with a trailing slash) gets a
    file named after the book's id, or ``DRILL_FILE_NAME`` for a team drill text (None):
    the same file each time, so the next race reaches every subscriber."""
    path = Path(target)
    if path.is_dir() or target.endswith(("/", os.sep)):
        return path / (f"{book.id}{EXTENSION}" if book is not None else DRILL_FILE_NAME)
    return path


def publish_drill(text: DrillText, path: Path, private_key=None) -> tuple[Path, int]:
    """Write a team drill text as a publication (atomically, at a revision above the one
    already there); returns the file written and its revision."""
    revision = peek_revision(path) + 1
    atomic_write_bytes(path, build_drill(text, revision, private_key))
    return path, revision


def publish(book: Phrasebook, phrases: list[Phrase], path: Path, private_key=None,
            change: Transaction | None = None) -> tuple[Path, int]:
    """Write the publication atomically (a subscriber reads the old file or the new one,
    never half of each) at a revision above both the book's and the one already there,
    so every publishing is news to every subscriber; with ``change``, as part of that
    transaction (the book's new revision is written with it).
    Returns the file written and its revision."""
    revision = max(book.revision, peek_revision(path)) + 1
    data = build(book, phrases, revision, private_key)
    if change is None:
        atomic_write_bytes(path, data)
    else:
        change.write_outside(path, data)
    return path, revision
