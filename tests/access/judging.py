"""Judging: judges' queues and score sheets; organizers' rubric, assignment and results pages."""
from . import ALLOW, DENY, LOGIN, Row, organizers_only

JUDGES = {"*": DENY, "anonymous": LOGIN, "judge": ALLOW, "organizer": ALLOW, "site_admin": ALLOW}
ASSIGNED_JUDGE = {"*": DENY, "anonymous": LOGIN, "judge": ALLOW}

ROWS = [
    Row("GET", "/e/{slug}/judging/", JUDGES),
    Row("GET", "/e/{slug}/judging/entries/{submission_id}", ASSIGNED_JUDGE),
    Row("POST", "/e/{slug}/judging/entries/{submission_id}", ASSIGNED_JUDGE),
    Row("POST", "/e/{slug}/judging/conflicts", JUDGES, {"team_id": "{team_id}", "reason": "friend"}),
    Row("GET", "/e/{slug}/judging/manage", organizers_only()),
    Row("POST", "/e/{slug}/judging/manage/criteria", organizers_only(), {"name": "Impact", "weight": "1",
                                                                        "scale_min": "1", "scale_max": "10"}),
    Row("POST", "/e/{slug}/judging/manage/criteria/{criterion_id}", organizers_only(), {"name": "Impact"}),
    Row("POST", "/e/{slug}/judging/manage/criteria/{criterion_id}/delete", organizers_only()),
    Row("POST", "/e/{slug}/judging/manage/assign", organizers_only(), {"judges_per_entry": "1"}),
    Row("POST", "/e/{slug}/judging/manage/assignments", organizers_only()),
    Row("POST", "/e/{slug}/judging/manage/assignments/{assignment_id}/delete", organizers_only()),
    Row("POST", "/e/{slug}/judging/manage/judges/{judge_id}/challenges", organizers_only()),
    Row("POST", "/e/{slug}/judging/manage/conflicts", organizers_only()),
    Row("POST", "/e/{slug}/judging/manage/conflicts/{conflict_id}/delete", organizers_only()),
    Row("GET", "/e/{slug}/judging/results", organizers_only()),
    Row("POST", "/e/{slug}/judging/results/method", organizers_only(), {"method": "raw"}),
    Row("POST", "/e/{slug}/judging/manage/judges/{judge_id}/exclude", organizers_only(), {"reason": "conflict"}),
    Row("POST", "/e/{slug}/judging/manage/judges/{judge_id}/include", organizers_only()),
    Row("GET", "/e/{slug}/judging/manage/scores.csv", organizers_only()),
    Row("GET", "/e/{slug}/judging/manage/tidy-scores.csv", organizers_only()),
]
