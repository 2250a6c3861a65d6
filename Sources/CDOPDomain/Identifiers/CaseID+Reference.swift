extension Identifier where Kind == CaseIdentity {
    /// The reference people use for a case: "CDOP-" and the first eight hex digits of its id, upper case. It is
    /// not unique (two ids may share eight digits): a lookup by reference treats it as a prefix of the id, and
    /// says when it names more than one case.
    package var reference: String {
        "CDOP-" + description.prefix(8).uppercased()
    }
}
