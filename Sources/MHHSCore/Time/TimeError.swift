/// Why a date, time or settlement period is not valid.
public enum TimeError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidDate(String)
    case yearOutOfRange(Int)
    case invalidDateTime(String, reason: String)
    case periodOutOfRange(Int)
    case periodNotInDay(period: Int, date: String, periodCount: Int)
    case notOnHalfHour(String)

    public var description: String {
        switch self {
        case .invalidDate(let text): "'\(text)' is not a valid date (YYYY-MM-DD)"
        case .yearOutOfRange(let year):
            "year \(year) is outside the supported range \(SettlementDate.supportedYears.lowerBound)–\(SettlementDate.supportedYears.upperBound)"
        case .invalidDateTime(let text, let reason): "'\(text)' is not a DIP date-time: \(reason)"
        case .periodOutOfRange(let period): "settlement period \(period) is outside 1–50"
        case .periodNotInDay(let period, let date, let count):
            "settlement period \(period) does not exist on \(date), which has \(count) periods"
        case .notOnHalfHour(let text): "'\(text)' is not on a half-hour boundary"
        }
    }
}
