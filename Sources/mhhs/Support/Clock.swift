import Foundation
import MHHSCore

/// The CLI's one place that reads the system clock; domain code takes instants as arguments.
enum SystemClock {
    static var now: UTCInstant { UTCInstant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970.rounded(.down))) }
}

/// Parses an instant option: a 25-character DIP date-time or a date (its UTC midnight).
func parseInstant(_ text: String) throws -> UTCInstant {
    if text.count == 10 { return UTCInstant(utcMidnightOfDay: try SettlementDate(text).dayNumber) }
    return try DIPDateTime(text).instant
}

/// The current time as a DIP date-time (UTC), for signatures.
enum DIPDateTimeNow {
    static var text: String { DIPDateTime(SystemClock.now).text }
}
