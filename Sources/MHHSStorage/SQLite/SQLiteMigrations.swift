import GRDB

/// The embedded schema as numbered, append-only migrations: never edit a registered one, add
/// the next.
enum SQLiteMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("001-standing-data") { db in
            try db.execute(
                sql: """
                    CREATE TABLE mdd_import (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        version TEXT NOT NULL
                    );
                    CREATE TABLE mdd_gsp_group (id TEXT PRIMARY KEY, name TEXT NOT NULL);
                    CREATE TABLE mdd_participant (id TEXT PRIMARY KEY, name TEXT NOT NULL);
                    CREATE TABLE mdd_participant_role (
                        participant TEXT NOT NULL, role TEXT NOT NULL,
                        effective_from TEXT NOT NULL, effective_to TEXT,
                        distributor_short_code TEXT
                    );
                    CREATE INDEX mdd_participant_role_by_role ON mdd_participant_role (role, participant);
                    CREATE TABLE mdd_profile_class (
                        id INTEGER NOT NULL, description TEXT NOT NULL, switched_load INTEGER NOT NULL,
                        effective_from TEXT NOT NULL, effective_to TEXT,
                        PRIMARY KEY (id, effective_from)
                    );
                    CREATE TABLE mdd_ssc (
                        id TEXT NOT NULL, description TEXT NOT NULL, type TEXT NOT NULL,
                        effective_from TEXT NOT NULL, effective_to TEXT,
                        PRIMARY KEY (id, effective_from)
                    );
                    CREATE TABLE mdd_tpr (id TEXT PRIMARY KEY, teleswitch_or_clock TEXT NOT NULL, is_gmt INTEGER NOT NULL);
                    CREATE TABLE mdd_measurement_requirement (ssc TEXT NOT NULL, tpr TEXT NOT NULL);
                    CREATE INDEX mdd_measurement_requirement_by_ssc ON mdd_measurement_requirement (ssc);
                    CREATE TABLE mdd_clock_interval (
                        tpr TEXT NOT NULL, day_of_week INTEGER NOT NULL,
                        start_day INTEGER NOT NULL, start_month INTEGER NOT NULL,
                        end_day INTEGER NOT NULL, end_month INTEGER NOT NULL,
                        start_minute INTEGER NOT NULL, end_minute INTEGER NOT NULL
                    );
                    CREATE INDEX mdd_clock_interval_by_tpr ON mdd_clock_interval (tpr);
                    CREATE TABLE mdd_llf_class (
                        distributor TEXT NOT NULL, id TEXT NOT NULL, description TEXT NOT NULL,
                        ms_specific TEXT NOT NULL, effective_from TEXT NOT NULL, effective_to TEXT
                    );
                    CREATE INDEX mdd_llf_class_by_distributor ON mdd_llf_class (distributor, id);
                    -- One row per distributor × class × date; factors packed (see LLFBlob).
                    CREATE TABLE llf_day (
                        distributor TEXT NOT NULL,
                        llf_class TEXT NOT NULL,
                        settlement_date TEXT NOT NULL,
                        period_count INTEGER NOT NULL CHECK (period_count IN (46, 48, 50)),
                        factors BLOB NOT NULL,
                        PRIMARY KEY (distributor, llf_class, settlement_date)
                    ) WITHOUT ROWID;
                    CREATE TABLE llf_import (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        source TEXT NOT NULL,
                        days INTEGER NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("002-register") { db in
            try db.execute(
                sql: """
                    -- Every MPAN is bound to one GSP group; its assertions carry the group so a
                    -- group's register is one clustered range of register_assertion.
                    CREATE TABLE metering_point (
                        mpan INTEGER PRIMARY KEY,
                        gsp_group TEXT NOT NULL
                    );
                    CREATE TABLE register_sequence (id INTEGER PRIMARY KEY CHECK (id = 1), last INTEGER NOT NULL);
                    INSERT INTO register_sequence VALUES (1, 0);
                    -- Append-only: rows are never updated or deleted (see RegisterAssertion).
                    CREATE TABLE register_assertion (
                        gsp_group TEXT NOT NULL,
                        mpan INTEGER NOT NULL,
                        effective_from INTEGER NOT NULL,
                        recorded_at INTEGER NOT NULL,
                        seq INTEGER NOT NULL,
                        mask INTEGER NOT NULL,
                        supplier TEXT,
                        ds_role TEXT, ds_mpid TEXT,
                        ms_role TEXT, ms_mpid TEXT,
                        dc_role TEXT, dc_mpid TEXT,
                        da_role TEXT, da_mpid TEXT,
                        connection_type TEXT, market_segment TEXT, energy_direction TEXT,
                        domestic TEXT, energisation TEXT,
                        ldso TEXT, duos_tariff TEXT, llfc TEXT, arrangement TEXT,
                        profile_class INTEGER, ssc TEXT, measurement_class TEXT,
                        annual_consumption_wh INTEGER, annual_consumption_quality TEXT,
                        linked_mpan INTEGER,
                        source TEXT NOT NULL,
                        PRIMARY KEY (gsp_group, mpan, effective_from, recorded_at, seq)
                    ) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("003-register-address") { db in
            try db.execute(
                sql: """
                    ALTER TABLE register_assertion ADD COLUMN css_registration_id TEXT;
                    ALTER TABLE register_assertion ADD COLUMN address_postcode TEXT;
                    ALTER TABLE register_assertion ADD COLUMN address_lines TEXT;
                    """)
        }
        migrator.registerMigration("004-outbox") { db in
            try db.execute(
                sql: """
                    -- Messages a service has decided to send, written in the same transaction as the
                    -- change that caused them; the hub takes them in order.
                    CREATE TABLE outbox (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        recipient TEXT NOT NULL,
                        recipient_role TEXT NOT NULL,
                        interface_id TEXT NOT NULL,
                        event_code TEXT NOT NULL,
                        mpan INTEGER,
                        created_at INTEGER NOT NULL,
                        body TEXT NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("005-appointment-request") { db in
            try db.execute(
                sql: """
                    CREATE TABLE appointment_request (
                        id TEXT PRIMARY KEY,
                        mpan INTEGER NOT NULL,
                        status TEXT NOT NULL,
                        requested_at INTEGER NOT NULL,
                        body TEXT NOT NULL
                    );
                    CREATE INDEX appointment_request_by_mpan ON appointment_request (mpan);
                    CREATE INDEX appointment_request_pending ON appointment_request (status, requested_at);
                    """)
        }
        migrator.registerMigration("006-meter-details") { db in
            try db.execute(sql: "ALTER TABLE register_assertion ADD COLUMN meter_details TEXT")
        }
        migrator.registerMigration("007-participant") { db in
            try db.execute(
                sql: """
                    CREATE TABLE participant (
                        dip_id TEXT PRIMARY KEY,
                        mpid TEXT NOT NULL,
                        role TEXT NOT NULL,
                        UNIQUE (mpid, role)
                    );
                    """)
        }
        migrator.registerMigration("008-hub") { db in
            try db.execute(
                sql: """
                    -- Credentials: the SHA-256 of the API key, never the key; where to push; the
                    -- public key that signs the participant's calls, when it signs them.
                    ALTER TABLE participant ADD COLUMN api_key_hash TEXT;
                    ALTER TABLE participant ADD COLUMN webhook_url TEXT;
                    ALTER TABLE participant ADD COLUMN signing_key TEXT;
                    CREATE UNIQUE INDEX participant_by_key ON participant (api_key_hash) WHERE api_key_hash IS NOT NULL;

                    -- Every accepted message once, as published (A0 resolved, D0 stamped on delivery).
                    CREATE TABLE hub_message (
                        seq INTEGER PRIMARY KEY,
                        transaction_id TEXT NOT NULL UNIQUE,
                        interface_id TEXT NOT NULL,
                        event_code TEXT NOT NULL,
                        sender TEXT NOT NULL,
                        sender_reference TEXT NOT NULL,
                        correlation_id TEXT,
                        mpan INTEGER,
                        received_at INTEGER NOT NULL,
                        body BLOB NOT NULL
                    );
                    CREATE INDEX hub_message_by_time ON hub_message (received_at);

                    -- The idempotency window: (sender, reference) pairs younger than the window.
                    CREATE TABLE hub_reference (
                        sender TEXT NOT NULL,
                        sender_reference TEXT NOT NULL,
                        seq INTEGER NOT NULL,
                        received_at INTEGER NOT NULL,
                        PRIMARY KEY (sender, sender_reference)
                    ) WITHOUT ROWID;
                    CREATE INDEX hub_reference_by_age ON hub_reference (received_at);

                    -- One row per message per recipient: the recipient's queue.
                    CREATE TABLE hub_delivery (
                        recipient TEXT NOT NULL,
                        seq INTEGER NOT NULL,
                        delivered_at INTEGER,
                        attempts INTEGER NOT NULL DEFAULT 0,
                        next_attempt_at INTEGER NOT NULL,
                        last_error TEXT,
                        PRIMARY KEY (recipient, seq)
                    ) WITHOUT ROWID;
                    CREATE INDEX hub_delivery_due ON hub_delivery (next_attempt_at, recipient) WHERE delivered_at IS NULL;
                    CREATE INDEX hub_delivery_by_message ON hub_delivery (seq);
                    """)
        }
        migrator.registerMigration("009-hub-pending") { db in
            // Queue reads walk only what is undelivered, however long the history grows.
            try db.execute(sql: "CREATE INDEX hub_delivery_pending ON hub_delivery (recipient, seq) WHERE delivered_at IS NULL")
        }
        migrator.registerMigration("010-hub-fewer-indexes") { db in
            // Pushes now read each webhook participant's queue through hub_delivery_pending: one
            // index less to maintain on every delivery row.
            try db.execute(sql: "DROP INDEX hub_delivery_due")
        }
        registerSettlement(&migrator)
        return migrator
    }
}
