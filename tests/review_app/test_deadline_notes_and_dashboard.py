"""A deadline near, by Vietnam's date, and the chief's dashboard, against a service of their own.

This module runs its own service (real, on 127.0.0.1) because it sets items' deadlines in the
service's database: deadlines are computed from the profile's working-day rules at creation, and a
test needs them on chosen days. The "deadline near" test also pins the service's clock (its
``notifications._now``, the only stand-in): the UTC-date mistake it guards against shows only
between 17:00 and 24:00 UTC, so a test on the real clock could not fail at other hours.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from gui_helpers import click, make_context, open_workspace
from review_support import article, seed
from sqlalchemy import update

from editor_app.core import wire
from editor_app.core.reports import OPEN_STATES
from editor_app.sync.review import ReviewClient
from editor_app.ui.context import AppContext
from editor_app.ui.review.labels import state_label
from review_queue import models
from review_queue.api import notifications
from review_queue.db import make_engine
from review_queue.settings import Settings
from review_queue.testing import serve_in_thread

OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints"
pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
PASSWORD = "board tests password"
_keys = itertools.count()


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Settings]]:
    data: Path = tmp_path_factory.mktemp("deadline-service")
    settings = Settings(data_dir=data, failure_delay_s=0.0, failure_delay_max_s=0.0,
                        default_profile="son-la", inspect_attachments=False)
    seed(settings)
    with serve_in_thread(settings) as url:
        yield url, settings


def _client(url: str, user: str) -> ReviewClient:
    client = ReviewClient.connect(url)
    client.login(user, PASSWORD)
    return client


def _submit(url: str, title: str) -> wire.Submission:
    return _client(url, "collab").create_submission(article(title=title),
                                                    f"deadline-{next(_keys):06d}")


def _set_deadline(settings: Settings, submission_id: int, deadline: date) -> None:
    engine = make_engine(settings)
    try:
        with engine.begin() as connection:
            connection.execute(update(models.Submission)
                               .where(models.Submission.id == submission_id)
                               .values(deadline=deadline))
    finally:
        engine.dispose()


def test_deadline_near_counts_days_by_vietnams_date(
        service: tuple[str, Settings], monkeypatch: pytest.MonkeyPatch) -> None:
    url, settings = service
    # 20:00 UTC on 1 March is 03:00 on 2 March in Vietnam: "two days from today" is 4 March.
    monkeypatch.setattr(notifications, "_now", lambda: datetime(2026, 3, 1, 20, 0, tzinfo=UTC))
    days = {"in-two-days": date(2026, 3, 4), "in-three-days": date(2026, 3, 5),
            "overdue": date(2026, 2, 27)}
    items = {name: _submit(url, f"Hội nghị {name}") for name in days}
    for name, item in items.items():
        _set_deadline(settings, item.id, days[name])
    notes = {n.submission_id: n for n in _client(url, "secretary").notifications()
             if n.kind == "deadline"}
    assert items["in-two-days"].id in notes  # missed when "today" was the UTC date (1 March)
    assert items["overdue"].id in notes
    assert items["in-three-days"].id not in notes
    near = notes[items["in-two-days"].id]
    assert near.deadline == date(2026, 3, 4)
    assert near.at == datetime(2026, 3, 2, tzinfo=timezone(timedelta(hours=7)))
    assert not [n for n in _client(url, "collab").notifications() if n.kind == "deadline"]


@pytest.fixture
def context(qapp, tmp_path: Path) -> Iterator[AppContext]:  # type: ignore[no-untyped-def]
    made = make_context(qapp, tmp_path / "home")
    yield made
    made.runner.shutdown()


def test_the_chiefs_dashboard_shows_the_counts_the_service_reports(
        qtbot, context: AppContext, service: tuple[str, Settings]) -> None:  # type: ignore[no-untyped-def]
    url, settings = service
    secretary = _client(url, "secretary")
    late = _submit(url, "Tin quá hạn cần duyệt")
    _set_deadline(settings, late.id, date.today() - timedelta(days=3))
    for _ in range(2):
        item = _submit(url, "Tin chờ duyệt")
        secretary.act(item.id, wire.Action.CLAIM)
        secretary.act(item.id, wire.Action.FORWARD)
    _submit(url, "Tin mới gửi")
    chief = open_workspace(qtbot, context, url, "chief")
    board = chief.dashboard
    assert board is not None
    chief.pages.setCurrentWidget(board)
    board.board = None
    click(qtbot, board.refresh_button)
    qtbot.waitUntil(lambda: board.board is not None)
    held = Counter(str(s.state) for s in _client(url, "chief").list_submissions())
    assert held["awaiting_approval"] >= 2 and held["submitted"] >= 2
    for state in (*OPEN_STATES, "published", "rejected"):
        label = board.count_labels[state].text()
        assert label == f"{state_label(state)}: <b>{held.get(state, 0)}</b>", state
    overdue = [board.overdue.item(i).text() for i in range(board.overdue.count())]
    assert any("Tin quá hạn cần duyệt" in text for text in overdue)
    below = [board.below.item(i).text() for i in range(board.below.count())]
    assert any(text.startswith("Sở Tư pháp: 0 of 4") for text in below), below
