"""Sign-up, log-in, log-out, password and profile pages."""
from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user

from ..extensions import limiter
from ..urls import is_safe_next
from . import services
from .forms import ChangePasswordForm, LoginForm, ProfileForm, RegisterForm

bp = Blueprint("auth", __name__, url_prefix="/account")

THROTTLED = "Too many log-in attempts. Wait a minute, then try again."


def _account_key() -> str:
    return "login-account:" + (request.form.get("email") or "").strip().lower()


def _failed(response) -> bool:
    return response.status_code >= 400


def _after_login():
    target = request.form.get("next") or request.args.get("next")
    return redirect(target if is_safe_next(target) else url_for("events.hub"))


@bp.route("/register", methods=["GET", "POST"])
def register():
    form = RegisterForm()
    if form.validate_on_submit():
        try:
            user = services.register_user(form.display_name.data, form.email.data, form.password.data)
        except services.AccountError as error:
            form.email.errors.append(str(error))
        else:
            login_user(user)
            flash(f"Welcome, {user.display_name}! Your account is ready.", "success")
            return _after_login()
    status = 422 if form.is_submitted() else 200
    return render_template("auth/register.html", form=form), status


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["LOGIN_LIMIT_PER_IP"], methods=["POST"],
               error_message=THROTTLED, deduct_when=_failed)
@limiter.limit(lambda: current_app.config["LOGIN_LIMIT_PER_ACCOUNT"], methods=["POST"],
               key_func=_account_key, error_message=THROTTLED, deduct_when=_failed)
def login():
    form = LoginForm(next=request.args.get("next", ""))
    status = 200
    if form.validate_on_submit():
        try:
            user = services.authenticate(form.email.data, form.password.data)
        except services.AccountError as error:
            form.password.errors.append(str(error))
            return render_template("auth/login.html", form=form), 401
        login_user(user, remember=form.remember.data)
        flash(f"Welcome back, {user.display_name}.", "success")
        return _after_login()
    if form.is_submitted():
        status = 422
    return render_template("auth/login.html", form=form), status


@bp.route("/logout", methods=["POST"])
def logout():
    logout_user()
    flash("You are logged out.", "info")
    return redirect(url_for("events.hub"))


@bp.route("/password", methods=["GET", "POST"])
@login_required
def password():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            services.change_password(current_user, form.current.data, form.password.data)
        except services.AccountError as error:
            form.current.errors.append(str(error))
        else:
            login_user(current_user._get_current_object())  # the token rotated: re-issue this browser's cookie
            flash("Password changed. Other devices have been logged out.", "success")
            return redirect(url_for("auth.profile"))
    status = 422 if form.is_submitted() else 200
    return render_template("auth/password.html", form=form), status


@bp.route("/profile", methods=["GET", "POST"])
@login_required
def profile():
    form = ProfileForm(obj=current_user)
    if request.method == "GET":
        form.skills.data = current_user.skill_names
        form.links.data = "\n".join(link.url for link in current_user.links)
    if form.validate_on_submit():
        services.update_profile(
            current_user, display_name=form.display_name.data, bio=form.bio.data or "",
            organization=form.organization.data or "", skills=form.skills.data, links=form.links.data)
        flash("Profile saved.", "success")
        return redirect(url_for("auth.profile"))
    status = 422 if form.is_submitted() else 200
    return render_template("auth/profile.html", form=form), status
