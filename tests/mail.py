"""A real SMTP server on loopback (aiosmtpd), and what it received, as the recipients would read it."""

import email
import email.policy
import re
import time

from aiosmtpd.controller import Controller

from tests.ops.conftest import free_port


class Mailbox:
    """What the SMTP server received, read as the recipients' mail clients would."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
        return "250 Message accepted"

    def last_to(self, address, after=0, timeout=10.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            received = [m for m in self.messages[after:] if address in m["To"]]
            if received:
                return received[-1]
            time.sleep(0.05)
        raise AssertionError(f"no email to {address}")

    @staticmethod
    def text_of(message) -> str:
        return message.get_body(preferencelist=("plain",)).get_content()

    def code_sent_to(self, address, after) -> str:
        """The sign-in or sign-up code of the last e-mail to ``address`` since message ``after``."""
        text = self.text_of(self.last_to(address, after))
        return re.search(r"^\s*([A-Z0-9]{3,}(?:-[A-Z0-9]{3,})*)\s*$", text, re.MULTILINE).group(1)


def start_mailbox() -> tuple[Mailbox, Controller]:
    box = Mailbox()
    controller = Controller(box, hostname="127.0.0.1", port=free_port())
    controller.start()
    return box, controller
