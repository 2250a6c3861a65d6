"""Practitioner links in the .eml files the server's mail dispatcher spools."""

import email
import email.policy
import os
import re
from collections import namedtuple
from urllib.parse import urlsplit

# One link found in one email: who it was sent to, the whole URL, and its path (/forms/<token>).
FormLink = namedtuple("FormLink", "recipient url path file")

LINK = re.compile(r"https?://[^\s<>\"']+/forms/[A-Za-z0-9_\-]+")


def form_links(spool):
    """Every distinct /forms/ link in the spooled emails, oldest email first."""
    if not os.path.isdir(spool):
        return []
    files = [os.path.join(spool, name) for name in os.listdir(spool) if name.endswith(".eml")]
    files.sort(key=lambda path: (os.path.getmtime(path), path))
    links, seen = [], set()
    for path in files:
        with open(path, "rb") as handle:
            message = email.message_from_binary_file(handle, policy=email.policy.default)
        for url in LINK.findall(body_text(message)):
            if url not in seen:
                seen.add(url)
                links.append(FormLink(str(message.get("To", "")), url, urlsplit(url).path, path))
    return links


def body_text(message):
    """The decoded text of every text/plain and text/html part (quoted-printable or base64 undone)."""
    texts = []
    for part in message.walk():
        if part.get_content_maintype() == "text":
            try:
                texts.append(part.get_content())
            except (LookupError, UnicodeDecodeError):
                texts.append(part.get_payload(decode=True).decode("utf-8", "replace"))
    return "\n".join(texts)
