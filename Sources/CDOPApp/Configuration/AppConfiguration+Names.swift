extension AppConfiguration {
    /// Every setting cdop reads, by name; `Deploy/cdop.env.example` documents each (a test holds them equal).
    package static let settingNames: Set<String> = [
        "CDOP_CONFIG_FILE", "CDOP_DB", "CDOP_DEFINITIONS", "CDOP_HTTP_HOST", "CDOP_HTTP_PORT", "CDOP_BASE_URL",
        "CDOP_SMTP_URL", "CDOP_SMTP_USER", "CDOP_SMTP_PASSWORD", "CDOP_SMTP_CA_FILE", "CDOP_SMTP_STARTTLS",
        "CDOP_MAIL_FROM", "CDOP_SPOOL_DIR", "CDOP_COORDINATOR_NAME", "CDOP_COORDINATOR_EMAIL",
        "CDOP_DESIGNATED_DOCTOR_EMAIL", "CDOP_PANEL_CHAIR_EMAIL", "CDOP_LINK_DAYS", "CDOP_LINK_SECRET", "CDOP_DEMO",
        "CDOP_TICK_SECONDS", "CDOP_BCRYPT_COST", "CDOP_PANEL_NAME", "CDOP_PANEL_AREAS", "CDOP_METRICS_TOKEN",
        "CDOP_LOG_LEVEL",
        "CDOP_USER", "CDOP_TRUSTED_PROXIES", "CDOP_MIN_FREE_MB", "CDOP_LEGACY_SCALE_UNTIL",
    ]
}
