import Logging
import PostgresNIO

/// The PostgreSQL schema as numbered, append-only migrations (the same tables as SQLite's, in
/// PostgreSQL types). Each runs in a transaction under an advisory lock, so instances starting
/// together migrate once.
enum PostgresMigrations {
    static let migrations: [(version: String, sql: [String])] = [
        (
            "002-register",
            [
                "CREATE TABLE metering_point (mpan BIGINT PRIMARY KEY, gsp_group TEXT NOT NULL)",
                "CREATE TABLE register_sequence (id INT PRIMARY KEY CHECK (id = 1), last BIGINT NOT NULL)",
                "INSERT INTO register_sequence VALUES (1, 0)",
                """
                CREATE TABLE register_assertion (
                    gsp_group TEXT NOT NULL, mpan BIGINT NOT NULL, effective_from INT NOT NULL,
                    recorded_at BIGINT NOT NULL, seq BIGINT NOT NULL, mask INT NOT NULL,
                    supplier TEXT, ds_role TEXT, ds_mpid TEXT, ms_role TEXT, ms_mpid TEXT,
                    dc_role TEXT, dc_mpid TEXT, da_role TEXT, da_mpid TEXT,
                    connection_type TEXT, market_segment TEXT, energy_direction TEXT, domestic TEXT, energisation TEXT,
                    ldso TEXT, duos_tariff TEXT, llfc TEXT, arrangement TEXT,
                    profile_class INT, ssc TEXT, measurement_class TEXT,
                    annual_consumption_wh BIGINT, annual_consumption_quality TEXT, linked_mpan BIGINT,
                    source TEXT NOT NULL,
                    PRIMARY KEY (gsp_group, mpan, effective_from, recorded_at, seq)
                )
                """,
            ]
        ),
        (
            "003-register-address",
            [
                "ALTER TABLE register_assertion ADD COLUMN css_registration_id TEXT",
                "ALTER TABLE register_assertion ADD COLUMN address_postcode TEXT",
                "ALTER TABLE register_assertion ADD COLUMN address_lines TEXT",
            ]
        ),
        (
            "004-outbox",
            [
                """
                CREATE TABLE outbox (
                    seq BIGSERIAL PRIMARY KEY, recipient TEXT NOT NULL, recipient_role TEXT NOT NULL,
                    interface_id TEXT NOT NULL, event_code TEXT NOT NULL, mpan BIGINT, created_at BIGINT NOT NULL,
                    body TEXT NOT NULL
                )
                """
            ]
        ),
        (
            "005-appointment-request",
            [
                """
                CREATE TABLE appointment_request (
                    id TEXT PRIMARY KEY, mpan BIGINT NOT NULL, status TEXT NOT NULL, requested_at BIGINT NOT NULL, body TEXT NOT NULL
                )
                """,
                "CREATE INDEX appointment_request_by_mpan ON appointment_request (mpan)",
                "CREATE INDEX appointment_request_pending ON appointment_request (status, requested_at)",
            ]
        ),
        ("006-meter-details", ["ALTER TABLE register_assertion ADD COLUMN meter_details TEXT"]),
        (
            "007-participant",
            ["CREATE TABLE participant (dip_id TEXT PRIMARY KEY, mpid TEXT NOT NULL, role TEXT NOT NULL, UNIQUE (mpid, role))"]
        ),
        (
            "008-hub",
            [
                "ALTER TABLE participant ADD COLUMN api_key_hash TEXT, ADD COLUMN webhook_url TEXT, ADD COLUMN signing_key TEXT",
                "CREATE UNIQUE INDEX participant_by_key ON participant (api_key_hash) WHERE api_key_hash IS NOT NULL",
                "CREATE SEQUENCE hub_message_seq",
                """
                CREATE TABLE hub_message (
                    seq BIGINT PRIMARY KEY, transaction_id TEXT NOT NULL UNIQUE, interface_id TEXT NOT NULL,
                    event_code TEXT NOT NULL, sender TEXT NOT NULL, sender_reference TEXT NOT NULL, correlation_id TEXT,
                    mpan BIGINT, received_at BIGINT NOT NULL, body TEXT NOT NULL)
                """,
                "CREATE INDEX hub_message_by_time ON hub_message (received_at)",
                """
                CREATE TABLE hub_reference (
                    sender TEXT NOT NULL, sender_reference TEXT NOT NULL, seq BIGINT NOT NULL, received_at BIGINT NOT NULL,
                    PRIMARY KEY (sender, sender_reference))
                """,
                "CREATE INDEX hub_reference_by_age ON hub_reference (received_at)",
                """
                CREATE TABLE hub_delivery (
                    recipient TEXT NOT NULL, seq BIGINT NOT NULL, delivered_at BIGINT, attempts INT NOT NULL DEFAULT 0,
                    next_attempt_at BIGINT NOT NULL, last_error TEXT, PRIMARY KEY (recipient, seq))
                """,
                "CREATE INDEX hub_delivery_due ON hub_delivery (next_attempt_at, recipient) WHERE delivered_at IS NULL",
                "CREATE INDEX hub_delivery_by_message ON hub_delivery (seq)",
            ]
        ),
        ("009-hub-pending", ["CREATE INDEX hub_delivery_pending ON hub_delivery (recipient, seq) WHERE delivered_at IS NULL"]),
        ("010-hub-fewer-indexes", ["DROP INDEX hub_delivery_due"]),
        (
            "011-sp-data",
            [
                "CREATE TABLE sp_ingest (version BIGINT PRIMARY KEY, received_at BIGINT NOT NULL)",
                // Segments are stored whole (the same bytes as the embedded store's files),
                // partitioned by settlement month; partitions are made on first use.
                """
                CREATE TABLE sp_segment (
                    settlement_date INTEGER NOT NULL, gsp_group TEXT NOT NULL,
                    version BIGINT NOT NULL, rows INTEGER NOT NULL, received_at BIGINT NOT NULL,
                    sha256 TEXT NOT NULL, content BYTEA NOT NULL,
                    PRIMARY KEY (settlement_date, gsp_group, version)
                ) PARTITION BY RANGE (settlement_date)
                """,
                // Segments are already dense binary: compressing them again costs time for little.
                "ALTER TABLE sp_segment ALTER COLUMN content SET STORAGE EXTERNAL",
            ]
        ),
        (
            "012-settlement",
            [
                """
                CREATE TABLE gsp_group_take (
                    settlement_date INTEGER NOT NULL, gsp_group TEXT NOT NULL, sp INTEGER NOT NULL,
                    direction TEXT NOT NULL, recorded_at BIGINT NOT NULL, wh BIGINT NOT NULL,
                    PRIMARY KEY (settlement_date, gsp_group, sp, direction, recorded_at)
                )
                """,
                """
                CREATE TABLE settlement_run (
                    seq BIGSERIAL UNIQUE, id TEXT PRIMARY KEY, settlement_date INTEGER NOT NULL,
                    run_type TEXT NOT NULL, created_at BIGINT NOT NULL, manifest BYTEA NOT NULL
                )
                """,
                "CREATE INDEX settlement_run_by_date ON settlement_run (settlement_date, seq)",
                """
                CREATE TABLE settlement_run_file (
                    run_id TEXT NOT NULL REFERENCES settlement_run (id), name TEXT NOT NULL, content BYTEA NOT NULL,
                    PRIMARY KEY (run_id, name)
                )
                """,
            ]
        ),
        (
            "013-load-shapes",
            [
                """
                CREATE TABLE load_shape_run (
                    id TEXT PRIMARY KEY, utc_day INTEGER NOT NULL, run_number INTEGER NOT NULL, run_at BIGINT NOT NULL,
                    sp_data_version BIGINT NOT NULL, minimum_sample INTEGER NOT NULL, UNIQUE (utc_day, run_number)
                )
                """,
                """
                CREATE TABLE load_shape (
                    run_id TEXT NOT NULL REFERENCES load_shape_run (id), category TEXT NOT NULL, utc_day INTEGER NOT NULL,
                    period_values TEXT NOT NULL, flags TEXT NOT NULL, samples TEXT NOT NULL, totals TEXT NOT NULL,
                    PRIMARY KEY (run_id, category)
                )
                """,
            ]
        ),
        ("014-migration", MigrationSchema.statements),
        ("015-audit", AuditSchema.statements),
        ("016-standing-data", StandingDataSchema.statements),
        ("017-sessions", SessionSchema.statements),
        ("018-sp-catalog", SPCatalogSchema.statements),
    ]

    static func migrate(_ database: PostgresStore) async throws {
        try await database.transaction { connection in
            // One migrator at a time across every instance sharing the database.
            try await connection.query("SELECT pg_advisory_xact_lock(4242)", logger: database.logger)
            try await connection.query(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY)", logger: database.logger)
            var applied: Set<String> = []
            for try await version in try await connection.query("SELECT version FROM schema_migrations", logger: database.logger)
                .decode(String.self)
            {
                applied.insert(version)
            }
            for migration in migrations where !applied.contains(migration.version) {
                for statement in migration.sql {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: database.logger)
                }
                try await connection.query(
                    "INSERT INTO schema_migrations (version) VALUES (\(migration.version))", logger: database.logger)
            }
        }
    }
}
