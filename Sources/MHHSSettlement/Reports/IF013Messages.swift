import MHHSCore
import MHHSMessages

/// IF-013: the MDS telling a data service and supplier which periods a run defaulted for an
/// MPAN and with what, one message per defaulted MPAN of the run.
///
/// [A] Participants are named by MPID in the register and by DIP id on the DIP: `dipID` maps
/// (MPID, role) to a DIP id (the hub's participant table); an unknown one is written as
/// `0000000000`. Each period carries its default and `defaultLoadShapeFlag`: the LSS shape's
/// flag (`A`, `D`, `E`), or `E` for the flat back-stop (``DefaultingBackstop``). The register
/// does not keep the connection type's effective date, so B067 carries the settlement date's
/// start.
public enum IF013Messages {
    public static func render(
        _ results: RunResults, sender: ReportSender, at instant: UTCInstant, dipID: (String, DIPRole) -> String?
    ) -> [UInt8] {
        let manifest = results.manifest
        let date = manifest.settlementDate
        let messages = results.defaulted.enumerated().map { index, row -> JSONValue in
            let exporting = row.quantity == "AE"
            let ccc = results.classes.values.first {
                $0.arrangement == SettlementArrangement.mhhs.rawValue && $0.component == "consumption"
                    && $0.direction == (exporting ? "E" : "I") && $0.segment == row.segment
                    && $0.connectionType == row.connectionType && $0.dataKind == "estimated"
            }
            let dataService =
                dipID(row.dataService, .smartDataService) ?? dipID(row.dataService, .advancedDataService)
                ?? dipID(row.dataService, .unmeteredDataService) ?? unknown
            let supplier = dipID(row.supplier, .supplier) ?? unknown
            var days: [Int: [JSONValue]] = [:]
            for (position, number) in ReportContent.periodNumbers(row.periods).enumerated() {
                guard let local = try? LocalSettlementPeriod(date: date, period: SettlementPeriod(number)) else { continue }
                let end = local.end
                days[end.adding(seconds: -1).utcDayNumber, default: []].append(
                    .object([
                        "settlementPeriodEffectiveToDateTime": .string(DIPDateTime(end).text),
                        "defaultedSPConsumption": .string(DecimalText.format(row.wattHours[position], fractionDigits: 3)),
                        "defaultLoadShapeFlag": .string(row.flags[position]),
                    ]))
            }
            let blocks = days.keys.sorted().map { day -> JSONValue in
                .object([
                    "settlementDay": .object([
                        "settlementDayDate": .string(UTCDay(dayNumber: day).settlementDayDateText), "periodDuration": .number("30"),
                    ]),
                    "defaultedConsumptionPeriods": .array(days[day]!),
                ])
            }
            let compactDate = String(date.description.filter(\.isNumber))
            return .object([
                "payload": .object([
                    "CommonBlock": .object([
                        "S0": .object([
                            "interfaceID": .string("IF-013"), "schemaVersion": .string("011"),
                            "eventCode": .string("[ActivePowerDefaulted]"),
                        ]),
                        "S1": .object([
                            "environmentTag": .string(sender.environmentTag), "subText": .null,
                            "senderUniqueReference": .string(
                                "S-IF-013-\(sender.dipID)-MDS-\(compactDate)-\(manifest.runType.rawValue)\(manifest.runNumber)n\(index + 1)"
                            ),
                            "senderTimestamp": .string(DIPDateTime(instant).text), "senderDIPID": .string(sender.dipID),
                            "senderRoleID": .string("MDS"), "senderCorrelationID": .null, "DIPConnectionProviderID": .null,
                        ]),
                        "A0": .object([
                            "primaryRecipients": .array([.string(dataService), .string(supplier)]), "secondaryRecipients": .array([]),
                            "always": .array([]),
                        ]),
                        "M0": .object([
                            "MPANCore": .string(row.mpan), "distributorDIPID": .string(dipID(row.distributor, .distributor) ?? unknown),
                            "GSPGroupID": .string(row.group),
                        ]),
                    ]),
                    "CustomBlock": .object([
                        "B043": .object([
                            "settlementImpactedDataServiceDIPID": .string(dataService),
                            "settlementImpactedSupplierDIPID": .string(supplier),
                        ]),
                        "B049": .object([
                            "settlementRunExecutionDate": .string(DIPDateTime(manifest.runAt).text),
                            "settlementCode": .string(manifest.runType.rawValue), "runNumber": .number(String(manifest.runNumber)),
                        ]),
                        "B067": .object([
                            "connectionTypeIndicator": .string(row.connectionType),
                            "connectionTypeEffectiveFromDate": .string(DIPDateTime(date.startInstant).text),
                        ]),
                        "B920List": .array([
                            .object([
                                "MQID": .object([
                                    "measurementQuantityID": .string(row.quantity), "marketSegmentIndicator": .string(row.segment),
                                    "domesticPremiseIndicator": .bool(row.domestic),
                                    "consumptionComponentClassID": .number(ccc?.id ?? "100"), "consumptionComponentIndicator": .string("C"),
                                ]),
                                "settlementDayConsumptionPeriods": .array(blocks),
                            ])
                        ]),
                    ]),
                ])
            ])
        }
        return JSONWriter.bytes(.array(messages))
    }

    static let unknown = "0000000000"
}
