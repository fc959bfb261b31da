import Foundation
import MHHSCore

/// Imports the Market Domain Data CSV tables from a folder (e.g. `mdd-377/`).
///
/// Each table is found by its name prefix (`GSP_Group_*.csv` …), its header is checked column
/// by column, and every row is validated; the first problem is reported with file, line and
/// column, and nothing is returned, so a caller never stores half an import.
public enum MarketDomainDataImporter {
    public static func load(directory: URL) throws(MDDError) -> MarketDomainData {
        let files: [String]
        do { files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() } catch {
            throw MDDError(file: directory.path, message: "cannot list the folder: \(error.localizedDescription)")
        }
        let version = files.lazy.compactMap { name -> String? in
            guard name.hasPrefix("GSP_Group_"), name.hasSuffix(".csv") else { return nil }
            return String(name.dropFirst("GSP_Group_".count).dropLast(4))
        }.first
        func table<Record>(_ prefix: String, _ header: [String], _ map: (MDDRowReader) throws(MDDError) -> Record)
            throws(MDDError) -> [Record]
        {
            guard let name = files.first(where: { $0.hasPrefix(prefix + "_") && $0.hasSuffix(".csv") }) else {
                throw MDDError(file: directory.appendingPathComponent(prefix + "_*.csv").path, message: "table not found")
            }
            return try parse(file: directory.appendingPathComponent(name), header: header, map: map)
        }
        return MarketDomainData(
            version: version ?? "unknown",
            gspGroups: try table("GSP_Group", MDDHeaders.gspGroup) { row throws(MDDError) in
                let group: GSPGroup
                do { group = try GSPGroup(code: row.text(0)) } catch { throw row.fail(0, "\(error)") }
                return (group, try row.required(1))
            },
            participants: try table("Market_Participant", MDDHeaders.participant) { row throws(MDDError) in
                MarketParticipant(id: try row.mpid(0), name: row.text(1))
            },
            roles: try table("Market_Participant_Role", MDDHeaders.participantRole) { row throws(MDDError) in
                ParticipantRole(
                    participant: try row.mpid(0), roleCode: try row.required(1),
                    effective: try row.effective(from: 2, to: 3), distributorShortCode: row.optionalText(14))
            },
            profileClasses: try table("Profile_Class", MDDHeaders.profileClass) { row throws(MDDError) in
                ProfileClassRecord(
                    id: try row.integer(0, in: 0...99), description: row.text(2),
                    switchedLoad: try row.flag(3, trueValue: "T", falseValue: "F"),
                    effective: try row.effective(from: 1, to: 4))
            },
            standardSettlementConfigurations: try table("Standard_Settlement_Configuration", MDDHeaders.ssc) {
                row throws(MDDError) in
                SSCRecord(
                    id: try row.required(0), description: row.text(3), type: row.text(4),
                    effective: try row.effective(from: 1, to: 2))
            },
            timePatternRegimes: try table("Time_Pattern_Regime", MDDHeaders.timePatternRegime) { row throws(MDDError) in
                TimePatternRegimeRecord(
                    id: try row.required(0), teleswitchOrClock: try row.required(1),
                    isGMT: try row.flag(2, trueValue: "Y", falseValue: "N"))
            },
            measurementRequirements: try table("Measurement_Requirement", MDDHeaders.measurementRequirement) {
                row throws(MDDError) in (ssc: try row.required(0), tpr: try row.required(1))
            },
            clockIntervals: try table("Clock_Interval", MDDHeaders.clockInterval) { row throws(MDDError) in
                ClockIntervalRecord(
                    timePatternRegime: try row.required(0), dayOfWeek: try row.integer(1, in: 1...7),
                    startDay: try row.integer(2, in: 1...31), startMonth: try row.integer(3, in: 1...12),
                    endDay: try row.integer(4, in: 1...31), endMonth: try row.integer(5, in: 1...12),
                    startMinute: try row.minuteOfDay(6), endMinute: try row.minuteOfDay(7))
            },
            llfClasses: try table("Line_Loss_Factor_Class", MDDHeaders.llfClass) { row throws(MDDError) in
                LLFClassRecord(
                    distributor: try row.mpid(0), id: try row.required(3), description: row.text(5),
                    msSpecificIndicator: row.text(6), effective: try row.effective(from: 4, to: 7))
            }
        )
    }

    static func parse<Record>(
        file: URL,
        header: [String],
        map: (MDDRowReader) throws(MDDError) -> Record
    ) throws(MDDError) -> [Record] {
        let name = file.lastPathComponent
        let text: String
        do { text = try String(contentsOf: file, encoding: .utf8) } catch {
            throw MDDError(file: name, message: "cannot read: \(error.localizedDescription)")
        }
        let csv: CSVReader
        do { csv = try CSVReader(text: text) } catch { throw MDDError(file: name, line: error.line, message: error.message) }
        guard let first = csv.rows.first else { throw MDDError(file: name, message: "the file is empty") }
        guard first.fields == header else {
            throw MDDError(
                file: name, line: first.line,
                message: "unexpected header \(first.fields); expected \(header)")
        }
        var records: [Record] = []
        records.reserveCapacity(csv.rows.count)
        for row in csv.rows.dropFirst() {
            guard row.fields.count == header.count else {
                throw MDDError(file: name, line: row.line, message: "has \(row.fields.count) fields; expected \(header.count)")
            }
            records.append(try map(MDDRowReader(file: name, header: header, row: row)))
        }
        return records
    }
}
