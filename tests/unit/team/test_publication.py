"""The published file: checksum, signature, versions, keys, and publishing itself."""

from __future__ import annotations

import json
import stat
import sys
from pathlib import Path

import pytest

from assistant.errors import BadInput, QuickReplyError
from assistant.i18n import set_language
from assistant.phrases.model import Phrase, Phrasebook
from assistant.team import publication
from tests.unit.helpers import book, phrase

PHRASES = [phrase("亲，今天下单今天发货哦", "fh", group="发货"), phrase("在的亲，请问有什么可以帮您？", "zd")]


@pytest.fixture
def keys(tmp_path: Path) -> tuple[object, str]:
    private_path, _public_path, public_text = publication.generate_keys(tmp_path / "keys")
    return publication.load_private_key(private_path), public_text


def envelope(data: bytes) -> dict:
    return json.loads(data.decode("utf-8"))


def rewrite(document: dict, *, checksum: bool = True) -> bytes:
    """An attacker's edit: change the book, and (if they think of it) fix the checksum."""
    if checksum:
        document["sha256"] = publication.hashlib.sha256(publication.canonical_bytes(document["book"])).hexdigest()
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def test_a_publication_reads_back_as_the_book_with_its_revision() -> None:
    data = publication.build(book("团队话术", "team"), PHRASES, 3)
    found = publication.read(data, "team.qrpub")
    assert found.revision == 3 and found.book.book.revision == 3 and found.book.book.name == "团队话术"
    assert [(p.id, p.text, p.code) for p in found.book.phrases] == [(p.id, p.text, p.code) for p in PHRASES]
    assert found.key_id == "" and not found.verified and len(found.sha256) == 64


def test_the_checksum_does_not_depend_on_indentation() -> None:
    document = envelope(publication.build(book(), PHRASES, 1))
    compact = json.dumps(document, separators=(",", ":"), ensure_ascii=True).encode("ascii")
    assert publication.read(compact, "compact").revision == 1


def test_an_edited_book_is_refused_by_its_checksum() -> None:
    document = envelope(publication.build(book(), PHRASES, 1))
    document["book"]["phrases"][0]["text"] = "保证明天到"
    with pytest.raises(BadInput, match="checksum does not match"):
        publication.read(rewrite(document, checksum=False), "x")


def test_every_truncation_of_a_file_is_refused() -> None:
    data = publication.build(book(), PHRASES, 1)
    for cut in range(1, len(data) - 2, max(1, len(data) // 40)):
        with pytest.raises(BadInput):
            publication.read(data[:cut], "half")


def test_a_signed_file_verifies_against_the_pinned_key(keys) -> None:
    private_key, public_text = keys
    found = publication.read(publication.build(book(), PHRASES, 2, private_key), "x", public_text)
    assert found.verified and found.key_id == publication.key_id(publication.parse_public_key(public_text))


def test_a_changed_signed_file_with_a_fixed_checksum_fails_the_signature(keys) -> None:
    private_key, public_text = keys
    document = envelope(publication.build(book(), PHRASES, 2, private_key))
    document["book"]["phrases"][0]["text"] = "点这个链接付款"
    with pytest.raises(BadInput, match="signature is not valid"):
        publication.read(rewrite(document), "x", public_text)


def test_an_old_signed_file_cannot_pose_as_a_newer_revision(keys) -> None:
    private_key, public_text = keys
    document = envelope(publication.build(book(), PHRASES, 2, private_key))
    document["revision"] = document["book"]["book"]["revision"] = 9
    with pytest.raises(BadInput, match="signature is not valid"):
        publication.read(rewrite(document), "x", public_text)


def test_a_file_signed_by_another_key_or_not_signed_is_refused_when_a_key_is_pinned(tmp_path: Path, keys) -> None:
    _private_key, public_text = keys
    other_path, _, _ = publication.generate_keys(tmp_path / "other")
    other_signed = publication.build(book(), PHRASES, 1, publication.load_private_key(other_path))
    with pytest.raises(BadInput, match="signed with another key"):
        publication.read(other_signed, "x", public_text)
    with pytest.raises(BadInput, match="not signed"):
        publication.read(publication.build(book(), PHRASES, 1), "x", public_text)
    # Without a pinned key the checksum still protects it, and who signed is reported.
    assert publication.read(other_signed, "x").key_id


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d.update(version=2), "newer QuickReply"),
    (lambda d: d.update(version="1"), "no valid format version"),
    (lambda d: d.update(format="quickreply.phrasebook"), "not a QuickReply publication"),
    (lambda d: d.update(sha256="abc"), "no valid sha256"),
    (lambda d: d.update(revision=0), "no valid revision"),
    (lambda d: d.update(revision=True), "no valid revision"),
    (lambda d: d.update(book=[]), "holds no phrasebook"),
    (lambda d: d.update(signature="yes"), "signature is malformed"),
    (lambda d: d["book"]["book"].update(revision=5), "revision of the book does not match"),
    (lambda d: d["book"]["phrases"].append(dict(d["book"]["phrases"][0])), "used twice"),
])
def test_malformed_publications_get_one_clear_line(change, message: str) -> None:
    document = envelope(publication.build(book(), PHRASES, 1))
    change(document)
    with pytest.raises(BadInput, match=message) as caught:
        publication.read(rewrite(document, checksum="sha256" not in message), "team.qrpub")
    assert "\n" not in str(caught.value) and str(caught.value).startswith("team.qrpub")


