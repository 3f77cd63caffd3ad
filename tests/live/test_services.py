"""Announcement rules, the order reconnecting screens rely on, and what the ticker must push."""
from datetime import timedelta

import pytest

from hackathon.extensions import db
from hackathon.live import services
from hackathon.models import Announcement
from hackathon.models.announcement import MAX_TEXT_LENGTH
from hackathon.models.types import utcnow
from tests.concurrency import run_at_once
from tests.factories import make_announcement, make_event, make_member


@pytest.fixture
def event(app):
    return make_event("hacking")


@pytest.fixture
def organizer(event):
    return make_member(event, "organizer")


@pytest.fixture
def pushed(monkeypatch):
    """Every emitter call, in order, as (name, announcement id)."""
    calls = []
    for name in ("announcement_published", "announcement_retracted"):
        monkeypatch.setattr(services.emitters, name, lambda a, name=name: calls.append((name, a.id)))
    return calls


def test_post_publishes_at_once_and_pushes_after_commit(event, organizer, pushed):
    announcement = services.post_announcement(event, organizer, "  Pizza   is\nhere  ", "warning")
    db.session.expire_all()
    assert (announcement.text, announcement.level, announcement.status) == ("Pizza is here", "warning", "published")
    assert announcement.seq == 1 and announcement.created_by_id == organizer.id
    assert pushed == [("announcement_published", announcement.id)]


@pytest.mark.parametrize("text, message", [
    ("", "can't be empty"), ("   \n ", "can't be empty"), (None, "can't be empty"),
    ("x" * (MAX_TEXT_LENGTH + 1), f"Keep it to {MAX_TEXT_LENGTH} characters"),
])
def test_post_refuses_empty_or_too_long_text(event, organizer, pushed, text, message):
    with pytest.raises(services.AnnouncementError, match=message) as caught:
        services.post_announcement(event, organizer, text)
    assert caught.value.field == "text" and caught.value.status == 422
    assert pushed == [] and db.session.scalar(db.select(db.func.count()).select_from(Announcement)) == 0


def test_text_of_exactly_the_limit_is_accepted(event, organizer, pushed):
    assert len(services.post_announcement(event, organizer, "y" * MAX_TEXT_LENGTH).text) == MAX_TEXT_LENGTH


def test_post_refuses_an_unknown_level(event, organizer):
    with pytest.raises(services.AnnouncementError, match="info, warning, urgent") as caught:
        services.post_announcement(event, organizer, "Hi", "shouting")
    assert caught.value.field == "level"


def test_post_refuses_a_publish_time_in_the_past(event, organizer):
    with pytest.raises(services.AnnouncementError, match="That time has passed") as caught:
        services.post_announcement(event, organizer, "Hi", publish_at=utcnow() - timedelta(minutes=1))
    assert caught.value.field == "publish_at"


def test_text_is_stored_as_typed_and_never_interpreted(event, organizer, pushed):
    announcement = services.post_announcement(event, organizer, "<script>alert(1)</script> **bold**")
    assert announcement.text == "<script>alert(1)</script> **bold**"  # templates and live.js escape it


def test_a_scheduled_announcement_waits_and_is_published_when_due(event, organizer, pushed):
    now = utcnow()
    announcement = services.post_announcement(event, organizer, "Lunch", publish_at=now + timedelta(minutes=5))
    assert announcement.status == "scheduled" and pushed == []
    assert services.publish_due_announcements(now + timedelta(minutes=4)) == []
    assert services.published_announcements(event) == []
    [published] = services.publish_due_announcements(now + timedelta(minutes=5))
    assert published.id == announcement.id and published.status == "published"
    assert pushed == [("announcement_published", announcement.id)]
    assert services.publish_due_announcements(now + timedelta(minutes=6)) == []  # only once


def test_a_cancelled_scheduled_announcement_never_goes_out(event, organizer, pushed):
    announcement = make_announcement(event, publish_at=utcnow() + timedelta(minutes=1))
    services.retract_announcement(announcement, organizer)
    assert announcement.status == "cancelled"
    assert services.publish_due_announcements(utcnow() + timedelta(minutes=2)) == []
    assert pushed == []  # nobody ever saw it, so there is nothing to take down


