import MHHSCore
import MHHSMessages

extension IF021MessageReader {
    /// One `settlementDayConsumptionPeriods` entry (B901).
    mutating func day(_ cursor: inout JSONCursor) throws(IF021ReadError) -> ConsumptionDay {
        var day: UTCInstant?
        var duration: Int?
        var periods: [ConsumptionPeriod]?
        try object(&cursor, "") { (reader, key, cursor) throws(IF021ReadError) in
            if key.equals("settlementDay") {
                try reader.object(&cursor, "settlementDay") { (reader, key, cursor) throws(IF021ReadError) in
                    if key.equals("settlementDayDate") {
                        let text = try reader.text(&cursor, "settlementDayDate")
                        switch Result(catching: { () throws(TimeError) in try DIPDateTime(text) }) {
                        case .success(let value): day = value.instant
                        case .failure(let error): throw reader.content("settlementDayDate", error.description)
                        }
                    } else if key.equals("periodDuration") {
                        guard cursor.peek().map({ $0 &- UInt8(ascii: "0") < 10 }) == true else {
                            throw reader.content("periodDuration", "must be a whole number of minutes")
                        }
                        duration = try reader.syntax { () throws(JSONParser.Failure) in try cursor.unsignedInteger() }
                    } else {
                        return false
                    }
                    return true
                }
            } else if key.equals("consumptionPeriods") {
                periods = try reader.periods(&cursor)
            } else {
                return false
            }
            return true
        }
        guard let day else { throw content("settlementDay.settlementDayDate", "is required") }
        guard let duration else { throw content("settlementDay.periodDuration", "is required") }
        guard let periods, !periods.isEmpty else { throw content("consumptionPeriods", "needs at least one period") }
        return ConsumptionDay(dayStart: day, periodDuration: duration, periods: periods)
    }

    /// The `consumptionPeriods` array (B047 items). The hot loop of ingest: no allocation
    /// per period beyond the array's growth.
    private mutating func periods(_ cursor: inout JSONCursor) throws(IF021ReadError) -> [ConsumptionPeriod] {
        try syntax { () throws(JSONParser.Failure) in try cursor.beginArray() }
        var periods: [ConsumptionPeriod] = []
        periods.reserveCapacity(48)
        var index = 0
        while try syntax({ () throws(JSONParser.Failure) in try cursor.nextElement() }) {
            path.append(.element("consumptionPeriods", index))
            periods.append(try period(&cursor))
            path.removeLast()
            index += 1
        }
        return periods
    }

    private mutating func period(_ cursor: inout JSONCursor) throws(IF021ReadError) -> ConsumptionPeriod {
        var end: UTCInstant?
        var energy: Int64?
        var quality: QualityCode?
        var reason: UInt8 = 0
        var sawReason = false
        try object(&cursor, "") { (reader, key, cursor) throws(IF021ReadError) in
            guard key.count <= 3 else { return false }
            switch key.first {
            case UInt8(ascii: "s") where key.equals("sp"):
                let bytes = try reader.rawText(&cursor, "sp")
                guard let instant = DIPDateTime.instant(bytes: bytes) else {
                    throw reader.content("sp", "not a date-time YYYY-MM-DDThh:mm:ss±hh:mm: \(String(decoding: bytes, as: UTF8.self))")
                }
                end = instant
            case UInt8(ascii: "v") where key.count == 1:
                let bytes = try reader.rawText(&cursor, "v")
                guard let value = Energy.watthours(kilowatthourBytes: bytes) else {
                    throw reader.content("v", "not a kWh value with three decimals: \(String(decoding: bytes, as: UTF8.self))")
                }
                energy = value
            case UInt8(ascii: "q") where key.count == 1:
                let bytes = try reader.rawText(&cursor, "q")
                guard let code = QualityCode(bytes: bytes) else {
                    throw reader.content("q", "unknown quality indicator \(String(decoding: bytes, as: UTF8.self))")
                }
                quality = code
            case UInt8(ascii: "e") where key.count == 1:
                sawReason = true
                if !cursor.consumeNull() {
                    let bytes = try reader.rawText(&cursor, "e")
                    guard let code = Self.reasonCode(bytes) else {
                        throw reader.content("e", "estimation reason must be 1–10: \(String(decoding: bytes, as: UTF8.self))")
                    }
                    reason = code
                }
            default:
                return false
            }
            return true
        }
        guard let end else { throw content("sp", "is required") }
        guard let energy else { throw content("v", "is required") }
        guard let quality else { throw content("q", "is required") }
        guard sawReason else { throw content("e", "is required (null when there is no reason)") }
        return ConsumptionPeriod(end: end, energyWh: energy, quality: quality, estimationReason: reason)
    }

    /// A string's bytes (no escapes allowed: the formats read this way have none).
    private mutating func rawText(_ cursor: inout JSONCursor, _ field: String) throws(IF021ReadError) -> UnsafeBufferPointer<UInt8> {
        guard cursor.peek() == UInt8(ascii: "\"") else { throw content(field, "must be a string") }
        return try syntax { () throws(JSONParser.Failure) in try cursor.rawString() }
    }

    private static func reasonCode(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8? {
        var value = 0
        for byte in bytes {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        guard (1...2).contains(bytes.count), (1...10).contains(value), bytes[0] != UInt8(ascii: "0") else { return nil }
        return UInt8(value)
    }
}