def test_not_json_and_not_utf8_are_refused() -> None:
    with pytest.raises(BadInput, match="not valid JSON"):
        publication.read(b"<html>404</html>", "x")
    with pytest.raises(BadInput, match="not UTF-8"):
        publication.read(b"\xff\xfe{", "x")


def test_messages_are_in_chinese_too() -> None:
    document = envelope(publication.build(book(), PHRASES, 1))
    document["book"]["phrases"][0]["text"] = "改过的"
    set_language("zh")
    try:
        with pytest.raises(BadInput, match="校验和不一致"):
            publication.read(rewrite(document, checksum=False), "x")
    finally:
        set_language(None)


def test_keygen_writes_a_private_key_only_its_owner_reads_and_never_overwrites(tmp_path: Path) -> None:
    private_path, public_path, public_text = publication.generate_keys(tmp_path / "keys")
    if sys.platform != "win32":  # Windows has no POSIX modes: the folder's ACL decides who reads it
        assert stat.S_IMODE(private_path.stat().st_mode) == 0o600
    assert public_path.read_text().strip() == public_text and len(public_text) < 60
    assert len(publication.parse_public_key(public_text)) == 32
    before = private_path.read_bytes()
    with pytest.raises(QuickReplyError, match="never overwritten"):
        publication.generate_keys(tmp_path / "keys")
    assert private_path.read_bytes() == before


def test_a_wrong_public_key_text_is_refused_clearly() -> None:
    for text in ("", "qr-ed25519:abc", "ssh-ed25519 AAAA"):
        with pytest.raises(QuickReplyError, match="not a QuickReply public key"):
            publication.parse_public_key(text)


def test_a_wrong_private_key_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "key.pem"
    path.write_text("not a key")
    with pytest.raises(BadInput, match="not a QuickReply signing key"):
        publication.load_private_key(path)


def test_publishing_bumps_the_revision_past_the_book_and_the_file_already_there(tmp_path: Path) -> None:
    team = Phrasebook(name="Team", id="team", revision=4)
    target = publication.target_path(str(tmp_path / "share") + "/", team)
    assert target == tmp_path / "share" / "team.qrpub"
    assert publication.publish(team, PHRASES, target) == (target, 5)
    assert publication.publish(team, PHRASES, target)[1] == 6  # the file is ahead of the book now
    assert publication.read(target.read_bytes(), "x").revision == 6
    assert not [p for p in target.parent.iterdir() if p.name.startswith(".")], "no temporaries left"


def test_a_publication_carries_no_use_counts() -> None:
    used = [Phrase(text="谢谢亲", use_count=42, last_used="2026-01-01T00:00:00Z")]
    document = envelope(publication.build(book(), used, 1))
    [entry] = document["book"]["phrases"]
    assert not {"use_count", "last_used"} & entry.keys() and 42 not in entry.values()
    assert "2026-01-01T00:00:00Z" not in entry.values()
