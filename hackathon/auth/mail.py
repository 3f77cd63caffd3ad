"""Sending e-mail through the SMTP server named in the environment (MAIL_SERVER and friends, see the
README); without one, as in development, each message is written to the log instead."""
import logging
import smtplib
import ssl
from email.message import EmailMessage

from flask import current_app

from ..extensions import socketio

log = logging.getLogger(__name__)


def send_later(to: str, subject: str, body: str) -> None:
    """Send a message without making the request wait (or its timing tell anything)."""
    config = dict(current_app.config)
    message = _message(config, to, subject, body)
    if not config.get("MAIL_SERVER"):
        log.info("E-mail not sent (MAIL_SERVER is unset); it would go to %s:\n%s", to, message)
        return
    socketio.start_background_task(_deliver, config, message)


def _message(config: dict, to: str, subject: str, body: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = config.get("MAIL_FROM") or "hackathon@localhost"
    message["To"], message["Subject"] = to, subject
    message.set_content(body)
    return message


def _deliver(config: dict, message: EmailMessage) -> None:
    try:
        smtp_class = smtplib.SMTP_SSL if config.get("MAIL_USE_SSL") else smtplib.SMTP
        with smtp_class(config["MAIL_SERVER"], config.get("MAIL_PORT") or 587, timeout=20) as smtp:
            if config.get("MAIL_USE_TLS") and not config.get("MAIL_USE_SSL"):
                smtp.starttls(context=ssl.create_default_context())
            if config.get("MAIL_USERNAME"):
                smtp.login(config["MAIL_USERNAME"], config.get("MAIL_PASSWORD") or "")
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException):
        log.exception("could not send e-mail to %s", message["To"])
