"""Account recovery (anyone) and the site admins' account list."""
from . import HIDDEN, Row, everyone, site_admins_only

ROWS = [
    Row("GET", "/account/forgot", everyone()),
    Row("POST", "/account/forgot", everyone(), {"email": "someone@example.org"}),
    Row("GET", "/account/reset/not-a-token", everyone()),
    Row("POST", "/account/reset/not-a-token", everyone(), {"password": "a long enough password",
                                                           "confirm": "a long enough password"}),
    Row("GET", "/admin/users", site_admins_only()),
    Row("GET", "/admin/users?q=user", site_admins_only()),
    Row("POST", "/admin/users/{judge_id}/reset-link", site_admins_only()),
    Row("POST", "/admin/users/{judge_id}/deactivate", site_admins_only()),
    Row("POST", "/admin/users/{judge_id}/reactivate", site_admins_only()),
    Row("POST", "/admin/users/{judge_id}/explode", {**site_admins_only(), "site_admin": HIDDEN}),
    Row("POST", "/admin/users/999999999/deactivate", {**site_admins_only(), "site_admin": HIDDEN}),
]
