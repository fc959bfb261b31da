import MHHSCore

/// A streaming parser for D0265 line-loss-factor files.
///
/// Feed it the file in chunks of any size (``consume(_:emit:)``), then call ``finish()``. It
/// emits one ``LLFDay`` per `SDT` group as soon as the group is complete and checks, as it
/// goes: the `ZHD` header names flow D0265001 from a distributor (role R); `DIS`, `LLF`,
/// `SDT`, `SPL` come in order; SPs run 1, 2, … and a day has exactly as many as its period
/// count (46/48/50); no class and date appear twice; the `ZPT` record count equals the number
/// of records in the file. The `ZPT` checksum is not verified: its algorithm is not public.
/// Any problem is a ``D0265Error`` naming the line.
public struct D0265Parser: Sendable {
    /// What the file's header says.
    public struct Header: Hashable, Sendable {
        public let flowVersion: String
        public let distributor: MPID
        public let recipientRole: String
        public let recipient: String
        public let createdAt: String
    }

    /// Totals of a parsed file.
    public struct Summary: Hashable, Sendable {
        public let header: Header
        public let records: Int
        public let days: Int
        public let llfClasses: Int
        public let firstDate: SettlementDate?
        public let lastDate: SettlementDate?
    }

    public private(set) var lineNumber = 0
    public private(set) var header: Header?
    private var carry: [UInt8] = []
    private var distributor: MPID?
    private var llfClass: String?
    private var day: SettlementDate?
    private var dayLine = 0
    private var dayPeriodCount = 0
    private var factors: [LineLossFactor] = []
    private var seen: Set<DayKey> = []
    private var classes: Set<String> = []
    private var firstDate: SettlementDate?
    private var lastDate: SettlementDate?
    private var trailerCount: Int?

    private struct DayKey: Hashable, Sendable {
        let distributor: String
        let llfClass: String
        let dayNumber: Int
    }

    public init() {
        factors.reserveCapacity(50)
    }

    /// Parses the complete lines in `chunk`, keeping a trailing partial line for the next call.
    public mutating func consume(
        _ chunk: UnsafeRawBufferPointer,
        emit: (LLFDay) throws -> Void
    ) throws {
        let bytes = chunk.bindMemory(to: UInt8.self)
        var start = 0
        var index = 0
        let count = bytes.count
        while index < count {
            if bytes[index] == UInt8(ascii: "\n") {
                if carry.isEmpty {
                    try line(UnsafeBufferPointer(rebasing: bytes[start..<index]), emit: emit)
                } else {
                    carry.append(contentsOf: bytes[start..<index])
                    let joined = carry
                    carry.removeAll(keepingCapacity: true)
                    try joined.withUnsafeBufferPointer { try line($0, emit: emit) }
                }
                start = index + 1
            }
            index += 1
        }
        if start < count { carry.append(contentsOf: bytes[start..<count]) }
    }

    /// Ends the file: a missing trailer or an incomplete last day is an error.
    public mutating func finish(emit: (LLFDay) throws -> Void) throws -> Summary {
        if !carry.isEmpty {
            // A last line without a line end is only acceptable as the trailer itself.
            let rest = carry
            carry.removeAll()
            guard rest.starts(with: Array("ZPT|".utf8)) else {
                throw D0265Error(
                    line: lineNumber + 1,
                    "the file is truncated: no ZPT trailer, and the last line '\(String(decoding: rest, as: UTF8.self))' is cut short")
            }
            try rest.withUnsafeBufferPointer { try line($0, emit: emit) }
        }
        guard let header else { throw D0265Error(line: nil, "the file is empty: no ZHD header") }
        guard trailerCount != nil else {
            throw D0265Error(line: lineNumber, "the file is truncated: no ZPT trailer after line \(lineNumber)")
        }
        return Summary(
            header: header, records: lineNumber, days: seen.count, llfClasses: classes.count,
            firstDate: firstDate, lastDate: lastDate)
    }

    private mutating func line(_ raw: UnsafeBufferPointer<UInt8>, emit: (LLFDay) throws -> Void) throws {
        var text = raw
        if let last = text.last, last == UInt8(ascii: "\r") { text = UnsafeBufferPointer(rebasing: text.dropLast()) }
        if trailerCount != nil {
            guard text.isEmpty else { throw D0265Error(line: lineNumber + 1, "data after the ZPT trailer") }
            return
        }
        lineNumber += 1
        guard text.count >= 4, text[3] == UInt8(ascii: "|") else {
            throw D0265Error(
                line: lineNumber, text.isEmpty ? "empty line" : "not a D0265 record: '\(String(decoding: text, as: UTF8.self))'")
        }
        let tag = (text[0], text[1], text[2])
        if tag == (UInt8(ascii: "S"), UInt8(ascii: "P"), UInt8(ascii: "L")) {
            try periodLine(UnsafeBufferPointer(rebasing: text[4...]))
            return
        }
        let fields = String(decoding: text, as: UTF8.self).split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        if header == nil, fields[0] != "ZHD" { throw D0265Error(line: lineNumber, "expected the ZHD header, found \(fields[0])") }
        switch fields[0] {
        case "ZHD": try headerLine(fields)
        case "DIS": try distributorLine(fields, emit: emit)
        case "LLF": try classLine(fields, emit: emit)
        case "SDT": try dateLine(fields, emit: emit)
        case "ZPT": try trailerLine(fields, emit: emit)
        default: throw D0265Error(line: lineNumber, "unknown record type '\(fields[0])'")
        }
    }

