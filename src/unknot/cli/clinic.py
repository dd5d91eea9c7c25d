"""`unknot clinic create NAME --owner EMAIL`: a new clinic, and the one-time set-up link
for its owner (who then invites therapists, who invite their clients).
`unknot clinic reset-link EMAIL`: a one-time password reset link for any account.

Exit codes: 0 done, 1 the database cannot be reached, 2 a bad argument or setting.
"""

from __future__ import annotations

from typing import Annotated

import typer

from unknot.cli.app import app, fail, storage_errors

clinic_app = typer.Typer(help="Clinic mode (UNKNOT_MODE=clinic): set up a clinic.",
                         no_args_is_help=True)
app.add_typer(clinic_app, name="clinic")


@clinic_app.command("create")
def create(
    name: Annotated[str, typer.Argument(help="The clinic's name, as people will see it.")],
    owner: Annotated[str, typer.Option("--owner", help="The owner's e-mail address.")],
    timezone: Annotated[str, typer.Option(
        help="Where the clinic is: schedules and 'today' are read in this zone.")] = "UTC",
) -> None:
    """Make a clinic and print the owner's one-time set-up link."""
    from unknot.clinic.accounts import ClinicError, create_clinic
    from unknot.settings import get_settings
    from unknot.storage import open_store

    with storage_errors():
        settings = get_settings()
        if not settings.clinic:
            raise fail("this unknot is in personal mode: set UNKNOT_MODE=clinic (and "
                       "UNKNOT_DATABASE_URL for the clinic's PostgreSQL) first")
        with open_store(settings.effective_database_url) as store:
            try:
                _clinic_id, token = create_clinic(store, name, owner, timezone=timezone,
                                                  invite_days=settings.invite_days)
            except ClinicError as exc:
                raise fail(str(exc)) from exc
    typer.echo(f"Clinic “{' '.join(name.split())}” is ready.")
    typer.echo(f"Send this one-time set-up link to {owner.strip().lower()} (it expires in "
               f"{settings.invite_days} days):")
    typer.echo(f"{settings.base_url}/welcome/{token}")


@clinic_app.command("reset-link")
def reset_link(
    email: Annotated[str, typer.Argument(help="The e-mail address of the account.")],
) -> None:
    """Print a one-time password reset link for an account (e.g. the owner's); it
    expires after UNKNOT_RESET_HOURS and is written to the audit log."""
    from unknot.clinic.accounts import ClinicError
    from unknot.clinic.credentials import make_reset_link_for_email
    from unknot.settings import get_settings
    from unknot.storage import open_store

    with storage_errors():
        settings = get_settings()
        if not settings.clinic:
            raise fail("this unknot is in personal mode: set UNKNOT_MODE=clinic (and "
                       "UNKNOT_DATABASE_URL for the clinic's PostgreSQL) first")
        with open_store(settings.effective_database_url) as store:
            try:
                token, role = make_reset_link_for_email(store, email,
                                                        hours=settings.reset_hours)
            except ClinicError as exc:
                raise fail(str(exc)) from exc
    typer.echo(f"Send this one-time reset link to {email.strip().lower()} ({role}); it works "
               f"once and expires in {settings.reset_hours} hours:")
    typer.echo(f"{settings.base_url}/reset/{token}")
