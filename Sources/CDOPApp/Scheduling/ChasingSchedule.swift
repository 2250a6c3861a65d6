import CDOPDomain

/// The chasing schedule each form type follows.
package enum ChasingSchedule {
    package static func reference(for type: FormType) -> ScheduleReference {
        type == .reporting
            ? ScheduleReference(id: "form-b-chasing", version: 1) : ScheduleReference(id: "supplementary-chasing", version: 1)
    }
}
