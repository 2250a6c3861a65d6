/// The VTIMEZONE component for Europe/London, matching `EuropeLondon`: BST from 01:00 GMT on the last Sunday
/// of March, GMT again from 02:00 BST (01:00 UTC) on the last Sunday of October. The DTSTART of each
/// observance is local time before the change, as RFC 5545 section 3.6.5 requires.
enum EuropeLondonVTimezone {
    static let lines = [
        "BEGIN:VTIMEZONE",
        "TZID:Europe/London",
        "BEGIN:DAYLIGHT",
        "TZOFFSETFROM:+0000",
        "TZOFFSETTO:+0100",
        "TZNAME:BST",
        "DTSTART:19810329T010000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0000",
        "TZNAME:GMT",
        "DTSTART:19961027T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "END:STANDARD",
        "END:VTIMEZONE",
    ]
}
