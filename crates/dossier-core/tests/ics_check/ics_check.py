#!/usr/bin/env python3
"""Reads calendars Dossier wrote with two parsers of its own, Python's
`icalendar` and `vobject`, and checks them against the instants expected.

    ics_check.py EXPECTED.json FILE.ics...

EXPECTED.json maps each file's name to its events, in the file's order:

    {"vienna.ics": [{"zone": "Europe/Vienna",
                     "start": "2024-06-12T08:00:00Z", "end": "2024-06-12T11:00:00Z",
                     "summary": "Item 1(a) Opening of the session"}]}

"zone" is the venue's IANA zone, or null when it is unknown: then, and only
then, the event's times must be floating (RFC 5545 form 1) and "start"/"end"
are local times ("2024-06-12T10:00:00"). A date ("2024-06-12") is an all-day
event. "start", "end" and "summary" may be left out; "end": null means none.

Instants are computed from the calendar's own VTIMEZONE by each parser, never
from the zone database by name. Prints every problem found and exits 1 if
there is any (2: wrong arguments, 3: the checker itself failed).
"""

import json
import os
import sys
from datetime import date, datetime, timezone

import icalendar
import vobject

DATE_TIME_PROPS = ("DTSTART", "DTEND")


def raw_problems(data):
    """Line-level rules (RFC 5545 §3.1), on the bytes as written."""
    out = []
    if not data.endswith(b"\r\n"):
        out.append("the file does not end with CRLF")
    lines = data.split(b"\r\n")
    if lines and lines[-1] == b"":
        lines.pop()
    for n, line in enumerate(lines, 1):
        if b"\n" in line or b"\r" in line:
            out.append(f"line {n}: a line break other than CRLF")
        if len(line) > 75:
            out.append(f"line {n}: {len(line)} octets (at most 75)")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            out.append(f"line {n}: not UTF-8 on its own (a fold split a character?)")
        if line == b"":
            out.append(f"line {n}: empty")
        elif line[:1] == b"\t":
            out.append(f"line {n}: a continuation line starts with a tab, not one space")
        elif line[:1] == b" " and n == 1:
            out.append("line 1: the file starts with a continuation line")
    return out


