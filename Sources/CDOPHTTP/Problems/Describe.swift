/// What went wrong, in the words of the error itself (CommandError, DomainError and FieldErrors speak for
/// themselves), never a type dump.
func describe(_ error: any Error) -> String {
    (error as? any CustomStringConvertible)?.description ?? "The request could not be completed."
}
