import MHHSCore

/// One half hour's metered energy as the meter (or its head-end) reported it.
public struct IntervalRead: Sendable, Hashable {
    public var mpan: MPAN
    public var quantity: MeasurementQuantity
    /// The end of the half hour (IF-021's `sp`).
    public var end: UTCInstant
    public var energyWh: Int64
    /// The input line, for findings.
    public var line: Int
}

/// A cumulative register reading taken at a half-hour boundary.
public struct RegisterRead: Sendable, Hashable {
    public var mpan: MPAN
    public var quantity: MeasurementQuantity
    public var at: UTCInstant
    public var registerWh: Int64
    public var line: Int
}

/// What a data service is given to turn into SP consumption: the documented CSV
///
///     mpan,mq,kind,at,kwh
///     2000056535971,AI,interval,2026-11-02T00:30:00+00:00,0.412
///     2000056535971,AI,register,2026-11-02T00:00:00+00:00,10234.500
///
/// `kind` is `interval` (`at` is the end of the half hour, `kwh` its energy) or `register`
/// (`at` is when the register was read, on a half hour; `kwh` the register's cumulative value).
/// Times are DIP date-times with their offset, so the repeated local hour of the autumn clock
/// change is unambiguous (`01:30+01:00` and `01:30+00:00` are different instants).
public struct MeterReadings: Sendable {
    public var intervals: [IntervalRead] = []
    public var registers: [RegisterRead] = []

    public init(intervals: [IntervalRead] = [], registers: [RegisterRead] = []) {
        self.intervals = intervals
        self.registers = registers
    }

    /// Parses the CSV; any malformed line refuses the whole file (nothing is half-read).
    public init(csv text: String) throws(ReadingFileError) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().makeIterator()
        guard let (_, header) = lines.next(), header.trimmingSuffix() == "mpan,mq,kind,at,kwh" else {
            throw ReadingFileError(line: 1, reason: "the header must be mpan,mq,kind,at,kwh")
        }
        var seenIntervals: [String: Int] = [:]
        while let (index, raw) = lines.next() {
            let line = index + 1
            let text = raw.trimmingSuffix()
            if text.isEmpty { continue }
            let fields = text.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == 5 else { throw ReadingFileError(line: line, reason: "expected 5 fields, found \(fields.count)") }
            let mpan: MPAN
            do { mpan = try MPAN(fields[0]) } catch { throw ReadingFileError(line: line, reason: "mpan: \(error)") }
            guard let quantity = MeasurementQuantity(rawValue: String(fields[1])) else {
                throw ReadingFileError(line: line, reason: "mq: \(fields[1]) is not AI, AE, RI or RE")
            }
            let instant: UTCInstant
            do { instant = try DIPDateTime(fields[3]).instant } catch {
                throw ReadingFileError(line: line, reason: "at: \(error)")
            }
            guard instant.secondsSinceEpoch % settlementPeriodSeconds == 0 else {
                throw ReadingFileError(line: line, reason: "at: \(fields[3]) is not on a half hour")
            }
            let wattHours: Int64
            do { wattHours = try DecimalText.parse(fields[4], integerDigits: 12, fractionDigits: 3) } catch {
                throw ReadingFileError(line: line, reason: "kwh: \(error)")
            }
            switch fields[2] {
            case "interval":
                let key = "\(mpan)|\(quantity.rawValue)|\(instant.secondsSinceEpoch)"
                if let first = seenIntervals[key] {
                    throw ReadingFileError(
                        line: line, reason: "a second value for the half hour ending \(instant) (first on line \(first))")
                }
                seenIntervals[key] = line
                intervals.append(IntervalRead(mpan: mpan, quantity: quantity, end: instant, energyWh: wattHours, line: line))
            case "register":
                registers.append(RegisterRead(mpan: mpan, quantity: quantity, at: instant, registerWh: wattHours, line: line))
            default:
                throw ReadingFileError(line: line, reason: "kind: \(fields[2]) is not interval or register")
            }
        }
    }
}

public struct ReadingFileError: Error, Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var reason: String

    public var description: String { "line \(line): \(reason)" }
}

extension Substring {
    func trimmingSuffix() -> Substring {
        var text = self
        while let last = text.last, last == "\r" || last == " " { text.removeLast() }
        return text
    }
}
