import Foundation
import MHHSCore
import MHHSTestSupport
import Testing

@testable import MHHSStandingData

@Suite(
    "Market Domain Data v377 import",
    .enabled(if: ReferenceData.has("mdd-377"), Comment(rawValue: ReferenceData.missingMessage)))
struct MarketDomainDataTests {
    static var folder: URL { ReferenceData.path("mdd-377")! }

    @Test("every table loads with the published row counts")
    func loads() throws {
        let data = try MarketDomainDataImporter.load(directory: Self.folder)
        #expect(data.version == "377")
        let counts = Dictionary(uniqueKeysWithValues: data.rowCounts.map { ($0.table, $0.rows) })
        // One less than `wc -l` of each file: the header.
        #expect(counts["GSP groups"] == 14)
        #expect(counts["market participants"] == 958)
        #expect(counts["participant roles"] == 1_564)
        #expect(counts["profile classes"] == 8)
        #expect(counts["standard settlement configurations"] == 965)
        #expect(counts["time pattern regimes"] == 1_286)
        #expect(counts["measurement requirements"] == 1_512)
        #expect(counts["clock intervals"] == 13_627)
        #expect(counts["LLF classes"] == 49_060)
    }

    @Test("queries: roles on a date, SSC → TPRs → clock intervals, LLF classes")
    func queries() throws {
        let data = try MarketDomainDataImporter.load(directory: Self.folder)
        let date = try SettlementDate("2026-11-02")
        let suppliers = data.participants(withRole: "X", on: date)
        #expect(suppliers.count > 20)
        #expect(data.participants(withRole: "R", on: date).contains(try MPID("LOND")))
        #expect(data.timePatternRegimes(ofSSC: "0001").map(\.id) == ["00205", "00537"])
        #expect(data.clockIntervals(ofTPR: "00001").count == 7, "TPR 00001 is all day, every day of the week")
        #expect(data.clockIntervals(ofTPR: "00001").allSatisfy { $0.startMinute == 0 && $0.endMinute == 1_440 })
        let lond = data.llfClasses(of: try MPID("LOND"), on: date)
        #expect(lond.contains { $0.id == "1" })
        #expect(!lond.contains { $0.id == "19" }, "class 19 ended on 2022-07-31")
        #expect(data.profileClass(1, on: date)?.description == "Domestic Unrestricted")
        #expect(data.standardSettlementConfiguration("0003", on: date)?.description == "10-hour OP")
    }

    /// Copies the MDD folder to a temporary one so a test can break a file.
    static func brokenCopy(file: String, replace: String, with replacement: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mdd-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.folder, to: folder)
        let url = folder.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains(replace))
        try text.replacingOccurrences(of: replace, with: replacement).write(to: url, atomically: true, encoding: .utf8)
        return folder
    }

    @Test("a bad value names the file, line and column")
    func badValue() throws {
        let folder = try Self.brokenCopy(
            file: "Profile_Class_377.csv", replace: "\"3\",\"01/04/1996\"", with: "\"3\",\"31/02/1996\"")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(
            throws: MDDError(
                file: "Profile_Class_377.csv", line: 4, column: "Effective From Settlement Date (PCLA)",
                message: "'1996-02-31' is not a valid date (YYYY-MM-DD)")
        ) { try MarketDomainDataImporter.load(directory: folder) }
    }

    @Test("a changed header is rejected")
    func badHeader() throws {
        let folder = try Self.brokenCopy(file: "GSP_Group_377.csv", replace: "GSP Group Name", with: "Name")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            _ = try MarketDomainDataImporter.load(directory: folder)
            Issue.record("a changed header must fail")
        } catch {
            #expect(error.file == "GSP_Group_377.csv" && error.line == 1)
        }
    }

    @Test("an unknown GSP group is rejected")
    func badGroup() throws {
        let folder = try Self.brokenCopy(file: "GSP_Group_377.csv", replace: "\"_P\"", with: "\"_O\"")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: MDDError.self) { try MarketDomainDataImporter.load(directory: folder) }
    }

    @Test("CSV: quotes, doubled quotes, CRLF and an unterminated quote")
    func csv() throws {
        let rows = try CSVReader(text: "\"a\",\"b \"\"q\"\"\",c\r\n\"x,y\",,\"\"\r\n").rows
        #expect(rows.map(\.fields) == [["a", "b \"q\"", "c"], ["x,y", "", ""]])
        #expect(throws: CSVError(line: 2, message: "unterminated quoted field")) { try CSVReader(text: "a\n\"b,c\n") }
    }
}
