import MHHSCore
import MHHSStandingData

/// The MDD tables as rows of text and integer values, the same for SQLite and PostgreSQL: each
/// backend only moves the rows. Dates are ISO text; booleans are 0/1.
enum MDDTables {
    /// One table: its name, its columns (with whether each is an integer) and the order rows
    /// are read back in, so both backends return the tables identically.
    struct Table {
        let name: String
        let columns: [(name: String, isInteger: Bool)]
        let order: String

        var columnNames: [String] { columns.map(\.name) }
    }

    typealias Row = [RegisterRows.Value]

    static let gspGroup = Table(name: "mdd_gsp_group", columns: [("id", false), ("name", false)], order: "id")
    static let participant = Table(name: "mdd_participant", columns: [("id", false), ("name", false)], order: "id")
    static let role = Table(
        name: "mdd_participant_role",
        columns: [
            ("participant", false), ("role", false), ("effective_from", false), ("effective_to", false), ("distributor_short_code", false),
        ],
        order: "participant, role, effective_from")
    static let profileClass = Table(
        name: "mdd_profile_class",
        columns: [("id", true), ("description", false), ("switched_load", true), ("effective_from", false), ("effective_to", false)],
        order: "id, effective_from")
    static let ssc = Table(
        name: "mdd_ssc",
        columns: [("id", false), ("description", false), ("type", false), ("effective_from", false), ("effective_to", false)],
        order: "id, effective_from")
    static let tpr = Table(name: "mdd_tpr", columns: [("id", false), ("teleswitch_or_clock", false), ("is_gmt", true)], order: "id")
    static let requirement = Table(name: "mdd_measurement_requirement", columns: [("ssc", false), ("tpr", false)], order: "ssc, tpr")
    static let clockInterval = Table(
        name: "mdd_clock_interval",
        columns: [
            ("tpr", false), ("day_of_week", true), ("start_day", true), ("start_month", true), ("end_day", true), ("end_month", true),
            ("start_minute", true), ("end_minute", true),
        ],
        order: "tpr, day_of_week, start_month, start_day, start_minute, end_month, end_day, end_minute")
    static let llfClass = Table(
        name: "mdd_llf_class",
        columns: [
            ("distributor", false), ("id", false), ("description", false), ("ms_specific", false), ("effective_from", false),
            ("effective_to", false),
        ],
        order: "distributor, id, effective_from")

    static let all = [gspGroup, participant, role, profileClass, ssc, tpr, requirement, clockInterval, llfClass]

    /// Every table's rows of `data`, in ``all`` order.
    static func rows(of data: MarketDomainData) -> [(Table, [Row])] {
        func effective(_ period: EffectivePeriod) -> Row { [.text(period.from.description), .text(period.to?.description)] }
        func int(_ value: Int) -> RegisterRows.Value { .int(Int64(value)) }
        return [
            (gspGroup, data.gspGroups.map { [.text($0.group.rawValue), .text($0.name)] }),
            (participant, data.participants.map { [.text($0.id.value), .text($0.name)] }),
            (
                role,
                data.roles.map {
                    [.text($0.participant.value), .text($0.roleCode)] + effective($0.effective) + [.text($0.distributorShortCode)]
                }
            ),
            (
                profileClass,
                data.profileClasses.map { [int($0.id), .text($0.description), int($0.switchedLoad ? 1 : 0)] + effective($0.effective) }
            ),
            (
                ssc,
                data.standardSettlementConfigurations.map {
                    [.text($0.id), .text($0.description), .text($0.type)] + effective($0.effective)
                }
            ),
            (tpr, data.timePatternRegimes.map { [.text($0.id), .text($0.teleswitchOrClock), int($0.isGMT ? 1 : 0)] }),
            (requirement, data.measurementRequirements.map { [.text($0.ssc), .text($0.tpr)] }),
            (
                clockInterval,
                data.clockIntervals.map {
                    [
                        .text($0.timePatternRegime), int($0.dayOfWeek), int($0.startDay), int($0.startMonth), int($0.endDay),
                        int($0.endMonth), int($0.startMinute), int($0.endMinute),
                    ]
                }
            ),
            (
                llfClass,
                data.llfClasses.map {
                    [.text($0.distributor.value), .text($0.id), .text($0.description), .text($0.msSpecificIndicator)]
                        + effective($0.effective)
                }
            ),
        ]
    }

    /// The MDD of `version` from the rows `read` returns for each table (in the table's order).
    static func data(version: String, read: (Table) async throws -> [Row]) async throws -> MarketDomainData {
        func effective(_ row: Row, at index: Int) throws -> EffectivePeriod {
            EffectivePeriod(
                from: try SettlementDate(try text(row, index)), to: try optionalText(row, index + 1).map { try SettlementDate($0) })
        }
        return MarketDomainData(
            version: version,
            gspGroups: try await read(gspGroup).map { row in
                guard let group = GSPGroup(rawValue: try text(row, 0)) else { throw StorageError.corrupt("mdd_gsp_group \(row)") }
                return (group, try text(row, 1))
            },
            participants: try await read(participant).map { MarketParticipant(id: try MPID(try text($0, 0)), name: try text($0, 1)) },
            roles: try await read(role).map {
                ParticipantRole(
                    participant: try MPID(try text($0, 0)), roleCode: try text($0, 1), effective: try effective($0, at: 2),
                    distributorShortCode: try optionalText($0, 4))
            },
            profileClasses: try await read(profileClass).map {
                ProfileClassRecord(
                    id: try int($0, 0), description: try text($0, 1), switchedLoad: try int($0, 2) != 0, effective: try effective($0, at: 3)
                )
            },
            standardSettlementConfigurations: try await read(ssc).map {
                SSCRecord(id: try text($0, 0), description: try text($0, 1), type: try text($0, 2), effective: try effective($0, at: 3))
            },
            timePatternRegimes: try await read(tpr).map {
                TimePatternRegimeRecord(id: try text($0, 0), teleswitchOrClock: try text($0, 1), isGMT: try int($0, 2) != 0)
            },
            measurementRequirements: try await read(requirement).map { (ssc: try text($0, 0), tpr: try text($0, 1)) },
            clockIntervals: try await read(clockInterval).map {
                ClockIntervalRecord(
                    timePatternRegime: try text($0, 0), dayOfWeek: try int($0, 1), startDay: try int($0, 2), startMonth: try int($0, 3),
                    endDay: try int($0, 4), endMonth: try int($0, 5), startMinute: try int($0, 6), endMinute: try int($0, 7))
            },
            llfClasses: try await read(llfClass).map {
                LLFClassRecord(
                    distributor: try MPID(try text($0, 0)), id: try text($0, 1), description: try text($0, 2),
                    msSpecificIndicator: try text($0, 3), effective: try effective($0, at: 4))
            }
        )
    }

    private static func optionalText(_ row: Row, _ index: Int) throws -> String? {
        guard index < row.count, case .text(let value) = row[index] else { throw StorageError.corrupt("MDD row \(row) column \(index)") }
        return value
    }

    private static func text(_ row: Row, _ index: Int) throws -> String {
        guard let value = try optionalText(row, index) else { throw StorageError.corrupt("MDD row \(row) column \(index) is empty") }
        return value
    }

    private static func int(_ row: Row, _ index: Int) throws -> Int {
        guard index < row.count, case .int(let value?) = row[index] else { throw StorageError.corrupt("MDD row \(row) column \(index)") }
        return Int(value)
    }
}
