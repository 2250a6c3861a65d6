import Foundation

extension MeetingInvitation {
    /// The same meeting moved to a new time: same UID, SEQUENCE one higher, so calendars update it in place.
    package func rescheduled(start: Date, end: Date, stamp: Date) -> MeetingInvitation {
        var next = self
        next.start = start
        next.end = end
        next.stamp = stamp
        next.sequence = sequence + 1
        return next
    }

    /// The same meeting called off: METHOD:CANCEL, STATUS:CANCELLED, SEQUENCE one higher (RFC 5546 section 3.2.5).
    package func cancelled(stamp: Date) -> MeetingInvitation {
        var next = self
        next.status = .cancelled
        next.stamp = stamp
        next.sequence = sequence + 1
        return next
    }
}
