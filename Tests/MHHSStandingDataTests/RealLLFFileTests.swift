import Foundation
import MHHSCore
import MHHSTestSupport
import Testing
import ZIPFoundation

@testable import MHHSStandingData

@Suite(
    "The real LOND 2026 D0265 file",
    .enabled(if: ReferenceData.has("llf/llflond20260401ptf.zip"), Comment(rawValue: ReferenceData.missingMessage)))
struct RealLLFFileTests {
    static var zip: URL { ReferenceData.path("llf/llflond20260401ptf.zip")! }

    /// The factors of one class and date read with plain string handling, independent of the parser.
    static func factorsByHand(in text: Substring, llfClass: String, date: String) -> [String] {
        let classStart = text.range(of: "\nLLF|\(llfClass)\n")!.upperBound
        let dayStart = text[classStart...].range(of: "SDT|\(date)\n")!.upperBound
        return text[dayStart...].split(separator: "\n").prefix { $0.hasPrefix("SPL|") }.map { String($0.split(separator: "|")[2]) }
    }

    @Test("imports whole, and the clock-change days match the file")
    func importsAndMatches() throws {
        var days: [String: LLFDay] = [:]
        var lastProgress: D0265Reader.Progress?
        let summary = try D0265Reader.read(Self.zip, progress: { lastProgress = $0 }) { day in
            if day.llfClass == "1" { days[day.date.description] = day }
        }
        #expect(summary.records == 2_969_079)
        #expect(summary.llfClasses == 166)
        #expect(summary.days == 60_590)
        #expect(summary.header.distributor.value == "LOND")
        #expect(summary.firstDate?.description == "2026-04-01" && summary.lastDate?.description == "2027-03-31")
        #expect(lastProgress?.bytesRead == lastProgress?.totalBytes)

        let archive = try Archive(url: Self.zip, accessMode: .read)
        var data = Data()
        _ = try archive.extract(archive.first { _ in true }!) { data.append($0) }
        let text = String(decoding: data, as: UTF8.self)[...]
        for (date, compact, count) in [("2026-10-25", "20261025", 50), ("2027-03-28", "20270328", 46), ("2026-11-02", "20261102", 48)] {
            let expected = Self.factorsByHand(in: text, llfClass: "1", date: compact)
            #expect(expected.count == count)
            #expect(days[date]?.factors.map(\.description) == expected)
        }
    }
}
