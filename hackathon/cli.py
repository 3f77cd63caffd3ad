"""`flask hackathon …` commands for operators."""
import click
from flask.cli import AppGroup

from .auth.forms import MIN_PASSWORD

hackathon_cli = AppGroup("hackathon", help="Run the hackathon platform.")


@hackathon_cli.command("create-admin")
@click.option("--email", prompt=True)
@click.option("--name", "display_name", prompt="Display name", default="Site admin")
@click.password_option()
def create_admin(email: str, display_name: str, password: str) -> None:
    """Create a site admin (or promote an existing account)."""
    from .auth.services import WeakPassword, make_site_admin

    if len(password) < MIN_PASSWORD:
        raise click.BadParameter(f"use at least {MIN_PASSWORD} characters", param_hint="password")
    try:
        user = make_site_admin(email, display_name, password)
    except WeakPassword as error:
        raise click.BadParameter(str(error), param_hint="password") from None
    click.echo(f"{user.email} is a site admin.")


@hackathon_cli.command("seed-demo")
@click.option("--if-empty", is_flag=True, help="Do nothing when the database already has accounts.")
def seed_demo(if_empty: bool) -> None:
    """Build a demo event that is live right now, and print its logins."""
    from .demo import DEMO_PASSWORD, DEMO_SLUG, JUDGING_SLUG, build_demo, has_data

    if if_empty and has_data():
        click.echo("The database already has data; demo not seeded (run without --if-empty to add it).")
        return
    logins = build_demo()
    click.echo(f"Demo events ready: /e/{DEMO_SLUG}/ is hacking now, /e/{JUDGING_SLUG}/ is being judged.")
    click.echo(f"Every demo account's password is: {DEMO_PASSWORD}")
    for role, email in logins:
        click.echo(f"  {role:<12} {email}")


@hackathon_cli.command("announce")
@click.argument("slug")
@click.argument("text")
@click.option("--level", type=click.Choice(["info", "warning", "urgent"]), default="info", show_default=True)
@click.option("--at", "publish_at", type=click.DateTime(["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]),
              help="Publish later, at this time in the event's time zone.")
def announce(slug: str, text: str, level: str, publish_at) -> None:
    """Post an announcement to every screen of an event (through the message queue when set)."""
    from .extensions import db
    from .live.services import AnnouncementError, post_announcement
    from .models import Event

    event = db.session.scalar(db.select(Event).where(Event.slug == slug))
    if event is None:
        raise click.BadParameter(f"there is no event “{slug}”", param_hint="SLUG")
    try:
        announcement = post_announcement(event, None, text, level,
                                         publish_at.replace(tzinfo=event.zone) if publish_at else None)
    except AnnouncementError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Announcement {announcement.id} {announcement.status} for {event.name}.")


@hackathon_cli.command("export")
@click.argument("slug")
@click.argument("file", type=click.Path(dir_okay=False, writable=True))
def export(slug: str, file: str) -> None:
    """Write one event (accounts' public data and roles, every row, uploaded files) to FILE, a zip."""
    from .backups import export_event
    from .extensions import db
    from .models import Event

    event = db.session.scalar(db.select(Event).where(Event.slug == slug))
    if event is None:
        raise click.BadParameter(f"there is no event “{slug}”", param_hint="SLUG")
    summary = export_event(event, file)
    click.echo(f"Exported {slug}: {summary.rows} rows, {summary.users} accounts, {summary.files} files to {file}.")
    for name in summary.missing_files:
        click.echo(f"Warning: {name} is missing from UPLOAD_FOLDER; the export records it as missing.", err=True)


@hackathon_cli.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
def import_(file: str) -> None:
    """Restore an event exported with `export` (from this or another deployment); refuses with a reason, writing nothing."""
    from .backups import ImportRefused, import_event

    try:
        summary = import_event(file)
    except ImportRefused as error:
        raise click.ClickException(f"Not imported: {error}") from None
    click.echo(f"Imported {summary.event.slug}: {summary.rows} rows, {summary.files} files; accounts: "
               f"{summary.users_created} created (no password yet), {summary.users_matched} already here.")
