import Foundation
import MHHSCore
import Testing

@testable import MHHSStandingData

@Suite("D0265 parser")
struct D0265ParserTests {
    static let autumn = try! SettlementDate("2026-10-25")
    static let spring = try! SettlementDate("2027-03-28")
    static let normal = try! SettlementDate("2026-11-02")

    /// Parses text in chunks of `chunkSize` bytes.
    static func parse(_ text: String, chunkSize: Int = 1 << 20) throws -> (D0265Parser.Summary, [LLFDay]) {
        var parser = D0265Parser()
        var days: [LLFDay] = []
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let end = min(offset + chunkSize, bytes.count)
            try bytes[offset..<end].withUnsafeBytes { try parser.consume($0) { days.append($0) } }
            offset = end
        }
        let summary = try parser.finish { days.append($0) }
        return (summary, days)
    }

    static func expectError(_ text: String, line: Int?, containing fragment: String) {
        do {
            _ = try parse(text)
            Issue.record("expected a D0265 error containing '\(fragment)'")
        } catch let error as D0265Error {
            #expect(error.line == line, "\(error)")
            #expect(error.message.contains(fragment), "\(error)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("clock-change days carry 46 and 50 factors, each in its place")
    func clockChangeDays() throws {
        let (summary, days) = try Self.parse(D0265Fixture.text(classes: ["1", "20A"], dates: [Self.autumn, Self.spring, Self.normal]))
        #expect(days.count == 6)
        #expect(summary.days == 6 && summary.llfClasses == 2)
        #expect(summary.header.distributor.value == "LOND")
        #expect(summary.firstDate == Self.autumn && summary.lastDate == Self.spring)
        let autumn = try #require(days.first { $0.date == Self.autumn && $0.llfClass == "20A" })
        #expect(autumn.factors.count == 50)
        #expect(try autumn.factor(for: SettlementPeriod(50)).description == "1.050")
        #expect(try autumn.factor(for: SettlementPeriod(7)).millionths == 1_007_000)
        #expect(days.first { $0.date == Self.spring }?.factors.count == 46)
    }

    @Test("any chunking gives the same result, LF or CRLF", arguments: [1, 2, 3, 7, 64, 4_096])
    func chunking(size: Int) throws {
        let text = D0265Fixture.text(dates: [Self.autumn, Self.normal], lineEnding: "\r\n")
        let (whole, wholeDays) = try Self.parse(text)
        let (chunked, chunkedDays) = try Self.parse(text, chunkSize: size)
        #expect(whole == chunked)
        #expect(wholeDays == chunkedDays)
    }

    @Test("a truncated file is rejected")
    func truncated() {
        let text = D0265Fixture.text(dates: [Self.normal])
        let cut = String(text.prefix(text.count - 30))
        Self.expectError(cut, line: 51, containing: "truncated: no ZPT trailer")
        let noTrailer = text.components(separatedBy: "\n").dropLast(2).joined(separator: "\n") + "\n"
        Self.expectError(noTrailer, line: 52, containing: "truncated: no ZPT trailer")
        Self.expectError("", line: nil, containing: "empty")
    }

    @Test("a wrong ZPT record count is rejected")
    func wrongCount() {
        Self.expectError(
            D0265Fixture.text(dates: [Self.normal], recordCountAdjustment: 1), line: 53, containing: "does not match the 53 records")
    }

    @Test("a day with too few periods is rejected at its SDT line")
    func missingPeriod() {
        let text = D0265Fixture.text(dates: [Self.autumn, Self.normal]).replacingOccurrences(of: "SPL|50|1.050\n", with: "")
        Self.expectError(text, line: 4, containing: "has 49 SPL records; the day has 50 periods")
    }

    @Test("periods out of sequence, SP 0, SP 49 on a 48-period day are rejected")
    func badPeriods() {
        let text = D0265Fixture.text(dates: [Self.normal])
        Self.expectError(text.replacingOccurrences(of: "SPL|1|", with: "SPL|0|"), line: 5, containing: "out of sequence")
        Self.expectError(text.replacingOccurrences(of: "SPL|2|", with: "SPL|3|"), line: 6, containing: "out of sequence")
        Self.expectError(
            text.replacingOccurrences(of: "SPL|48|1.048\n", with: "SPL|48|1.048\nSPL|49|1.049\n"), line: 53,
            containing: "does not exist on 2026-11-02")
    }

    @Test("malformed fields are rejected with their line")
    func malformedFields() {
        let text = D0265Fixture.text(dates: [Self.normal])
        Self.expectError(text.replacingOccurrences(of: "1.007", with: "1,007"), line: 11, containing: "not a decimal")
        Self.expectError(text.replacingOccurrences(of: "1.007", with: "1.0070000"), line: 11, containing: "not a decimal")
        Self.expectError(text.replacingOccurrences(of: "SDT|20261102", with: "SDT|20261131"), line: 4, containing: "not a valid date")
        Self.expectError(text.replacingOccurrences(of: "D0265001", with: "D0266001"), line: 1, containing: "is not D0265")
        Self.expectError(text.replacingOccurrences(of: "LLF|1\n", with: ""), line: 3, containing: "SDT before any LLF")
        Self.expectError(text.replacingOccurrences(of: "SPL|5|", with: "XYZ|5|"), line: 9, containing: "unknown record type")
        Self.expectError(text + "SPL|1|1.000\n", line: 54, containing: "data after the ZPT trailer")
    }

    @Test("the same class and date twice is rejected")
    func duplicateDay() {
        Self.expectError(D0265Fixture.text(dates: [Self.normal, Self.normal]), line: 53, containing: "twice")
    }

    @Test("factors parse exactly and print with the file's decimals")
    func factors() {
        #expect(LineLossFactor(text: "1.078")?.description == "1.078")
        #expect(LineLossFactor(text: "1.05")?.description == "1.05")
        #expect(LineLossFactor(text: "1.05")?.millionths == 1_050_000)
        #expect(LineLossFactor(text: "1")?.millionths == 1_000_000)
        #expect(LineLossFactor(text: "0.999999")?.scaled == 999_999)
        #expect(LineLossFactor(text: "1.") == nil)
        #expect(LineLossFactor(text: ".5") == nil)
        #expect(LineLossFactor(text: "1.2.3") == nil)
        #expect(LineLossFactor(text: "-1.0") == nil)
    }
}
