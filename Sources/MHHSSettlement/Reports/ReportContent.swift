import MHHSCore
import MHHSMessages

/// The report contents (the `REP-0xx-CustomBlock` JSON of the specification), one per unit the
/// report covers: a GSP group (REP-003, REP-006), a supplier in a group (REP-004), a supplier
/// (REP-002, REP-007), or an LDSO in a group (REP-008). Units: kWh with 6 decimals [A]; SPs are
/// local settlement periods.
public enum ReportContent {
    /// (a label naming the unit, the content).
    public static func build(_ report: ECSReport, _ results: RunResults) -> [(label: String, content: JSONValue)] {
        switch report {
        case .rep002: rep002(results)
        case .rep003: groups(results).map { ($0, rep003(results, group: $0)) }
        case .rep004: rep004(results)
        case .rep006: groups(results).map { ($0, rep006(results, group: $0)) }
        case .rep007: rep007(results)
        case .rep008: rep008(results)
        }
    }

    static func groups(_ results: RunResults) -> [String] { Array(Set(results.volumes.map(\.group))).sorted() }

    static func r002(_ results: RunResults) -> JSONValue {
        .object([
            "settlementDate": .string(results.manifest.settlementDate.description),
            "settlementCode": .string(results.manifest.runType.rawValue), "runNumber": .number(String(results.manifest.runNumber)),
        ])
    }

    static func r007(_ results: RunResults) -> JSONValue {
        .object(["settlementRunExecutionDate": .string(DIPDateTime(results.manifest.runAt).text)])
    }

    static func r013(_ group: String) -> JSONValue { .object(["GSPGroupID": .string(group)]) }

    static func kWh(_ milliWh: Int64) -> JSONValue { .string(SettlementRunFiles.kWh(milliWh: milliWh)) }

    /// Rows grouped by a key, keys sorted.
    static func grouped<T, K: Hashable & Comparable>(_ rows: [T], by key: (T) -> K) -> [(K, [T])] {
        let dictionary = Dictionary(grouping: rows, by: key)
        return dictionary.keys.sorted().map { ($0, dictionary[$0]!) }
    }

    // MARK: REP-003

    static func rep003(_ results: RunResults, group: String) -> JSONValue {
        let rows = results.volumes.filter { $0.group == group }
        let suppliers = grouped(rows, by: \.supplier).map { supplier, supplierRows -> JSONValue in
            let units = grouped(supplierRows, by: \.bmUnit).map { unit, unitRows -> JSONValue in
                let classes = grouped(unitRows, by: \.ccc).map { ccc, cccRows in rep003Class(results, ccc: ccc, rows: cccRows) }
                let uncorrected = unitRows.reduce(0) { $0 + $1.uncorrectedMilliWh }
                let corrected = unitRows.reduce(0) { $0 + $1.correctedMilliWh }
                // Each metering point is counted once, in its losses class.
                let points = Dictionary(grouping: unitRows.filter { $0.component == "losses" }, by: \.ccc).values.reduce(0) {
                    $0 + ($1.first?.meteringPoints ?? 0)
                }
                let defaultUnit =
                    unit.hasPrefix("2__") && unit.hasSuffix("000") && unit.count == 11 && unit.dropFirst(4).prefix(4) == supplier
                return .object([
                    "R016": .object(["BMUnitID": .string(unit), "defaultBMUnitFlag": .bool(defaultUnit)]),
                    "REP003-R017": .array(classes),
                    "R021": .object([
                        "dailyUncorrectedPeriodBMUnitTotalAllocatedVolume": kWh(uncorrected),
                        "dailyPeriodBMUnitTotalAllocatedVolume": kWh(corrected), "dailyBMUnitMSIDCount": .number(String(points)),
                    ]),
                    "REP003-R051": .array([]),
                ])
            }
            return .object(["R015": .object(["supplierMPID": .string(supplier)]), "REP003-R016": .array(units)])
        }
        let factors = grouped(results.corrections.filter { $0.group == group }, by: \.period).map { period, rows -> JSONValue in
            let importFactor = rows.first { $0.direction == "I" }?.factor ?? "1.000000000"
            let exportFactor = rows.first { $0.direction == "E" }?.factor ?? "1.000000000"
            return .object([
                "settlementPeriodID": .number(String(period)), "groupCorrectionFactorImport": .string(importFactor),
                "groupCorrectionFactorExport": .string(exportFactor),
            ])
        }
        return .object([
            "R013": r013(group), "R007": r007(results), "R002": r002(results), "R103": .object(["settlementPeriodDuration": .number("30")]),
            "REP003-R015": .array(suppliers), "REP003-R024": .array(factors),
        ])
    }

    private static func rep003Class(_ results: RunResults, ccc: String, rows: [RunResults.Volume]) -> JSONValue {
        let info = results.classes[ccc]
        let losses = info?.component == "losses"
        let periods = rows.sorted { $0.period < $1.period }.map { row -> JSONValue in
            .object([
                "settlementDate": .string(results.manifest.settlementDate.description), "settlementPeriod": .number(String(row.period)),
                "uncorrectedBMUnitPeriodLevelConsumption": losses ? .null : kWh(row.uncorrectedMilliWh),
                "uncorrectedBMUnitPeriodLevelConsumptionLosses": losses ? kWh(row.uncorrectedMilliWh) : .null,
                "correctedComponentConsumption": losses ? .null : kWh(row.correctedMilliWh),
                "correctedComponentLosses": losses ? kWh(row.correctedMilliWh) : .null,
            ])
        }
        let uncorrected = rows.reduce(0) { $0 + $1.uncorrectedMilliWh }
        let corrected = rows.reduce(0) { $0 + $1.correctedMilliWh }
        return .object([
            "R017": .object([
                "consumptionComponentClassID": .number(ccc), "GSPGroupCorrectionScalingWeight": .string(weight2dp(info?.weight ?? "0")),
                "connectionTypeIndicator": .string(info?.connectionType ?? ""), "marketSegmentIndicator": .string(info?.segment ?? ""),
                "consumptionComponentIndicator": .string(losses ? "L" : "C"),
            ]),
            "R019": .object([
                "dailyBMUnitPeriodLevelConsumption": kWh(losses ? 0 : uncorrected),
                "dailyBMUnitPeriodLevelConsumptionLosses": losses ? kWh(uncorrected) : .null,
                "dailyCorrectedComponent": kWh(losses ? 0 : corrected), "dailyCorrectedComponentLosses": kWh(losses ? corrected : 0),
            ]),
            "REP003-R018": .array(periods),
        ])
    }

    /// `1.000000` → `1.00` (DT-031 has exactly two decimals; CCC weights are kept to two).
    static func weight2dp(_ text: String) -> String {
        let parts = text.split(separator: ".")
        let fraction = parts.count > 1 ? String(parts[1].prefix(2)) : "00"
        return String(parts[0]) + "." + fraction + String(repeating: "0", count: 2 - fraction.count)
    }
}
