"""Sign-up, log-in, log-out, password and profile pages."""
from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_limiter.util import get_remote_address
from flask_login import current_user, login_required, login_user, logout_user

from ..urls import is_safe_next
from . import recovery, services
from .forms import ChangePasswordForm, ForgotPasswordForm, LoginForm, ProfileForm, RegisterForm, ResetPasswordForm
from .throttle import TooManyAttempts

bp = Blueprint("auth", __name__, url_prefix="/account")

# Shown whether or not the address had an account, so sign-up can't be used to find out.
SIGNED_UP = ("Your account is ready: log in to continue. (If that address already had an account, "
             "nothing changed: log in with its own password.)")


def _next_target() -> str | None:
    target = request.form.get("next") or request.args.get("next")
    return target if is_safe_next(target) else None


def _after_login():
    return redirect(_next_target() or url_for("events.hub"))


@bp.route("/register", methods=["GET", "POST"])
def register():
    form = RegisterForm()
    if form.validate_on_submit():
        try:
            services.sign_up(form.display_name.data, form.email.data, form.password.data)
        except services.AccountError as error:
            form.password.errors.append(str(error))
        else:
            flash(SIGNED_UP, "success")
            return redirect(url_for("auth.login", next=_next_target()))
    status = 422 if form.is_submitted() else 200
    return render_template("auth/register.html", form=form), status


@bp.route("/login", methods=["GET", "POST"])
def login():
    form = LoginForm(next=request.args.get("next", ""))
    if not form.validate_on_submit():
        return render_template("auth/login.html", form=form), 422 if form.is_submitted() else 200
    try:
        user = services.log_in(form.email.data, form.password.data, get_remote_address())
    except TooManyAttempts as error:
        form.password.errors.append(str(error))
        return render_template("auth/login.html", form=form), 429, {"Retry-After": str(error.retry_after)}
    except services.AccountError as error:
        form.password.errors.append(str(error))
        return render_template("auth/login.html", form=form), 401
    login_user(user, remember=form.remember.data)
    flash(f"Welcome back, {user.display_name}.", "success")
    return _after_login()


# Shown whether or not the address has an account.
RESET_SENT = ("If an account uses that address, a link to reset its password is on its way. It works once, "
              "within the hour. Nothing arrived? Check the spam folder, or ask again in a few minutes.")


@bp.route("/forgot", methods=["GET", "POST"])
def forgot_password():
    form = ForgotPasswordForm()
    if not form.validate_on_submit():
        return render_template("auth/forgot.html", form=form), 422 if form.is_submitted() else 200
    try:
        recovery.request_reset(form.email.data, get_remote_address())
    except recovery.TooManyResets as error:
        form.email.errors.append(str(error))
        return render_template("auth/forgot.html", form=form), 429, {"Retry-After": "60"}
    flash(RESET_SENT, "success")
    return redirect(url_for("auth.forgot_password"))


@bp.route("/reset/<token>", methods=["GET", "POST"])
def reset_password(token):
    try:
        recovery.find_reset(token)
    except recovery.ResetLinkInvalid as error:
        return render_template("auth/reset.html", form=None, invalid=str(error)), 410
    form = ResetPasswordForm()
    if form.validate_on_submit():
        try:
            recovery.reset_password(token, form.password.data)
        except services.AccountError as error:
            form.password.errors.append(str(error))
        else:
            flash("Your password is set, and every device was logged out. Log in with the new one.", "success")
            return redirect(url_for("auth.login"))
    return render_template("auth/reset.html", form=form, invalid=None), 422 if form.is_submitted() else 200


@bp.route("/logout", methods=["POST"])
def logout():
    if current_user.is_authenticated:
        services.log_out(current_user)
    logout_user()
    flash("You are logged out.", "info")
    return redirect(url_for("events.hub"))


@bp.route("/password", methods=["GET", "POST"])
@login_required
def password():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            services.change_password(current_user, form.current.data, form.password.data, get_remote_address())
        except (services.AccountError, TooManyAttempts) as error:
            field = form.password if isinstance(error, services.WeakPassword) else form.current
            field.errors.append(str(error))
        else:
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
