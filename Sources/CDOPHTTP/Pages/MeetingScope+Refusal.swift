import CDOPApp
import HTTPTypes

extension MeetingScope {
    /// A change to the whole of a meeting by a user who does not cover every case on it.
    static var outsideAreas: Problem {
        Problem(
            status: .forbidden, code: "meeting.outsideYourAreas", title: "Not allowed",
            detail:
                "This meeting has cases from areas outside yours: only someone who covers all of them can change it. "
                + "You can list or remove your own areas' cases.")
    }
}