def utc_text(value):
    return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def shown(value):
    """An instant as UTC "…Z", a floating time as local, a date as a date."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return value.strftime("%Y-%m-%dT%H:%M:%S")
        return utc_text(value)
    if isinstance(value, date):
        return value.isoformat()
    return repr(value)


class Event:
    """What a parser read of one VEVENT: for DTSTART and DTEND, the value
    (an aware UTC datetime, a floating datetime or a date) and its TZID."""

    def __init__(self, uid, stamp, summary):
        self.uid, self.stamp, self.summary = uid, stamp, summary
        self.times = {}  # "DTSTART" -> (value, tzid or None, is UTC)


def read_icalendar(text):
    cal = icalendar.Calendar.from_ical(text)
    zones = {str(c["TZID"]): c.to_tz() for c in cal.walk("VTIMEZONE")}
    events = []
    for c in cal.walk("VEVENT"):
        stamp = c.get("DTSTAMP")
        e = Event(
            str(c["UID"]) if "UID" in c else None,
            stamp.dt if stamp is not None else None,
            str(c["SUMMARY"]) if "SUMMARY" in c else None,
        )
        for name in DATE_TIME_PROPS:
            prop = c.get(name)
            if prop is None:
                continue
            value, tzid = prop.dt, prop.params.get("TZID")
            is_utc = isinstance(value, datetime) and tzid is None and value.tzinfo is not None
            if isinstance(value, datetime) and tzid is not None:
                own = zones.get(str(tzid))
                local = value.replace(tzinfo=None)
                value = own.localize(local) if own else local
            e.times[name] = (value, str(tzid) if tzid else None, is_utc)
        events.append(e)
    return zones.keys(), events


def read_vobject(text):
    cal = vobject.readOne(text)
    zones = {}
    for vtz in getattr(cal, "vtimezone_list", []):
        zones[vtz.tzid.value] = vtz.gettzinfo()
    events = []
    for c in getattr(cal, "vevent_list", []):
        stamp = c.contents.get("dtstamp")
        uid = c.contents.get("uid")
        summary = c.contents.get("summary")
        e = Event(
            uid[0].value if uid else None,
            stamp[0].value if stamp else None,
            summary[0].value if summary else None,
        )
        for name in DATE_TIME_PROPS:
            found = c.contents.get(name.lower())
            if not found:
                continue
            prop = found[0]
            tzid = prop.params.get("X-VOBJ-ORIGINAL-TZID", prop.params.get("TZID", [None]))[0]
            value = prop.value
            is_utc = isinstance(value, datetime) and tzid is None and value.tzinfo is not None
            if isinstance(value, datetime) and tzid is not None:
                own = zones.get(tzid)
                local = value.replace(tzinfo=None)
                value = local.replace(tzinfo=own) if own else local
            e.times[name] = (value, tzid, is_utc)
        events.append(e)
    return zones.keys(), events


def parsed_problems(parser, zones, events, expected):
    out = []
    say = lambda what: out.append(f"{parser}: {what}")
    seen = {}
    for i, e in enumerate(events, 1):
        at = f"event {i} ({e.uid})"
        if not e.uid:
            say(f"event {i}: no UID")
        elif e.uid in seen:
            say(f"{at}: UID also used by event {seen[e.uid]}")
        else:
            seen[e.uid] = i
        if e.stamp is None:
            say(f"{at}: no DTSTAMP")
        elif not isinstance(e.stamp, datetime) or e.stamp.utcoffset() is None:
            say(f"{at}: DTSTAMP is not a UTC time")
        if "DTSTART" not in e.times:
            say(f"{at}: no DTSTART")
        want = expected[i - 1] if i <= len(expected) else None
        if want is None:
            say(f"{at}: not expected (the expected list has {len(expected)} events)")
            continue
        zone = want.get("zone")
        for name, (value, tzid, is_utc) in e.times.items():
            if tzid is not None and tzid not in zones:
                say(f"{at}: {name} uses TZID {tzid} but the calendar has no VTIMEZONE for it")
            if isinstance(value, datetime):
                floating = tzid is None and not is_utc
                if zone is None and not floating:
                    say(f"{at}: {name} has a zone ({tzid or 'UTC'}) but the venue's is unknown")
                if zone is not None and floating:
                    say(f"{at}: {name} is a floating time but the venue's zone {zone} is known")
                if zone is not None and tzid is not None and tzid != zone:
                    say(f"{at}: {name} is in {tzid}, the venue is in {zone}")
        for key, name in (("start", "DTSTART"), ("end", "DTEND")):
            if key not in want:
                continue
            got = shown(e.times[name][0]) if name in e.times else None
            if got != want[key]:
                say(f"{at}: {name} is {got}, expected {want[key]}")
        if "summary" in want and e.summary != want["summary"]:
            say(f"{at}: SUMMARY is {e.summary!r}, expected {want['summary']!r}")
    if len(events) < len(expected):
        say(f"{len(events)} events, expected {len(expected)}")
    return out


def check(path, expected):
    with open(path, "rb") as f:
        data = f.read()
    problems = raw_problems(data)
    text = data.decode("utf-8", errors="replace")
    for parser, read in (("icalendar", read_icalendar), ("vobject", read_vobject)):
        try:
            zones, events = read(text)
        except Exception as err:  # a parser refusing the file is a finding
            problems.append(f"{parser}: does not parse: {type(err).__name__}: {err}")
            continue
        problems += parsed_problems(parser, set(zones), events, expected)
    return problems


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        expected = json.load(f)
    bad = 0
    for path in argv[2:]:
        name = os.path.basename(path)
        if name not in expected:
            print(f"{name}: no expected events given")
            bad += 1
            continue
        problems = check(path, expected[name])
        for p in problems:
            print(f"{name}: {p}")
        bad += len(problems)
        if not problems:
            print(f"{name}: ok ({len(expected[name])} events, icalendar and vobject agree)")
    return 1 if bad else 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except Exception:  # the checker itself failing, not a finding: exit 3
        import traceback

        traceback.print_exc()
        sys.exit(3)
