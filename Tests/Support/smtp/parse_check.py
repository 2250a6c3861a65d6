#!/usr/bin/env python3
"""Independent checks of what cdop sends, for the Swift tests: Python's own parsers, reported as JSON.

  parse_check.py eml FILE... [--dump-attachments DIR]
      Parses each message with email.message_from_bytes(policy=default) and prints a JSON list, one object per
      file: every defect the parser registered (on any part or header), raw-line facts (longest line in octets,
      bare CR or LF count, whether any octet is non-ASCII), decoded headers, the MIME structure, the decoded
      text/plain and text/html bodies (line endings as \n), each attachment (name, type, size, sha256; with
      --dump-attachments its decoded bytes are written to DIR/<index>-<filename>), and each calendar part parsed
      as by `ics`.

  parse_check.py ics FILE
      Parses an iCalendar file with the icalendar package and prints METHOD and, per VEVENT, UID, SEQUENCE,
      STATUS, DTSTART/DTEND in UTC (once through the TZID as the icalendar package resolves it, once through
      the VTIMEZONE block of the file itself), DTSTAMP, organizer, attendees with their parameters, and texts.
"""

import datetime
import email
import email.policy
import email.utils
import hashlib
import json
import os
import sys

import icalendar

UTC = datetime.timezone.utc


def iso_utc(value):
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            return value.strftime("%Y-%m-%dT%H:%M:%S") + " (floating)"
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return str(value)


def parse_ics(data):
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    cal = icalendar.Calendar.from_ical(text)
    block_tz = {}
    for component in cal.walk("VTIMEZONE"):
        block_tz[str(component["TZID"])] = component.to_tz(lookup_tzid=False)

    def via_block(prop):
        tzid = prop.params.get("TZID")
        if tzid is None or tzid not in block_tz:
            return None
        naive = prop.dt.replace(tzinfo=None)
        tz = block_tz[tzid]
        aware = tz.localize(naive) if hasattr(tz, "localize") else naive.replace(tzinfo=tz)
        return iso_utc(aware)

    def person(prop):
        params = prop.params
        return {
            "address": str(prop).removeprefix("mailto:").removeprefix("MAILTO:"),
            "cn": params.get("CN"),
            "role": params.get("ROLE"),
            "partstat": params.get("PARTSTAT"),
            "rsvp": params.get("RSVP"),
        }

    events = []
    for event in cal.walk("VEVENT"):
        attendees = event.get("ATTENDEE", [])
        if not isinstance(attendees, list):
            attendees = [attendees]
        events.append(
            {
                "uid": str(event.get("UID")),
                "sequence": int(event.get("SEQUENCE", 0)),
                "status": str(event.get("STATUS")) if event.get("STATUS") else None,
                "dtstart_utc": iso_utc(event.decoded("DTSTART")),
                "dtend_utc": iso_utc(event.decoded("DTEND")),
                "dtstart_utc_via_vtimezone": via_block(event["DTSTART"]),
                "dtend_utc_via_vtimezone": via_block(event["DTEND"]),
                "dtstart_tzid": event["DTSTART"].params.get("TZID"),
                "dtstamp_utc": iso_utc(event.decoded("DTSTAMP")),
                "summary": str(event.get("SUMMARY")) if event.get("SUMMARY") is not None else None,
                "description": str(event.get("DESCRIPTION")) if event.get("DESCRIPTION") is not None else None,
                "location": str(event.get("LOCATION")) if event.get("LOCATION") is not None else None,
                "url": str(event.get("URL")) if event.get("URL") is not None else None,
                "organizer": person(event["ORGANIZER"]) if "ORGANIZER" in event else None,
                "attendees": [person(a) for a in attendees],
            }
        )
    return {
        "method": str(cal.get("METHOD")) if cal.get("METHOD") else None,
        "timezones": sorted(block_tz),
        "events": events,
        "max_line_octets": max((len(line) for line in text.encode("utf-8").split(b"\r\n")), default=0),
        "crlf_only": text.replace("\r\n", "").find("\n") < 0 and text.replace("\r\n", "").find("\r") < 0,
    }


