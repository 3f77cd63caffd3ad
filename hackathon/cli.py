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
    from .auth.services import make_site_admin

    if len(password) < MIN_PASSWORD:
        raise click.BadParameter(f"use at least {MIN_PASSWORD} characters", param_hint="password")
    user = make_site_admin(email, display_name, password)
    click.echo(f"{user.email} is a site admin.")


@hackathon_cli.command("seed-demo")
@click.option("--if-empty", is_flag=True, help="Do nothing when the database already has accounts.")
def seed_demo(if_empty: bool) -> None:
    """Build a demo event that is live right now, and print its logins."""
    from .demo import DEMO_PASSWORD, build_demo, has_data

    if if_empty and has_data():
        click.echo("The database already has data; demo not seeded (run without --if-empty to add it).")
        return
    logins = build_demo()
    click.echo(f"Demo event ready. Every demo account's password is: {DEMO_PASSWORD}")
    for role, email in logins:
        click.echo(f"  {role:<12} {email}")
