"""赛文: the lead publishes a drill text through the signed channel of the books; trainees
race on it, their results travel in the statistics export, and the report ranks them."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from assistant.cli.main import main
from assistant.drills.history import DrillHistory
from assistant.drills.session import DrillSession
from assistant.drills.texts import team_text, team_texts
from assistant.errors import BadInput, QuickReplyError
from assistant.phrases.store import Store
from assistant.settings import Settings
from assistant.team import publication, subscriptions
from assistant.team.report import team_report
from assistant.team.report_html import render_html
from assistant.team.stats import compute_stats, export_stats
from tests.unit.drills.simulate import type_directly
from tests.unit.team.exports import drill, read, team_exports
from tests.unit.team.subscription_support import Lead

RACE = "亲，您好！您的订单今天下午已经发货，快递单号可以在订单详情里查看，预计两到三天送到，请您注意查收。"


@pytest.fixture
def keys(tmp_path: Path):
    private_path, _public_path, public_text = publication.generate_keys(tmp_path / "keys")
    return publication.load_private_key(private_path), public_text


def test_a_signed_race_text_reaches_the_trainee_and_the_next_one_replaces_it(isolated_home: Path, share: Path,
                                                                              keys) -> None:
    private_key, public_text = keys
    target = publication.target_path(str(share) + "/", None)
    assert target.name == "team-drill.qrpub"
    first = team_text(RACE, "第 1 周赛文")
    assert first.id.startswith("team:") and first.source == "team"
    assert publication.publish_drill(first, target, private_key) == (target, 1)
    trainee = Store(isolated_home)
    result = subscriptions.subscribe(trainee, str(target), public_text)
    assert result.outcome == "updated" and result.added == ["第 1 周赛文"]
    assert team_texts(trainee.folder) == [first]
    assert {book.id for book in trainee.books()} == {book.id for book in Store(isolated_home).books()}  # no book
    second = team_text("Thank you for waiting. Your parcel left our warehouse this morning.", "Week 2")
    publication.publish_drill(second, target, private_key)
    [entry] = subscriptions.load(trainee.folder)
    assert subscriptions.conditional_allowed(trainee, entry)
    assert subscriptions.check(trainee, entry).outcome == "updated"
    assert team_texts(trainee.folder) == [second] and second.language == "en"
    [entry] = subscriptions.load(trainee.folder)
    assert subscriptions.check(trainee, entry).outcome == "unchanged"
    subscriptions.unsubscribe(trainee, entry.id)
    assert team_texts(trainee.folder) == []


def test_a_changed_or_foreign_race_text_is_refused(tmp_path: Path, keys) -> None:
    private_key, public_text = keys
    data = publication.build_drill(team_text(RACE, "赛文"), 3, private_key)
    found = publication.read(data, "x", public_text)
    assert found.book is None and found.drill.text == RACE and found.revision == 3 and found.verified
    tampered = json.loads(data)
    tampered["drill"]["text"] = RACE.replace("三", "十")
    with pytest.raises(BadInput, match="checksum"):
        publication.read(json.dumps(tampered).encode(), "x", public_text)
    unsigned = publication.build_drill(team_text(RACE, "赛文"), 4)
    with pytest.raises(BadInput, match="not signed"):
        publication.read(unsigned, "x", public_text)
    for bad in ({"id": "custom:1"}, {"language": "fr"}, {"text": ""}, {"format": "other"}):
        document = json.loads(publication.build_drill(team_text(RACE), 1))
        document["drill"].update(bad)
        document["sha256"] = publication.hashlib.sha256(publication.canonical_bytes(document["drill"])).hexdigest()
        with pytest.raises(BadInput, match="malformed"):
            publication.read(json.dumps(document).encode(), "x")
    both = json.loads(publication.build_drill(team_text(RACE), 1)) | {"book": {}}
    with pytest.raises(BadInput, match="no phrasebook"):
        publication.read(json.dumps(both).encode(), "x")


def test_a_book_source_that_turns_into_a_race_source_is_refused(isolated_home: Path, share: Path,
                                                                  tmp_path: Path) -> None:
    lead = Lead(tmp_path / "lead")
    lead.publish(share)
    agent = Store(isolated_home)
    subscriptions.subscribe(agent, str(share / "team.qrpub"))
    publication.publish_drill(team_text(RACE), share / "team.qrpub")
    [entry] = subscriptions.load(agent.folder)
    result = subscriptions.check(agent, entry)
    assert result.outcome == "failed" and "drill text instead of a book" in result.message
    assert any(book.id == "team" for book in agent.books()) and team_texts(agent.folder) == []


def test_results_on_a_race_go_into_the_export_and_the_report_ranks_the_trainees(isolated_home: Path,
                                                                               tmp_path: Path) -> None:
    race = team_text(RACE, "第 1 周赛文")
    store = Store(isolated_home)
    session = DrillSession(race)
    type_directly(session, race.text * 2, interval=0.5)  # 120 per minute, long enough... but past the end
    now = datetime.now(UTC)
    result = replace(session.finish(1e6, now=now - timedelta(hours=1), trainee="小王"), counted=True)
    DrillHistory(store.folder).add(result)
    stats = compute_stats(store, Settings(trainee_name="小王"), now.astimezone(), days=7)
    [exported] = stats["drills"]
    assert (exported["text_id"], exported["source"], exported["text_title"]) == (race.id, "team", "第 1 周赛文")
    mine = tmp_path / "wang.json"
    export_stats(stats, mine)
    others = team_exports(tmp_path / "exports", now.astimezone())
    li = read(others[1])
    race_drill = {"text_id": race.id, "text_title": "第 1 周赛文", "source": "team"}
    li["drills"] += [drill("Li Lei", "zh", 150.0, now - timedelta(hours=2), 50) | race_drill,
                     drill("Li Lei", "zh", 90.0, now - timedelta(hours=3), 51) | race_drill,
                     drill("Li Lei", "zh", 400.0, now - timedelta(hours=4), 52) | race_drill | {"counted": False}]
    others[1].write_text(json.dumps(li, ensure_ascii=False), "utf-8")
    zhao = read(others[2]) | {"trainee": "赵敏", "drills": [
        drill("赵敏", "zh", 300.0, now - timedelta(hours=5), 60) | race_drill | {"accuracy": 0.5}]}
    others[2].write_text(json.dumps(zhao, ensure_ascii=False), "utf-8")
    report = team_report([mine, *others], now.astimezone())
    [ranked] = report.races
    assert (ranked.text_id, ranked.title, ranked.language) == (race.id, "第 1 周赛文", "zh")
    assert [(entry.rank, entry.trainee, entry.net_cpm) for entry in ranked.entries] == [
        (1, "Li Lei", 150.0), (2, "小王", 120.0), (None, "赵敏", 300.0)]
    assert report.to_dict()["races"][0]["entries"][0]["trainee"] == "Li Lei"
    page = render_html(report)
    assert 'id="race-1-1-trainee" class="">Li Lei<' in page and 'id="race-1-3-rank" class="number">not counted<' in page


def test_the_lead_publishes_a_race_from_the_command_line(capsys, isolated_home: Path, tmp_path: Path) -> None:
    source = tmp_path / "第2周.txt"
    source.write_text(RACE, "gb18030")
    share = tmp_path / "share"
    share.mkdir()
    assert main(["publish-drill", str(source), str(share), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["revision"] == 1 and printed["file"] == str(share / "team-drill.qrpub") and not printed["signed"]
    assert main(["publish-drill", str(source), str(share), "--title", "第 2 周"]) == 0
    assert "revision 2" in capsys.readouterr().out
    found = publication.read((share / "team-drill.qrpub").read_bytes(), "x")
    assert found.drill.title == "第 2 周" and found.drill.text == RACE
    assert main(["publish-drill", str(tmp_path / "missing.txt"), str(share)]) != 0
    with pytest.raises(QuickReplyError):
        team_text("   ")
