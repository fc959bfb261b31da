import Foundation
import GRDB
import MHHSCore
import MHHSSettlement

#if canImport(Glibc)
    import Glibc
#endif

/// The embedded SP-data store: each segment is an immutable file under
/// `<data>/sp/<date>/<group>/<version>.seg`, memory-mapped for the VAS scan; the SQLite index
/// (`sp_segment`) decides what exists.
///
/// An append writes its files under temporary names, flushes them to disk, renames them into
/// place and flushes the folders, and only then commits their index rows, all inside one
/// SQLite write transaction (which also hands out the version). A crash before the commit
/// leaves files that no index row names; they are never read and are removed on the next open.
public struct FileSPDataStore: SPDataStore {
    let database: SQLiteDatabase
    let root: URL

    public init(database: SQLiteDatabase, dataDirectory: URL) throws {
        self.database = database
        root = dataDirectory.appendingPathComponent("sp", isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try removeUnindexedFiles()
    }

    public func append(_ segments: [SPSegmentBuilder], receivedAt: UTCInstant) async throws -> SPIngestReceipt {
        let root = self.root
        // The commit that acknowledges an ingest is made durable (synchronous = FULL) for this
        // transaction only: with the default NORMAL a power cut could lose the index row, and
        // the next open would then delete the segment files as orphans.
        return try await database.pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            defer { try? db.execute(sql: "PRAGMA synchronous = NORMAL") }
            var receipt: SPIngestReceipt?
            try db.inTransaction(.immediate) {
                receipt = try Self.append(segments, receivedAt: receivedAt, db: db, root: root)
                return .commit
            }
            return receipt!
        }
    }

    /// Inside the write transaction: the next version, its files and index rows.
    private static func append(_ segments: [SPSegmentBuilder], receivedAt requested: UTCInstant, db: Database, root: URL) throws
        -> SPIngestReceipt
    {
        let version = (try Int64.fetchOne(db, sql: "SELECT MAX(version) FROM sp_ingest") ?? 0) + 1
        // Versions and receipt times rise together, so "received by T" is "version ≤ V": an
        // ingest claiming an earlier time than the last one is recorded at the last one's.
        let latest = try Int64.fetchOne(db, sql: "SELECT MAX(received_at) FROM sp_ingest") ?? Int64.min
        let receivedAt = UTCInstant(secondsSinceEpoch: max(requested.secondsSinceEpoch, latest))
        try db.execute(
            sql: "INSERT INTO sp_ingest (version, received_at) VALUES (?, ?)", arguments: [version, receivedAt.secondsSinceEpoch])
        var records: [SPSegmentRecord] = []
        var written: [(temporary: URL, final: URL)] = []
        do {
            for builder in segments where !builder.isEmpty {
                let bytes = builder.bytes(stampingVersion: version)
                let digest = Array(bytes.suffix(SPSegmentLayout.trailerSize)).hexString
                let relative = Self.relativePath(builder.settlementDate, builder.gspGroup, version)
                let final = root.appendingPathComponent(relative)
                let temporary = final.deletingLastPathComponent().appendingPathComponent(".\(version).tmp")
                try FileManager.default.createDirectory(at: final.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Self.writeDurably(bytes, to: temporary)
                written.append((temporary, final))
                let record = SPSegmentRecord(
                    settlementDate: builder.settlementDate, gspGroup: builder.gspGroup, version: version,
                    rows: builder.rowCount, receivedAt: receivedAt, sha256: digest)
                try db.execute(
                    sql: """
                        INSERT INTO sp_segment (settlement_date, gsp_group, version, rows, received_at, sha256, file)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        builder.settlementDate.dayNumber, builder.gspGroup.rawValue, version, builder.rowCount,
                        receivedAt.secondsSinceEpoch, digest, relative,
                    ])
                records.append(record)
            }
            for file in written {
                guard rename(file.temporary.path, file.final.path) == 0 else { throw POSIXError.current("rename") }
            }
            for folder in Set(written.map { $0.final.deletingLastPathComponent().path }) { try Self.syncFolder(folder) }
        } catch {
            for file in written {
                unlink(file.temporary.path)
                unlink(file.final.path)
            }
            throw error
        }
        return SPIngestReceipt(version: version, receivedAt: receivedAt, segments: records)
    }

    public func segmentRecords(of date: SettlementDate, group: GSPGroup, upToVersion version: Int64) async throws -> [SPSegmentRecord] {
        try await Self.records(in: "sp_segment", of: date, group: group, upToVersion: version, database: database)
    }

    /// The segment records of `table` (this store's, or the ClickHouse catalog's, which has the
    /// same columns) for a date and group at or below `version`, oldest first.
    static func records(
        in table: String, of date: SettlementDate, group: GSPGroup, upToVersion version: Int64, database: SQLiteDatabase
    ) async throws -> [SPSegmentRecord] {
        try await database.pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT version, rows, received_at, sha256 FROM \(table)
                    WHERE settlement_date = ? AND gsp_group = ? AND version <= ? ORDER BY version
                    """,
                arguments: [date.dayNumber, group.rawValue, version]
            ).map { row in
                SPSegmentRecord(
                    settlementDate: date, gspGroup: group, version: row[0], rows: row[1],
                    receivedAt: UTCInstant(secondsSinceEpoch: row[2]), sha256: row[3])
            }
        }
    }

    public func segments(of date: SettlementDate, group: GSPGroup, upToVersion version: Int64) async throws -> [SPSegment] {
        try await segmentRecords(of: date, group: group, upToVersion: version).map { record in
            try MappedFile.segment(at: root.appendingPathComponent(Self.relativePath(date, group, record.version)).path)
        }
    }

    public func latestVersion(receivedAtOrBefore instant: UTCInstant) async throws -> Int64 {
        try await database.pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT MAX(version) FROM sp_ingest WHERE received_at <= ?", arguments: [instant.secondsSinceEpoch])
                ?? 0
        }
    }

    static func relativePath(_ date: SettlementDate, _ group: GSPGroup, _ version: Int64) -> String {
        "\(date)/\(group.rawValue)/\(version).seg"
    }

    /// Deletes segment files no index row names (left by a crash before an append committed).
    /// Holds the write lock, so no append is half-way through meanwhile.
    private func removeUnindexedFiles() throws {
        let root = self.root
        try database.pool.write { db in
            let indexed = Set(try String.fetchAll(db, sql: "SELECT file FROM sp_segment"))
            guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return }
            for case let url as URL in walker where url.pathExtension == "seg" || url.pathExtension == "tmp" {
                let relative = String(url.path.dropFirst(root.path.count + 1))
                if !indexed.contains(relative) { unlink(url.path) }
            }
        }
    }

    private static func writeDurably(_ bytes: [UInt8], to url: URL) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw POSIXError.current("open \(url.path)") }
        defer { close(descriptor) }
        var offset = 0
        try bytes.withUnsafeBytes { raw in
            while offset < raw.count {
                let count = write(descriptor, raw.baseAddress! + offset, min(raw.count - offset, 1 << 30))
                guard count > 0 else { throw POSIXError.current("write \(url.path)") }
                offset += count
            }
        }
        guard fsync(descriptor) == 0 else { throw POSIXError.current("fsync \(url.path)") }
    }

    private static func syncFolder(_ path: String) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw POSIXError.current("open \(path)") }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw POSIXError.current("fsync \(path)") }
    }
}

extension POSIXError {
    static func current(_ what: String) -> any Error {
        NSError(
            domain: NSPOSIXErrorDomain, code: Int(errno),
            userInfo: [NSLocalizedDescriptionKey: "\(what): \(String(cString: strerror(errno)))"])
    }
}
