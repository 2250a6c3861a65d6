import CDOPStore

/// Every read model kept inline with the events, and the migrations that create their tables.
package enum ReadModels {
    package static let migrations: [SchemaMigration] = [
        CaseTables.migration, AgencyTables.migration, MeetingTables.migration, TimerTables.migration,
        TimerAttempts.migration, OutboxTables.migration, OutboxTables.attemptsMigration, UserTables.migration,
        PractitionerLinkTables.migration, ReportFactTables.migration, CaseTables.duplicateKeysByCaseMigration,
        CaseTables.sharedReferencesMigration, ReportFactTables.timelineMigration, CaseTables.externalReferenceMigration,
        CaseTables.searchMigration, NationalReturnTables.migration, NationalReturnQueueTables.migration,
        NationalReturnQueueTables.claimsMigration, CaseTables.erasureMigration, CaseTables.sealedColumnsMigration,
    ]

    /// Indexes that serve the pages and queries only: the projections' writes never need them (a test holds
    /// them to that), so a rebuild's scratch database, which is only written and compared, goes without them.
    package static let queryOnlyIndexes = [
        "case_summaries_by_stage", "form_requests_by_case", "form_requests_outstanding", "meeting_agenda_by_case",
        "meetings_by_start", "outbox_pending", "outbox_by_stream", "report_facts_by_notified",
        "report_facts_by_reviewed",
        "report_facts_outstanding", "timers_pending_by_due", "case_summaries_by_external_reference",
        "case_summaries_by_nhs_number", "ncmd_deliveries_pending", "case_summaries_awaiting_erasure",
    ]

    /// Indexes that only an update of rows already written needs (finding a case's stored duplicate keys and
    /// timers): a rebuild writes each case once, into empty tables (`fresh`), so its scratch goes without them.
    package static let updateOnlyIndexes = ["case_duplicate_keys_by_case", "timers_by_case"]

    package static let inlineProjections: [any InlineProjection] = [
        CaseTables.projection, AgencyTables.projection, MeetingTables.projection, UserTables.projection,
        NationalReturnLogTables.projection,
    ]

    /// Store options with the read models installed, sharing `cache` with the command handler.
    package static func storeOptions(
        _ base: EventStoreOptions = EventStoreOptions(), cache: StateCache? = nil
    ) -> EventStoreOptions {
        var options = base
        // Secrets and sessions live beside the read models (every opener must know their migrations) but are
        // never rebuilt from events: they are not in `migrations`, which the rebuild's scratch database runs;
        // nor is the storage probe's table, which holds nothing.
        options.migrations +=
            migrations + CredentialTables.migrations + [
                StorageProbe.migration, PrivacyKeyringTable.migration, RateLimitTable.migration,
            ]
        if let cache {
            options.inlineProjections += [
                CaseTables.projection.sharing(cache), AgencyTables.projection.sharing(cache),
                MeetingTables.projection.sharing(cache), UserTables.projection.sharing(cache),
                NationalReturnLogTables.projection.sharing(cache),
            ]
        } else {
            options.inlineProjections += inlineProjections
        }
        return options
    }
}
