"""The hacking demo event's mentoring: mentor profiles, a help queue with a past, so logging in as a
mentor shows a living queue (requests waiting, one being helped, others resolved and rated), and
standing mentors (sponsors' engineers on their challenges, a go-to mentor for every team)."""
from datetime import timedelta

from ..extensions import db
from ..mentors import standing
from ..models import Challenge, HelpRequest, HelpRequestTag, MentorProfile, MentorTag, Team, TeamMentor, User
from ..models.mentor import ACTIVE, CLAIMED, RESOLVED
from ..models.types import utcnow
from .content import HELP_REQUESTS, MENTOR_PROFILES

STALE_AFTER = timedelta(minutes=15)  # the default flag time (mentors/settings.py)


def add_mentoring(event, mentors: list[User]) -> None:
    """Profiles for the event's mentors and its help requests, as if the last two hours happened."""
    now = utcnow()
    for mentor, (bio, location, availability) in zip(mentors, MENTOR_PROFILES):
        db.session.add(MentorProfile(event_id=event.id, user_id=mentor.id, bio=bio, location=location,
                                     availability=availability, idle_since=now - timedelta(minutes=30),
                                     tags=[MentorTag(name=skill.name) for skill in mentor.skills]))
    teams = {team.name: team for team in db.session.scalars(db.select(Team).where(Team.event_id == event.id))}
    for row in HELP_REQUESTS:
        db.session.add(_request(event, teams[row[0]], mentors, now, *row[1:]))


def add_standing_mentors(event, mentors: list[User]) -> None:
    """Sponsors' engineers on their challenges, then the planner gives every team one go-to mentor
    (through the real services); the Night Owls' pair is pinned, as an organizer would."""
    by_org = {mentor.organization: mentor for mentor in mentors}
    for challenge in db.session.scalars(db.select(Challenge).where(Challenge.event_id == event.id)):
        if challenge.sponsor in by_org:
            standing.attach_to_challenge(event, challenge, by_org[challenge.sponsor])
    standing.run_planner(event, 1)
    owls = db.session.scalar(db.select(Team).where(Team.event_id == event.id, Team.name == "Night Owls"))
    for pair in db.session.scalars(db.select(TeamMentor).where(TeamMentor.team_id == owls.id)):
        standing.set_pinned(event, pair, True)


def _request(event, team: Team, mentors, now, topic, description, tags, location, status, minutes_ago, mentor,
             minutes_helped, rating, feedback) -> HelpRequest:
    asked = now - timedelta(minutes=minutes_ago)
    request = HelpRequest(event_id=event.id, team_id=team.id, created_by_id=team.captain_id, topic=topic,
                          description=description, location=location, status=status, queued_at=asked,
                          created_at=asked, updated_at=asked, feedback=feedback,
                          tags=[HelpRequestTag(name=tag.strip()) for tag in tags.split(",")])
    if status in ACTIVE:
        request.active_team_id = team.id
    if now - asked >= STALE_AFTER and status == "open":
        request.flagged_at = asked + STALE_AFTER
    if mentor is not None:
        _helped(request, mentors[mentor], asked, minutes_helped, status, rating)
    elif status == "cancelled":
        request.closed_at = asked + timedelta(minutes=3)
    return request


def _helped(request: HelpRequest, mentor: User, asked, minutes_helped, status, rating) -> None:
    claimed = asked + timedelta(minutes=3)
    request.claimed_by_id, request.claimed_at, request.first_claimed_at = mentor.id, claimed, claimed
    if status == CLAIMED:
        request.active_mentor_id = mentor.id
    if status == RESOLVED:
        request.resolved_by_id, request.resolved_at = mentor.id, claimed + timedelta(minutes=minutes_helped)
        if rating is not None:
            request.rating, request.rated_at = rating, request.resolved_at + timedelta(minutes=2)
