import MHHSCore
import MHHSMessages

extension ReportContent {
    // MARK: REP-004

    /// [A] Deemed take: corrected consumption and losses, import minus export (mWh).
    static func deemedTake(_ rows: [RunResults.Volume]) -> Int64 {
        rows.reduce(0) { $0 + ($1.direction == "E" ? -$1.correctedMilliWh : $1.correctedMilliWh) }
    }

    /// [A] A supplier's deemed take: its corrected consumption and losses, import minus export.
    static func rep004(_ results: RunResults) -> [(label: String, content: JSONValue)] {
        grouped(results.volumes, by: { "\($0.group)|\($0.supplier)" }).map { label, rows in
            let parts = label.split(separator: "|").map(String.init)
            let perPeriod = grouped(rows, by: \.period).map { period, periodRows in (period, deemedTake(periodRows)) }
            let content: JSONValue = .object([
                "R013": r013(parts[0]), "R007": r007(results), "R002": r002(results),
                "REP004-R009": .object([
                    "R009": .object(["supplierMPID": .string(parts[1])]),
                    "REP004-R026": .array(
                        perPeriod.map { .object(["SettlementPeriod": .number(String($0.0)), "supplierDeemedTake": kWh($0.1)]) }),
                    "REP004-R025": .array([
                        .object(["dailySupplierDeemedTakeforSettlementDay": kWh(perPeriod.reduce(0) { $0 + $1.1 })])
                    ]),
                ]),
            ])
            return (label.replacingPipes, content)
        }
    }

    // MARK: REP-006

    static func rep006(_ results: RunResults, group: String) -> JSONValue {
        let rows = results.volumes.filter { $0.group == group }
        let suppliers = grouped(rows, by: \.supplier).map { supplier, supplierRows -> JSONValue in
            let units = grouped(supplierRows, by: \.bmUnit).map { unit, unitRows -> JSONValue in
                let classes = grouped(unitRows, by: \.ccc).map { ccc, cccRows -> JSONValue in
                    let info = results.classes[ccc]
                    let losses = info?.component == "losses"
                    let periods = cccRows.sorted { $0.period < $1.period }.map { row -> JSONValue in
                        .object([
                            "settlementPeriod": .number(String(row.period)), "MSIDCount": .number(String(row.meteringPoints)),
                            "uncorrectedBMUnitPeriodLevelConsumption": losses ? .null : kWh(row.uncorrectedMilliWh),
                            "uncorrectedBMUnitPeriodLevelConsumptionLosses": losses ? kWh(row.uncorrectedMilliWh) : .null,
                        ])
                    }
                    let daily = cccRows.reduce(0) { $0 + $1.uncorrectedMilliWh }
                    return .object([
                        "R003": .object([
                            "connectionTypeIndicator": .string(info?.connectionType ?? ""),
                            "measurementQuantityID": .string(info?.direction == "E" ? "AE" : "AI"),
                            "marketSegmentIndicator": .string(info?.segment ?? ""), "consumptionComponentClassID": .number(ccc),
                            "consumptionComponentIndicator": .string(losses ? "L" : "C"),
                        ]),
                        "REP006-R033": .array(periods),
                        "R034": .object([
                            "dailyUncorrectedBMUnitPeriodLevelConsumption": losses ? .null : kWh(daily),
                            "dailyBMUnitPeriodLevelConsumptionLosses": losses ? kWh(daily) : .null,
                        ]),
                    ])
                }
                return .object([
                    "R032": .object(["BMUnitID": .string(unit)]), "REP006-R003": .array(classes), "REP006-R051": .array([]),
                ])
            }
            return .object(["R015": .object(["supplierMPID": .string(supplier)]), "REP006-R032": .array(units)])
        }
        return .object(["R013": r013(group), "R007": r007(results), "R002": r002(results), "REP006-R015": .array(suppliers)])
    }

    // MARK: REP-002

