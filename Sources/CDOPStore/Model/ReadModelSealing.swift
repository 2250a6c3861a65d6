import GRDB

/// The SQL functions through which the read models write and read their personal columns, registered on every
/// connection to a database (the store's, and a rebuild's scratch files): with the store's protection they seal,
/// open and tokenise; without it each gives its argument back, and the columns hold the values as given.
/// - `cdop_seal(subject, text)`: `text` sealed under `subject`'s key;
/// - `cdop_open(stored)`: a column's value as it reads;
/// - `cdop_token(term)`: the term's search token;
/// - `cdop_tokens(terms)`: the tokens of space-separated terms, space-separated.
package enum ReadModelSealing {
    package static func register(in db: Database, protection: (any StoredDataProtection)?) {
        db.add(
            function: DatabaseFunction("cdop_seal", argumentCount: 2, pure: false) { values in
                guard let subject = String.fromDatabaseValue(values[0]), let text = String.fromDatabaseValue(values[1])
                else { return String?.none }
                return try protection?.sealColumn(text, subject: subject) ?? text
            })
        db.add(
            function: DatabaseFunction("cdop_open", argumentCount: 1, pure: false) { values in
                guard let stored = String.fromDatabaseValue(values[0]) else { return String?.none }
                return try protection?.openColumn(stored) ?? stored
            })
        db.add(
            function: DatabaseFunction("cdop_token", argumentCount: 1, pure: true) { values in
                guard let term = String.fromDatabaseValue(values[0]) else { return String?.none }
                return protection?.searchToken(term) ?? term
            })
        db.add(
            function: DatabaseFunction("cdop_tokens", argumentCount: 1, pure: true) { values in
                guard let terms = String.fromDatabaseValue(values[0]) else { return String?.none }
                return protection?.searchTokens(terms) ?? terms
            })
    }
}
