import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation

extension Engine {
    /// The case a person means by `text` (id, CDOP reference or unambiguous prefix), or a clear error.
    package func resolveCase(_ text: String) throws(CommandError) -> CaseID {
        let result: Result<CaseID, ResolveFailure>
        do {
            result = try store.snapshot { db -> Result<CaseID, ResolveFailure> in
                let resolved = try CaseQueries.resolve(text, in: db)
                // A full id resolves without a lookup: it must still name a case that was notified.
                if case .success(let id) = resolved, try CaseQueries.summary(id, in: db) == nil {
                    return .failure(.notFound)
                }
                return resolved
            }
        } catch {
            throw .store(error)
        }
        switch result {
        case .success(let id): return id
        case .failure(.notFound): throw .notFound(kind: "case", reference: text)
        case .failure(.ambiguous(let count)): throw .ambiguous(kind: "case", reference: text, matches: count)
        }
    }
}
