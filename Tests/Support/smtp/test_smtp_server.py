#!/usr/bin/env python3
"""A real SMTP server (aiosmtpd) for cdop's mail tests.

Listens on a free loopback port chosen by the kernel and prints "READY <port>" once it accepts connections.
Every accepted message is stored, byte for byte as received after DATA, in a Maildir; every event (connection,
accepted message, scripted refusal) is appended as one JSON line to an events file, so that tests can count
connections and see the envelope.

Options:
  --maildir DIR            where messages are stored (created if missing)
  --events FILE            JSON lines: {"event": "connect", "connection": n},
                           {"event": "message", "connection": n, "key": ..., "mail_from": ..., "rcpt_tos": [...],
                            "tls": bool, "authenticated": bool, "ehlo": name given in EHLO},
                           {"event": "refused", "connection": n, "stage": "RCPT", "code": 451}
  --tls-cert/--tls-key     require STARTTLS with this certificate (MAIL refused before it)
  --implicit-tls           speak TLS from the first byte (smtps://) with the certificate instead
  --auth                   require AUTH PLAIN/LOGIN as user "cdop-test", password "s3cret-test"
  --auth-without-tls       allow AUTH before STARTTLS (aiosmtpd refuses it by default)
  --reply STAGE:CODE[:N]   answer CODE to the first N commands of STAGE (MAIL, RCPT or DATA; N omitted: always)
  --silent                 accept TCP connections and never say anything (to test timeouts)
"""

import argparse
import asyncio
import json
import mailbox
import os
import signal
import ssl
import sys

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

TEST_USER = b"cdop-test"
TEST_PASSWORD = b"s3cret-test"

REPLY_TEXT = {
    421: "4.3.0 Service not available, closing channel",
    450: "4.2.0 Mailbox unavailable, try again later",
    451: "4.3.0 Requested action aborted: local error in processing",
    452: "4.3.1 Insufficient system storage",
    550: "5.1.1 Mailbox unavailable",
    552: "5.3.4 Message size exceeds fixed maximum",
    553: "5.1.3 Mailbox name not allowed",
    554: "5.7.1 Transaction failed",
}


class Events:
    def __init__(self, path):
        self.path = path

    def write(self, **event):
        if not self.path:
            return
        with open(self.path, "a", encoding="utf-8") as f:
            f.write(json.dumps(event) + "\n")
            f.flush()
            os.fsync(f.fileno())


class Script:
    """Scripted refusals: stage -> [code, remaining count or None for always]."""

    def __init__(self, specs):
        self.rules = {}
        for spec in specs:
            parts = spec.split(":")
            if len(parts) not in (2, 3) or parts[0].upper() not in ("MAIL", "RCPT", "DATA"):
                raise SystemExit(f"bad --reply {spec!r}: expected STAGE:CODE[:N] with STAGE in MAIL, RCPT, DATA")
            self.rules[parts[0].upper()] = [int(parts[1]), int(parts[2]) if len(parts) == 3 else None]

    def refusal(self, stage):
        rule = self.rules.get(stage)
        if rule is None:
            return None
        code, remaining = rule
        if remaining is not None:
            if remaining <= 0:
                return None
            rule[1] = remaining - 1
        return code


class Handler:
    def __init__(self, maildir, events, script):
        self.maildir = mailbox.Maildir(maildir, create=True)
        self.events = events
        self.script = script

    def _refuse(self, server, stage):
        code = self.script.refusal(stage)
        if code is None:
            return None
        self.events.write(event="refused", connection=server.cdop_connection, stage=stage, code=code)
        return f"{code} {REPLY_TEXT.get(code, 'Scripted refusal')}"

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        refusal = self._refuse(server, "MAIL")
        if refusal:
            return refusal
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        refusal = self._refuse(server, "RCPT")
        if refusal:
            return refusal
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        refusal = self._refuse(server, "DATA")
        if refusal:
            return refusal
        key = self.maildir.add(envelope.original_content)
        self.events.write(
            event="message",
            connection=server.cdop_connection,
            key=key,
            mail_from=envelope.mail_from,
            rcpt_tos=list(envelope.rcpt_tos),
            tls=session.ssl is not None or server.cdop_implicit_tls,
            authenticated=bool(session.authenticated),
            ehlo=session.host_name,
        )
        return "250 Message accepted for delivery"


def authenticator(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login == TEST_USER and auth_data.password == TEST_PASSWORD
    # handled=False: aiosmtpd then answers 535 itself (its default, handled=True, answers nothing).
    return AuthResult(success=ok, handled=False)


class CountingSMTP(SMTP):
    """Numbers each TCP connection (STARTTLS re-enters connection_made on the same connection)."""

    connections = 0
    events = None
    implicit_tls = False

    def connection_made(self, transport):
        if self._original_transport is None and getattr(self, "cdop_connection", None) is None:
            CountingSMTP.connections += 1
            self.cdop_connection = CountingSMTP.connections
            self.cdop_implicit_tls = CountingSMTP.implicit_tls
            CountingSMTP.events.write(event="connect", connection=self.cdop_connection)
        super().connection_made(transport)


class Silent(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport


async def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--maildir", required=True)
    parser.add_argument("--events")
    parser.add_argument("--tls-cert")
    parser.add_argument("--tls-key")
    parser.add_argument("--implicit-tls", action="store_true")
    parser.add_argument("--auth", action="store_true")
    parser.add_argument("--auth-without-tls", action="store_true")
    parser.add_argument("--reply", action="append", default=[])
    parser.add_argument("--silent", action="store_true")
    args = parser.parse_args()

    events = Events(args.events)
    loop = asyncio.get_running_loop()

    if args.silent:
        server = await loop.create_server(Silent, host="127.0.0.1", port=0)
    else:
        context = None
        if args.tls_cert:
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(args.tls_cert, args.tls_key)
        handler = Handler(args.maildir, events, Script(args.reply))
        CountingSMTP.events = events
        CountingSMTP.implicit_tls = bool(args.implicit_tls)
        starttls_context = None if args.implicit_tls else context

        def factory():
            return CountingSMTP(
                handler,
                hostname="localhost",
                decode_data=False,
                tls_context=starttls_context,
                require_starttls=starttls_context is not None,
                auth_required=args.auth,
                auth_require_tls=not args.auth_without_tls,
                authenticator=authenticator if args.auth else None,
            )

        server = await loop.create_server(
            factory, host="127.0.0.1", port=0, ssl=context if args.implicit_tls else None
        )

    port = server.sockets[0].getsockname()[1]
    print(f"READY {port}", flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    # A parent may start us with signals blocked (threads of a test runner often block them, and the mask is
    # inherited): unblock SIGTERM and SIGINT so that terminating the server works.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        sys.exit(0)
