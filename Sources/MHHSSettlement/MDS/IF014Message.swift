import MHHSCore
import MHHSMessages

/// The IF-014 MDS rejection of one IF-021 message: R0 carries one response message per
/// refusal (`ECS1010 - Consumption Value cannot be negative: sp …`), and B900 echoes the
/// refused periods (a refused day: all its periods; a refused message: all of it).
///
/// [A] The specification has no field for the rejected message's id: its sender reference goes
/// in `senderCorrelationID` when it fits (60 characters) and in `subText` always.
/// `[ConsumptionOnDeEnergisedMPAN]` when every refusal is ECS1008, else `[ActivePowerRejected]`.
public enum IF014Message {
    public static func build(
        submission: ConsumptionSubmission, rejections: [MDSRejection], sender: ReportSender, at instant: UTCInstant,
        reference suffix: String
    ) -> JSONValue {
        let event =
            rejections.allSatisfy { $0.code == .nonActualOnDeEnergised } ? "[ConsumptionOnDeEnergisedMPAN]" : "[ActivePowerRejected]"
        let messages = rejections.map { rejection -> JSONValue in
            var text = "\(rejection.code.rawValue) - \(rejection.code.text)"
            if let period = rejection.periodEnd {
                text += ": sp \(period.text)"
            } else if let day = rejection.dayStart {
                text += ": day \(day.text)"
            }
            return .string(String(text.prefix(200)))
        }
        let wholeMessage = rejections.contains { $0.dayStart == nil }
        let refusedDays = Set(rejections.filter { $0.periodEnd == nil }.compactMap(\.dayStart?.text))
        let refusedPeriods = Set(rejections.compactMap(\.periodEnd?.text))
        var days: [JSONValue] = []
        for day in submission.days {
            let dayText = DIPDateTime(day.dayStart).text
            let periods = day.periods.filter { period in
                wholeMessage || refusedDays.contains(dayText) || refusedPeriods.contains(DIPDateTime(period.end).text)
            }
            guard !periods.isEmpty else { continue }
            days.append(
                .object([
                    "settlementDay": .object(["settlementDayDate": .string(dayText), "periodDuration": .number(String(day.periodDuration))]
                    ),
                    "consumptionPeriods": .array(periods.map(IF021Message.period)),
                ]))
        }
        let reference = submission.senderUniqueReference
        let compactDate = DIPDateTime(instant).text.prefix(10).filter(\.isNumber)
        return .object([
            "payload": .object([
                "CommonBlock": .object([
                    "S0": .object(["interfaceID": .string("IF-014"), "schemaVersion": .string("011"), "eventCode": .string(event)]),
                    "S1": .object([
                        "environmentTag": .string(sender.environmentTag), "subText": .string(String("Rejects \(reference)".prefix(500))),
                        "senderUniqueReference": .string(
                            "S-IF-014-\(sender.dipID)-MDS-\(compactDate)-\(suffix)"),
                        "senderTimestamp": .string(DIPDateTime(instant).text), "senderDIPID": .string(sender.dipID),
                        "senderRoleID": .string("MDS"), "senderCorrelationID": reference.count <= 60 ? .string(reference) : .null,
                        "DIPConnectionProviderID": .null,
                    ]),
                    // The data service that sent the IF-021 is the primary recipient; the hub adds
                    // the supplier as a secondary one.
                    "A0": .object([
                        "primaryRecipients": .array([.string(submission.senderDIPID)]), "secondaryRecipients": .array([]),
                        "always": .array([]),
                    ]),
                    "M0": .object([
                        "MPANCore": .string(submission.mpan.description),
                        "distributorDIPID": .string(submission.distributorDIPID ?? "0000000000"),
                        "GSPGroupID": .string((submission.gspGroup ?? .eastern).rawValue),
                    ]),
                    "R0": .object(["responseCode": .string("R"), "responseMessages": .array(messages)]),
                ]),
                "CustomBlock": .object([
                    "B044": .object(["issuingDataServiceDIPID": .string(submission.issuingDataService)]),
                    "B067": .object(connectionType(submission)),
                    "B900": .object([
                        "MQID": .object(["measurementQuantityID": .string(submission.measurementQuantity.rawValue)]),
                        "settlementDayConsumptionPeriods": .array(days),
                    ]),
                ]),
            ])
        ])
    }

    /// B067 as the IF-021 had it; the effective-from date is optional but not nullable.
    static func connectionType(_ submission: ConsumptionSubmission) -> [String: JSONValue] {
        var block: [String: JSONValue] = ["connectionTypeIndicator": .string((submission.connectionType ?? .wholeCurrent).rawValue)]
        if let from = submission.connectionTypeEffectiveFrom { block["connectionTypeEffectiveFromDate"] = .string(DIPDateTime(from).text) }
        return block
    }
}

extension ReportSender {
    /// [A] The MDS's own DIP id for IF-013/IF-014 (fictional; configurable).
    public static let standardMDS = ReportSender(dipID: "5000000002", environmentTag: "PRD")
}
