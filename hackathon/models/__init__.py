"""All models, importable from one place so that migrations see every table."""
from .announcement import Announcement
from .challenge import Challenge, ChallengeAttachment
from .event import ClockChange, Event
from .leaderboard import LeaderboardState
from .membership import Invite, Membership
from .recovery import PasswordReset
from .registration import Application, Question, RegistrationSettings
from .mentor import (ChallengeMentor, HelpRequest, HelpRequestTag, MentoringSettings, MentorProfile, MentorTag,
                     TeamMentor)
from .score import Assignment, Conflict, Criterion, JudgeChallenge, JudgeExclusion, Score, ScoreChange
from .submission import Extension, Submission, SubmissionFile, SubmissionTechnology, SubmissionVersion
from .team import JoinRequest, Team, TeamMember, TeamSeeker, TeamSkill
from .user import LoginSession, User, UserLink, UserSkill
from .voting import Vote, VotingCode, VotingState

__all__ = [
    "Announcement", "LeaderboardState",
    "Application", "PasswordReset", "Question", "RegistrationSettings",
    "Assignment", "Conflict", "Criterion", "JudgeChallenge", "JudgeExclusion", "Score", "ScoreChange",
    "JoinRequest", "Team", "TeamMember", "TeamSeeker", "TeamSkill",
    "Extension", "Submission", "SubmissionFile", "SubmissionTechnology", "SubmissionVersion",
    "Vote", "VotingCode", "VotingState",
    "HelpRequest", "HelpRequestTag", "MentoringSettings", "MentorProfile", "MentorTag",
    "ChallengeMentor", "TeamMentor",
    "Challenge", "ChallengeAttachment", "ClockChange", "Event", "Invite", "Membership", "LoginSession", "User",
    "UserLink", "UserSkill"]
