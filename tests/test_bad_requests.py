"""Requests no browser sends get a clear 4xx page, never a 500."""
import io

import pytest

from hackathon.extensions import db
from hackathon.models import User, UserSkill
from tests.factories import make_event, make_member, make_user


def test_a_request_over_the_size_cap_gets_the_413_page(app, client, auth):
    auth.login(make_user())
    app.config["MAX_CONTENT_LENGTH"] = 4096
    for kwargs in ({"data": {"display_name": "x" * 10_000}},
                   {"data": {"file": (io.BytesIO(b"x" * 10_000), "big.txt")}, "content_type": "multipart/form-data"}):
        response = client.post("/account/profile", **kwargs)
        page = response.get_data(as_text=True)
        assert response.status_code == 413 and "That upload is too large" in page and "<html" in page


@pytest.mark.parametrize("method, path, data", [
    ("POST", "/account/login", {"email": "a\x00@example.org", "password": "p" * 12}),
    ("POST", "/account/register", {"display_name": "Ada", "email": "ada@example.org", "password": "p\x00" * 6}),
    ("GET", "/e/a%00b/", None),
    ("GET", "/e/{slug}/projects/?challenge=1%00", None),
    ("GET", "/api/v1/events/{slug}/leaderboard?challenge=%00", None),
])
def test_a_nul_byte_anywhere_in_a_request_is_a_400(client, app, method, path, data):
    """PostgreSQL can't hold NUL in text: refused at the door, not deep in a query (or as a 500)."""
    event = make_event("judging")
    response = client.open(path.format(slug=event.slug), method=method, data=data)
    assert response.status_code == 400 and "NUL" in response.get_data(as_text=True)


def test_a_text_field_sent_as_a_file_part_is_ignored_not_a_500(client, auth, app):
    user = make_user(display_name="Ada")
    auth.login(user)
    response = client.post("/account/profile", data={"display_name": (io.BytesIO(b"Eve"), "name.txt"),
                                                     "bio": (io.BytesIO(b"Hi"), "bio.txt")},
                           content_type="multipart/form-data")
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(User, user.id).display_name == "Ada"


def test_omitting_a_list_field_keeps_what_the_profile_already_holds(client, auth, app):
    user = make_user(display_name="Ada")
    user.skills = [UserSkill(name="python"), UserSkill(name="rust")]
    db.session.commit()
    auth.login(user)
    assert client.post("/account/profile", data={"display_name": "Ada L."}).status_code == 302
    db.session.expire_all()
    saved = db.session.get(User, user.id)
    assert saved.display_name == "Ada L." and saved.skill_names == ["python", "rust"]


def test_a_duplicated_id_in_a_judges_challenges_counts_once(client, auth, app):
    from hackathon.models import JudgeChallenge
    from tests.factories import make_challenge

    event = make_event("judging")
    challenge, judge = make_challenge(event), make_member(event, "judge")
    auth.login(make_member(event, "organizer"))
    response = client.post(f"/e/{event.slug}/judging/manage/judges/{judge.id}/challenges",
                           data={"challenge_ids": [str(challenge.id), str(challenge.id)]})
    assert response.status_code == 302
    assert db.session.scalars(db.select(JudgeChallenge.challenge_id)).all() == [challenge.id]
