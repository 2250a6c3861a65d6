/// Which area a notified death belongs to and whether this panel reviews it: children normally resident
/// in the panel's areas, or dying in them (Children Act 2004 s16M).
package struct ScopeAssessment: Hashable, Sendable {
    /// The case's area: where the child lived if in the panel's areas, else where the child died.
    package var areaCode: String?
    /// Whether the child normally lived in one of the panel's areas.
    package var residentInPanelArea: Bool
    /// Why the death is outside the panel's reviews, if it is.
    package var outOfScope: OutOfScopeReason?

    /// Assesses a validated notification.
    package init(_ notification: DeathNotification) {
        areaCode = notification.residenceAreaCode ?? notification.areaOfDeathCode
        residentInPanelArea = notification.residenceAreaCode != nil
        if !notification.death.birthStatus.isInScope {
            outOfScope = .notLiveBorn
        } else if areaCode == nil {
            outOfScope = .notInPanelArea
        } else {
            outOfScope = nil
        }
    }
}