    /// [A] One report per supplier; the DUoS tariff id is the LLF class; consumption only.
    static func rep002(_ results: RunResults) -> [(label: String, content: JSONValue)] {
        grouped(results.duos, by: \.supplier).map { supplier, rows in
            let distributors = grouped(rows, by: \.distributor).map { distributor, distributorRows -> JSONValue in
                let groups = grouped(distributorRows, by: \.group).map { group, groupRows -> JSONValue in
                    let tariffs = grouped(groupRows, by: { "\($0.llfClass)|\($0.direction)|\($0.domestic)" }).map {
                        _, tariffRows -> JSONValue in
                        let first = tariffRows[0]
                        let periods = tariffRows.sorted { $0.period < $1.period }.map { row -> JSONValue in
                            .object([
                                "settlementPeriod": .number(String(row.period)), "settlementPeriodDuration": .number("30"),
                                "totalUncorrectedVolume": kWh(row.milliWh), "totalNumberEnergisedMPANs": .number(String(row.energised)),
                                "totalNumberDeEnergisedMPANs": .number(String(row.deEnergised)),
                            ])
                        }
                        return .object([
                            "R010": .object([
                                "DUoSTariffID": .string(String(first.llfClass.prefix(3))),
                                "DUoSTariffEnergyDirection": .string(first.direction),
                                "DUoSTariffDomesticPremiseIndicator": .bool(first.domestic == "T"),
                            ]),
                            "REP002-R011": .array(periods),
                            "R0105": .object([
                                "dailyTotalVolumeBasedOnActualData": kWh(first.actualDayMilliWh),
                                "dailyTotalVolumeBasedOnEstimatedData": kWh(first.estimatedDayMilliWh),
                            ]),
                        ])
                    }
                    return .object(["R013": r013(group), "REP002-R010": .array(tariffs)])
                }
                return .object(["R027": .object(["distributorID": .string(distributor)]), "REP002-R013": .array(groups)])
            }
            let content: JSONValue = .object([
                "R007": r007(results), "R002": r002(results), "R009": .object(["supplierMPID": .string(supplier)]),
                "REP002-R027": .array(distributors),
            ])
            return (supplier, content)
        }
    }

    // MARK: REP-007 and REP-008

    /// One report per supplier with defaulted metering points: per group and BM unit, what was defaulted.
    static func rep007(_ results: RunResults) -> [(label: String, content: JSONValue)] {
        grouped(results.defaulted, by: \.supplier).map { supplier, rows in
            let groups = grouped(rows, by: \.group).map { group, groupRows -> JSONValue in
                let units = grouped(groupRows, by: \.bmUnit).map { unit, unitRows -> JSONValue in
                    let periods = unitRows.reduce(0) { $0 + periodCount($1.periods) }
                    let energy = unitRows.reduce(Int64(0)) { $0 + $1.wattHours.reduce(0, +) }
                    let methods = Set(unitRows.map(\.method)).sorted().joined(separator: ", ")
                    let text =
                        "IF-013 defaults: \(unitRows.count) MPANs, \(periods) SPs, \(SettlementRunFiles.kWh(milliWh: energy * 1_000)) kWh (\(methods))"
                    return .object(["BMUnitID": .string(unit), "detailsOfDefaultDataUsed": .string(String(text.prefix(200)))])
                }
                return .object(["R013": r013(group), "REP007-R036": .array(units)])
            }
            return (supplier, .object(["R007": r007(results), "R002": r002(results), "REP007-R013": .array(groups)]))
        }
    }

    /// One report per group and LDSO that had classes without LLFs: the default used.
    static func rep008(_ results: RunResults) -> [(label: String, content: JSONValue)] {
        grouped(results.lossUses.filter(\.usedDefault), by: { "\($0.group)|\($0.distributor)" }).map { label, rows in
            let parts = label.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            let classes = rows.map { $0.llfClass.isEmpty ? "(none)" : $0.llfClass }.joined(separator: " ")
            let text = "Default LLF used for all SPs, LLF classes: \(classes)"
            let content: JSONValue = .object([
                "R002": r002(results), "R013": r013(parts[0]), "R027": .object(["distributorID": .string(parts[1])]),
                "R039": .object(["detailsofDefaultLLFDataUsed": .string(String(text.prefix(200)))]),
            ])
            return (label.replacingPipes, content)
        }
    }

    /// How many SPs a `1-3 7` list names.
    static func periodCount(_ list: String) -> Int { periodNumbers(list).count }

    /// The SP numbers a `1-3 7` list names.
    static func periodNumbers(_ list: String) -> [Int] {
        list.split(separator: " ").flatMap { part -> [Int] in
            let bounds = part.split(separator: "-").compactMap { Int($0) }
            return bounds.count == 2 ? Array(bounds[0]...bounds[1]) : bounds
        }
    }
}

extension String {
    fileprivate var replacingPipes: String { String(map { $0 == "|" ? "-" : $0 }) }
}