    private mutating func headerLine(_ fields: [String]) throws {
        guard header == nil else { throw D0265Error(line: lineNumber, "a second ZHD header") }
        guard fields.count >= 8 else { throw D0265Error(line: lineNumber, "ZHD has \(fields.count) fields; expected at least 8") }
        guard fields[2].hasPrefix("D0265") else {
            throw D0265Error(line: lineNumber, "flow '\(fields[2])' is not D0265")
        }
        guard fields[3] == "R" else { throw D0265Error(line: lineNumber, "sender role '\(fields[3])' is not R (distributor)") }
        let sender: MPID
        do { sender = try MPID(fields[4]) } catch { throw D0265Error(line: lineNumber, error.description) }
        header = Header(flowVersion: fields[2], distributor: sender, recipientRole: fields[5], recipient: fields[6], createdAt: fields[7])
    }

    private mutating func distributorLine(_ fields: [String], emit: (LLFDay) throws -> Void) throws {
        try flushDay(emit: emit)
        guard fields.count == 2 else { throw D0265Error(line: lineNumber, "DIS has \(fields.count) fields; expected 2") }
        do { distributor = try MPID(fields[1]) } catch { throw D0265Error(line: lineNumber, error.description) }
        llfClass = nil
    }

    private mutating func classLine(_ fields: [String], emit: (LLFDay) throws -> Void) throws {
        try flushDay(emit: emit)
        guard distributor != nil else { throw D0265Error(line: lineNumber, "LLF before any DIS record") }
        guard fields.count == 2, (1...3).contains(fields[1].count),
            fields[1].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        else { throw D0265Error(line: lineNumber, "LLF class must be 1–3 letters or digits") }
        llfClass = fields[1]
        classes.insert(fields[1])
    }

    private mutating func dateLine(_ fields: [String], emit: (LLFDay) throws -> Void) throws {
        try flushDay(emit: emit)
        guard let distributor, let llfClass else { throw D0265Error(line: lineNumber, "SDT before any LLF record") }
        guard fields.count == 2, fields[1].count == 8, let year = Int(fields[1].prefix(4)),
            let month = Int(fields[1].dropFirst(4).prefix(2)), let dayOfMonth = Int(fields[1].suffix(2))
        else { throw D0265Error(line: lineNumber, "SDT date must be YYYYMMDD") }
        let date: SettlementDate
        do { date = try SettlementDate(year: year, month: month, day: dayOfMonth) } catch {
            throw D0265Error(line: lineNumber, error.description)
        }
        guard seen.insert(DayKey(distributor: distributor.value, llfClass: llfClass, dayNumber: date.dayNumber)).inserted else {
            throw D0265Error(line: lineNumber, "class \(llfClass) has \(date) twice")
        }
        day = date
        dayLine = lineNumber
        dayPeriodCount = date.periodCount
        firstDate = min(firstDate ?? date, date)
        lastDate = max(lastDate ?? date, date)
    }

    private mutating func periodLine(_ rest: UnsafeBufferPointer<UInt8>) throws {
        guard let day else { throw D0265Error(line: lineNumber, "SPL before any SDT record") }
        var sp = 0
        var index = 0
        while index < rest.count, rest[index] != UInt8(ascii: "|") {
            let digit = rest[index] &- UInt8(ascii: "0")
            guard digit < 10, index < 2 else { throw D0265Error(line: lineNumber, "SPL period must be 1–2 digits") }
            sp = sp * 10 + Int(digit)
            index += 1
        }
        guard index > 0, index < rest.count else { throw D0265Error(line: lineNumber, "SPL must be SPL|<period>|<factor>") }
        guard sp == factors.count + 1 else {
            throw D0265Error(line: lineNumber, "SPL period \(sp) out of sequence: expected \(factors.count + 1)")
        }
        guard sp <= dayPeriodCount else {
            throw D0265Error(line: lineNumber, "SPL period \(sp) does not exist on \(day), which has \(dayPeriodCount) periods")
        }
        let factorBytes = rest[(index + 1)...]
        guard let factor = LineLossFactor.parse(factorBytes) else {
            throw D0265Error(
                line: lineNumber, "SPL factor '\(String(decoding: factorBytes, as: UTF8.self))' is not a decimal like 1.078")
        }
        factors.append(factor)
    }

    private mutating func trailerLine(_ fields: [String], emit: (LLFDay) throws -> Void) throws {
        try flushDay(emit: emit)
        guard fields.count == 3, let count = Int(fields[1]) else {
            throw D0265Error(line: lineNumber, "ZPT must be ZPT|<record count>|<checksum>")
        }
        guard count == lineNumber else {
            throw D0265Error(line: lineNumber, "ZPT record count \(count) does not match the \(lineNumber) records in the file")
        }
        trailerCount = count
    }

    private mutating func flushDay(emit: (LLFDay) throws -> Void) throws {
        guard let day, let distributor, let llfClass else { return }
        guard factors.count == dayPeriodCount else {
            throw D0265Error(
                line: dayLine, "\(llfClass) \(day) has \(factors.count) SPL records; the day has \(dayPeriodCount) periods")
        }
        try emit(LLFDay(distributor: distributor, llfClass: llfClass, date: day, factors: factors))
        factors.removeAll(keepingCapacity: true)
        self.day = nil
    }
}