def test_due_announcements_are_published_once_even_by_concurrent_tickers(app, event, pushed):
    announcement = make_announcement(event, publish_at=utcnow() - timedelta(seconds=1))
    results = run_at_once(app, lambda _: [a.id for a in services.publish_due_announcements()], [1, 2, 3])
    assert sorted(sum(results, [])) == [announcement.id]
    assert pushed == [("announcement_published", announcement.id)]


def test_seq_follows_publication_order_so_scheduled_ones_are_not_missed(event, organizer, pushed):
    scheduled = make_announcement(event, "Scheduled early", publish_at=utcnow() - timedelta(seconds=1))
    first = make_announcement(event, "Posted first")  # a later id ... published before `scheduled`
    services.publish_due_announcements()
    db.session.expire_all()
    assert scheduled.id < first.id and (first.seq, scheduled.seq) == (1, 2)
    # a screen that had seen `first` asks for what came after it, and gets the scheduled one
    assert [a.id for a in services.announcements_since(event, first.id)] == [scheduled.id]


def test_announcements_since_lists_oldest_first_and_skips_retracted(event, organizer, pushed):
    one, two, three = (make_announcement(event) for _ in range(3))
    services.retract_announcement(two, organizer)
    assert [a.id for a in services.announcements_since(event, None)] == [one.id, three.id]
    assert [a.id for a in services.announcements_since(event, one.id)] == [three.id]
    assert services.announcements_since(event, three.id) == []
    assert services.retracted_ids(event) == [two.id]
    assert [a.id for a in services.published_announcements(event)] == [three.id, one.id]


def test_announcements_since_an_unknown_id_lists_everything(event, pushed):
    other = make_announcement(make_event())
    mine = make_announcement(event)
    assert [a.id for a in services.announcements_since(event, other.id)] == [mine.id]
    assert [a.id for a in services.announcements_since(event, 10 ** 9)] == [mine.id]


def test_each_event_has_its_own_announcements(event, pushed):
    other = make_event()
    make_announcement(other)
    assert services.published_announcements(event) == [] and services.latest_announcement_id(event) == 0
    assert make_announcement(event).seq == 1


def test_retract_takes_it_down_and_pushes_once(event, organizer, pushed):
    announcement = make_announcement(event)
    pushed.clear()
    services.retract_announcement(announcement, organizer)
    assert announcement.status == "retracted" and announcement.retracted_by_id == organizer.id
    assert pushed == [("announcement_retracted", announcement.id)]
    with pytest.raises(services.AlreadyRetracted, match="already taken down") as caught:
        services.retract_announcement(announcement, organizer)
    assert caught.value.status == 409 and len(pushed) == 1


def test_latest_announcement_id_is_where_a_fresh_page_stands(event, organizer, pushed):
    one, two = make_announcement(event), make_announcement(event)
    services.retract_announcement(two, organizer)
    assert services.latest_announcement_id(event) == two.id  # retracted still counts: it went out


def test_organizers_see_scheduled_ones_first(event, organizer, pushed):
    published = make_announcement(event)
    scheduled = make_announcement(event, publish_at=utcnow() + timedelta(hours=1))
    assert [a.id for a in services.all_announcements(event)] == [scheduled.id, published.id]


def test_milestones_crossed_between_ticks_are_found(app):
    event = make_event("hacking")
    due = event.submissions_due_at
    assert services.events_crossing_milestones(due - timedelta(seconds=2), due - timedelta(seconds=1)) == []
    assert services.events_crossing_milestones(due - timedelta(seconds=1), due) == [event]
    assert services.events_crossing_milestones(due, due + timedelta(seconds=1)) == []


def test_paused_closed_or_draft_events_cross_no_milestones(app):
    paused = make_event("hacking", paused_at=utcnow())
    closed = make_event("hacking", closed_at=utcnow())
    draft = make_event("hacking", is_published=False)
    for event in (paused, closed, draft):
        due = event.submissions_due_at
        assert event not in services.events_crossing_milestones(due - timedelta(seconds=1), due)


def test_clocks_to_resync_are_the_watched_events_still_running(app):
    running, closed, unwatched = make_event(), make_event(closed_at=utcnow()), make_event()
    assert services.events_to_resync({running.id, closed.id}) == [running]
    assert services.events_to_resync(set()) == []
