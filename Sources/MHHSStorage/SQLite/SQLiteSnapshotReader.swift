import GRDB
import GRDBSQLite
import MHHSCore
import MHHSRegistration

/// The fast path of a GSP-group snapshot: steps the SQLite statement itself and hands the
/// builder integer-coded rows, so 2 M metering points cost no per-row allocation.
enum SQLiteSnapshotReader {
    static let sql = """
        SELECT mpan, effective_from, recorded_at, seq, mask, supplier, ds_role, ds_mpid, ldso, connection_type,
               market_segment, energy_direction, domestic, energisation, arrangement, llfc, profile_class, ssc,
               annual_consumption_wh, ms_role, ms_mpid
        FROM register_assertion
        WHERE gsp_group = ? AND effective_from <= ? AND recorded_at <= ?
        ORDER BY gsp_group, mpan
        """

    static func read(_ db: Database, group: GSPGroup, date: SettlementDate, instant: UTCInstant, expectedCount: Int) throws
        -> RegisterSnapshot
    {
        var builder = RegisterSnapshotBuilder(gspGroup: group, settlementDate: date, asKnownAt: instant, expectedCount: expectedCount)
        let statement = try db.makeStatement(sql: sql)
        try statement.setArguments([group.rawValue, date.dayNumber, instant.secondsSinceEpoch])
        let raw = statement.sqliteStatement
        defer { sqlite3_reset(raw) }
        let columns = SQLiteColumns(statement: raw)
        var participants = ShortTextCache()
        // One cache per code column: the same letter means different things in different columns.
        var codeCaches = [ShortTextCache](repeating: ShortTextCache(), count: 21)
        var llfClasses = ShortTextCache()
        var sscs = ShortTextCache()
        func participant(_ index: Int32) throws -> Int32 {
            try participants.code(columns.bytes(index)) { builder.participantIndex(try MPID($0)) }
        }
        func code<C: CodeValue>(_ index: Int32, _: C.Type) throws -> UInt8 where C.AllCases == [C] {
            let value = try codeCaches[Int(index)].code(columns.bytes(index)) { Int32(RegisterSnapshotBuilder.code(try C(code: $0))) }
            return value < 0 ? RegisterSnapshot.absent : UInt8(value)
        }
        while true {
            let status = sqlite3_step(raw)
            if status == SQLITE_DONE { break }
            guard status == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: status), message: "snapshot scan failed")
            }
            var row = SnapshotRow()
            row.mpan = columns.int64(0)
            row.effectiveFrom = Int32(columns.int64(1))
            row.recordedAt = columns.int64(2)
            row.sequence = columns.int64(3)
            row.mask = RegisterFact(rawValue: Int(columns.int64(4)))
            row.supplier = try participant(5)
            row.dataServiceRole = try code(6, AppointmentRole.self)
            row.dataService = try participant(7)
            row.distributor = try participant(8)
            row.connectionType = try code(9, ConnectionType.self)
            row.marketSegment = try code(10, MarketSegment.self)
            row.energyDirection = try code(11, EnergyDirection.self)
            row.domesticPremise = try code(12, DomesticPremiseIndicator.self)
            row.energisation = try code(13, EnergisationStatus.self)
            row.arrangement = try code(14, SettlementArrangement.self)
            row.llfClass = try llfClasses.code(columns.bytes(15)) { builder.llfClassIndex($0) }
            row.profileClass = columns.isNull(16) ? 0 : UInt8(clamping: columns.int64(16))
            row.standardSettlementConfiguration = try sscs.code(columns.bytes(17)) { builder.sscIndex($0) }
            row.annualConsumptionWh = columns.isNull(18) ? -1 : columns.int64(18)
            row.meteringServiceRole = try code(19, AppointmentRole.self)
            row.meteringService = try participant(20)
            builder.add(row)
        }
        return builder.finish()
    }
}
