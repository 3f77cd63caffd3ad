"""What the team tests read back from the database: who is in a team, and where its asks stand."""
from hackathon.extensions import db
from hackathon.models import JoinRequest, TeamMember


def statuses(team):
    """Each asker's id mapped to the status of their request or invitation with `team`."""
    return dict(db.session.execute(db.select(JoinRequest.user_id, JoinRequest.status)
                                   .where(JoinRequest.team_id == team.id)).all())


def member_ids(team):
    """The ids of `team`'s members, read from the database."""
    return set(db.session.scalars(db.select(TeamMember.user_id).where(TeamMember.team_id == team.id)))
