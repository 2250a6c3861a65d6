import CDOPDomain

/// The terms a child's case is found by on `/cases`: every beginning of each of the child's names (forenames,
/// surname and aliases, each word of them, and the whole name run together), folded as the duplicate matcher
/// folds names. The read model keeps their tokens, never the names (`ReadModelSealing`); a search finds the
/// cases holding the token of every word it is given, or of its words run together, so `oli smi`, `Oliver
/// Smith-Jones` and `OLIVER smi` find Oliver Smith-Jones, and a word from the middle of a name finds nothing.
package enum ChildNameTerms {
    /// The terms of `name`, each once, in order (a rebuild writes the same column).
    package static func terms(of name: PersonName) -> [String] {
        let names = [name.forenames, name.surname, name.forenames + name.surname] + name.aliases
        var words: Set<String> = []
        for written in names {
            words.insert(NameNormaliser.fold(written))
            for part in written.split(whereSeparator: { $0.isWhitespace || $0 == "-" }) {
                words.insert(NameNormaliser.fold(String(part)))
            }
        }
        var terms: Set<String> = []
        for word in words where !word.isEmpty {
            var prefix = ""
            for character in word {
                prefix.append(character)
                terms.insert(prefix)
            }
        }
        return terms.sorted()
    }

    /// The words of what someone searched for, folded: each must be a term of the case's child.
    package static func words(of search: String) -> [String] {
        search.split(whereSeparator: { $0.isWhitespace || $0 == "-" }).map { NameNormaliser.fold(String($0)) }
            .filter { !$0.isEmpty }
    }
}
