import CDOPDefinitions
import CDOPPostgres
import CDOPPrivacy
import CDOPStore
import Foundation
import GRDB

/// A database's privacy step: its keys file, the catalogue of personal fields, and the check that the two files
/// belong together.
package enum PersonalDataProtection {
    /// The keys file kept beside a database when `CDOP_KEYS_DB` names none: `cdop.sqlite` -> `cdop-keys.sqlite`.
    package static func keysPath(besides databasePath: String) -> String {
        let url = URL(fileURLWithPath: databasePath)
        let stem = url.pathExtension.isEmpty ? url.lastPathComponent : url.deletingPathExtension().lastPathComponent
        return url.deletingLastPathComponent().appendingPathComponent(stem + "-keys.sqlite").path
    }

    /// `options` with personal fields sealed under the keys at `keysPath`, or in the PostgreSQL database at
    /// `keysURL` when given (`forms`: whose identifying answers).
    package static func storeOptions(
        _ options: EventStoreOptions, keysPath: String, keysURL: String? = nil, forms: [FormDefinition]
    ) throws(PrivacyError) -> EventStoreOptions {
        var options = options
        let keyring: SubjectKeyring
        if let keysURL {
            do {
                keyring = try SubjectKeyring(storage: PostgresKeyringStorage(url: keysURL))
            } catch let error as PrivacyError {
                throw error
            } catch {
                throw .keysUnavailable(path: Self.address(keysURL), reason: "\(error)")
            }
        } else {
            keyring = try SubjectKeyring(path: keysPath, powerLoss: options.durability == .powerLoss)
        }
        options.protection = FieldEncryption(catalogue: PersonalFields.catalogue(forms: forms), keyring: keyring)
        return options
    }

    /// A keys database's address without its password.
    private static func address(_ url: String) -> String {
        (try? PostgresAddress(url).description) ?? "the keys database"
    }

    /// The keyring of a store opened with `storeOptions`.
    package static func keyring(of store: any EventDatabase) -> SubjectKeyring? {
        (store.options.protection as? FieldEncryption)?.keyring
    }

    /// Records which keys file belongs with the store's database the first time they are opened together, and
    /// refuses a keys file that is not that one.
    package static func checkKeysBelong(_ store: any EventDatabase) throws {
        guard let keyring = keyring(of: store) else { return }
        let id = try keyring.id()
        let recorded = try store.writing { db -> String? in
            if let recorded = try db.value(String.self, "SELECT id FROM privacy_keyring") { return recorded }
            try db.execute("INSERT INTO privacy_keyring (id) VALUES (?)", id)
            return id
        }
        guard recorded == id else { throw PrivacyError.keysDoNotBelong(keys: keyring.path, database: store.location) }
    }
}
