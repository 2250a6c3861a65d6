import CDOPDomain

/// The chasing schedule each form type follows: Form B the form-b-chasing schedule, supplementary forms
/// supplementary-chasing (both version 1).
package enum ChasingSchedule {
    package static func reference(for type: FormType) -> ScheduleReference {
        type == .reporting
            ? ScheduleReference(id: "form-b-chasing", version: 1)
            : ScheduleReference(id: "supplementary-chasing", version: 1)
    }
}
