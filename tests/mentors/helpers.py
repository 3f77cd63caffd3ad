"""Mentors, asking teams and help requests for the mentoring tests (no hard-coded ids)."""
from hackathon.extensions import db
from hackathon.mentors import services
from hackathon.mentors.services import HelpDetails
from hackathon.models import HelpRequest, MentoringSettings, MentorProfile, MentorTag
from tests.factories import make_member, make_participant, make_team


def make_mentor(event, tags=(), availability="available", **user_fields):
    """A mentor of `event` with a saved profile."""
    user = make_member(event, "mentor", **user_fields)
    db.session.add(MentorProfile(event_id=event.id, user_id=user.id, availability=availability,
                                 tags=[MentorTag(name=tag) for tag in tags], location="Table M"))
    db.session.commit()
    return user


def make_asking_team(event, size=1, **fields):
    """A team of `size` participants; returns (team, [members])."""
    members = [make_participant(event) for _ in range(size)]
    return make_team(event, members, **fields), members


def ask(user, event, topic="Our app won't start", tags=(), **fields) -> HelpRequest:
    """`user`'s team asks for help through the real service."""
    return services.ask_for_help(user, event, HelpDetails(topic=topic, tags=list(tags), **fields))


def set_mode(event, mode="auto", **minutes):
    """Save the event's mentoring settings directly."""
    row = db.session.get(MentoringSettings, event.id) or MentoringSettings(event_id=event.id)
    row.mode = mode
    for name, value in minutes.items():
        setattr(row, name, value)
    db.session.add(row)
    db.session.commit()
    return row


def reload(request: HelpRequest) -> HelpRequest:
    db.session.expire_all()
    return db.session.get(HelpRequest, request.id)