def mailboxes(message, name):
    values = message.get_all(name, [])
    result = []
    for value in values:
        for address in getattr(value, "addresses", ()):
            result.append({"name": address.display_name, "address": address.addr_spec})
    return result


def raw_facts(data):
    lines = data.split(b"\r\n")
    bare = sum(line.count(b"\n") + line.count(b"\r") for line in lines)
    return {
        "max_line_octets": max((len(line) for line in lines), default=0),
        "bare_line_endings": bare,
        "non_ascii_octets": any(b > 127 for b in data),
        "ends_with_crlf": data.endswith(b"\r\n"),
    }


def parse_eml(path, dump_dir):
    with open(path, "rb") as f:
        data = f.read()
    message = email.message_from_bytes(data, policy=email.policy.default)
    defects = []
    structure = []
    text = html = None
    attachments = []
    calendars = []
    for index, part in enumerate(message.walk()):
        content_type = part.get_content_type()
        structure.append(content_type)
        for defect in part.defects:
            defects.append(f"part {index} ({content_type}): {type(defect).__name__}: {defect}")
        for name, value in part.items():
            for defect in getattr(value, "defects", ()):
                defects.append(f"part {index} header {name}: {type(defect).__name__}: {defect}")
        if part.is_multipart():
            continue
        disposition = part.get_content_disposition()
        if disposition == "attachment":
            payload = part.get_payload(decode=True)
            item = {
                "filename": part.get_filename(),
                "content_type": content_type,
                "size": len(payload),
                "sha256": hashlib.sha256(payload).hexdigest(),
                "transfer_encoding": part.get("Content-Transfer-Encoding"),
            }
            if dump_dir:
                target = os.path.join(dump_dir, f"{len(attachments)}-{part.get_filename()}")
                with open(target, "wb") as out:
                    out.write(payload)
                item["dumped"] = target
            attachments.append(item)
            if content_type in ("application/ics", "text/calendar"):
                calendars.append({"source": "attachment", "method_param": part.get_param("method"),
                                  "ics": parse_ics(payload)})
        elif content_type == "text/plain" and text is None:
            text = part.get_content().replace("\r\n", "\n")
        elif content_type == "text/html" and html is None:
            html = part.get_content().replace("\r\n", "\n")
        elif content_type == "text/calendar":
            calendars.append({"source": "alternative", "method_param": part.get_param("method"),
                              "charset": part.get_content_charset(), "ics": parse_ics(part.get_payload(decode=True))})

    date = message["Date"]
    result = {
        "file": path,
        "defects": defects,
        **raw_facts(data),
        "header_names": list(message.keys()),
        "from": mailboxes(message, "From"),
        "to": mailboxes(message, "To"),
        "cc": mailboxes(message, "Cc"),
        "reply_to": mailboxes(message, "Reply-To"),
        "subject": str(message["Subject"]) if message["Subject"] is not None else None,
        "date_utc": iso_utc(date.datetime) if date is not None and date.datetime else None,
        "message_id": str(message["Message-ID"]) if message["Message-ID"] is not None else None,
        "mime_version": str(message["MIME-Version"]) if message["MIME-Version"] is not None else None,
        "structure": structure,
        "text": text,
        "html": html,
        "attachments": attachments,
        "calendars": calendars,
    }
    return result


def main(argv):
    if len(argv) >= 2 and argv[0] == "eml":
        dump_dir = None
        files = []
        rest = argv[1:]
        while rest:
            arg = rest.pop(0)
            if arg == "--dump-attachments":
                dump_dir = rest.pop(0)
            else:
                files.append(arg)
        json.dump([parse_eml(f, dump_dir) for f in files], sys.stdout, ensure_ascii=False)
    elif len(argv) == 2 and argv[0] == "ics":
        with open(argv[1], "rb") as f:
            json.dump(parse_ics(f.read()), sys.stdout, ensure_ascii=False)
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
