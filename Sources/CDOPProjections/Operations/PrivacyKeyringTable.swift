import CDOPStore

/// The id of the keys file that belongs with the database, recorded the first time they are opened together
/// (`PersonalDataProtection.checkKeysBelong`). Made by a migration, so a server's role that may not make tables
/// (PostgreSQL's `cdop_app`) can open a database its owner has migrated.
package enum PrivacyKeyringTable {
    package static let migration = SchemaMigration("privacy.v1.keyring") { db in
        try db.execute("CREATE TABLE IF NOT EXISTS privacy_keyring (id TEXT NOT NULL)")
    }
}
