import GRDB

extension SQLiteMigrations {
    /// MDS, the VAS and runs (issue 5).
    static func registerSettlement(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("011-sp-data") { db in
            try db.execute(
                sql: """
                    CREATE TABLE sp_ingest (
                        version INTEGER PRIMARY KEY,
                        received_at INTEGER NOT NULL
                    );
                    CREATE TABLE sp_segment (
                        settlement_date INTEGER NOT NULL,
                        gsp_group TEXT NOT NULL,
                        version INTEGER NOT NULL REFERENCES sp_ingest (version),
                        rows INTEGER NOT NULL,
                        received_at INTEGER NOT NULL,
                        sha256 TEXT NOT NULL,
                        file TEXT NOT NULL,
                        PRIMARY KEY (settlement_date, gsp_group, version)
                    ) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("012-settlement") { db in
            try db.execute(
                sql: """
                    CREATE TABLE gsp_group_take (
                        settlement_date INTEGER NOT NULL,
                        gsp_group TEXT NOT NULL,
                        sp INTEGER NOT NULL,
                        direction TEXT NOT NULL,
                        recorded_at INTEGER NOT NULL,
                        wh INTEGER NOT NULL,
                        PRIMARY KEY (settlement_date, gsp_group, sp, direction, recorded_at)
                    ) WITHOUT ROWID;
                    CREATE TABLE settlement_run (
                        id TEXT PRIMARY KEY,
                        settlement_date INTEGER NOT NULL,
                        run_type TEXT NOT NULL,
                        created_at INTEGER NOT NULL,
                        manifest BLOB NOT NULL
                    );
                    CREATE INDEX settlement_run_by_date ON settlement_run (settlement_date, created_at);
                    CREATE TABLE settlement_run_file (
                        run_id TEXT NOT NULL REFERENCES settlement_run (id),
                        name TEXT NOT NULL,
                        content BLOB NOT NULL,
                        PRIMARY KEY (run_id, name)
                    ) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("013-load-shapes") { db in
            try db.execute(
                sql: """
                    CREATE TABLE load_shape_run (
                        id TEXT PRIMARY KEY,
                        utc_day INTEGER NOT NULL,
                        run_number INTEGER NOT NULL,
                        run_at INTEGER NOT NULL,
                        sp_data_version INTEGER NOT NULL,
                        minimum_sample INTEGER NOT NULL,
                        UNIQUE (utc_day, run_number)
                    );
                    CREATE TABLE load_shape (
                        run_id TEXT NOT NULL REFERENCES load_shape_run (id),
                        category TEXT NOT NULL,
                        utc_day INTEGER NOT NULL,
                        period_values TEXT NOT NULL,
                        flags TEXT NOT NULL,
                        samples TEXT NOT NULL,
                        totals TEXT NOT NULL,
                        PRIMARY KEY (run_id, category)
                    ) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("014-migration") { db in
            try db.execute(sql: MigrationSchema.statements.joined(separator: ";\n"))
        }
        migrator.registerMigration("015-audit") { db in
            try db.execute(sql: AuditSchema.statements.joined(separator: ";\n"))
        }
        migrator.registerMigration("016-sessions") { db in
            try db.execute(sql: SessionSchema.statements.joined(separator: ";\n"))
        }
        migrator.registerMigration("017-sp-catalog") { db in
            try db.execute(sql: SPCatalogSchema.statements.joined(separator: ";\n"))
        }
    }
}
