import Foundation
import MHHSCore
import MHHSMigration

/// The migration tables, the same on SQLite and PostgreSQL (both take BIGINT and TEXT).
enum MigrationSchema {
    static let statements = [
        "CREATE TABLE migration_wave (id TEXT PRIMARY KEY, created_at BIGINT NOT NULL, definition TEXT NOT NULL)",
        """
        CREATE TABLE migration_item (
            wave TEXT NOT NULL REFERENCES migration_wave (id), mpan BIGINT NOT NULL, gsp_group TEXT NOT NULL,
            distributor TEXT NOT NULL, supplier TEXT NOT NULL, segment TEXT NOT NULL, annual_wh BIGINT NOT NULL,
            planned_date BIGINT NOT NULL, status TEXT NOT NULL, detail TEXT NOT NULL, updated_at BIGINT NOT NULL,
            PRIMARY KEY (wave, mpan)
        )
        """,
        "CREATE INDEX migration_item_due ON migration_item (status, planned_date, mpan)",
        "CREATE INDEX migration_item_mpan ON migration_item (mpan)",
        """
        CREATE TABLE legacy_closure (segment TEXT PRIMARY KEY, last_legacy_date BIGINT NOT NULL, closed_at BIGINT NOT NULL)
        """,
    ]

    static let itemColumns =
        "wave, mpan, gsp_group, distributor, supplier, segment, annual_wh, planned_date, status, detail, updated_at"
}

/// Converting waves and items to and from their columns.
enum MigrationRows {
    static func definition(_ wave: MigrationWave) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(wave), as: UTF8.self)
    }

    static func wave(_ definition: String) throws -> MigrationWave {
        try JSONDecoder().decode(MigrationWave.self, from: Data(definition.utf8))
    }

    typealias ItemColumns = (String, Int64, String, String, String, String, Int64, Int64, String, String, Int64)

    static func item(_ columns: ItemColumns) throws -> MigrationItem {
        MigrationItem(
            wave: columns.0, mpan: try MPAN(String(columns.1)), gspGroup: try GSPGroup(code: columns.2), distributor: try MPID(columns.3),
            supplier: try MPID(columns.4), segment: try MarketSegment(code: columns.5), annualWh: columns.6,
            plannedDate: SettlementDate(dayNumber: Int(columns.7)), status: try MigrationStatus(code: columns.8), detail: columns.9,
            updatedAt: UTCInstant(secondsSinceEpoch: columns.10))
    }

    static func closure(segment: String, lastLegacyDate: Int64, closedAt: Int64) throws -> LegacyClosure {
        LegacyClosure(
            segment: try MarketSegment(code: segment), lastLegacyDate: SettlementDate(dayNumber: Int(lastLegacyDate)),
            closedAt: UTCInstant(secondsSinceEpoch: closedAt))
    }

    /// Bookings per LDSO and day, from (LDSO, day, count) rows.
    static func booked(_ rows: [(String, Int64, Int64)]) throws -> [MPID: [SettlementDate: Int]] {
        var booked: [MPID: [SettlementDate: Int]] = [:]
        for (distributor, day, count) in rows {
            booked[try MPID(distributor), default: [:]][SettlementDate(dayNumber: Int(day))] = Int(count)
        }
        return booked
    }
}
