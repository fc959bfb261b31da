import MHHSCore
import MHHSMessages

/// Writes an IF-021 message (what data services send): the inverse of ``IF021MessageReader``.
public enum IF021Message {
    /// The DIP message of `submission`; its sender reference, role and DIP id go in S1, and the
    /// MDS, LSS, supplier and distributor are added by the hub (A0 is left for it).
    public static func build(_ submission: ConsumptionSubmission, at instant: UTCInstant, environmentTag: String = "PRD") -> JSONValue {
        let days = submission.days.map { day -> JSONValue in
            .object([
                "settlementDay": .object([
                    "settlementDayDate": .string(DIPDateTime(day.dayStart).text), "periodDuration": .number(String(day.periodDuration)),
                ]),
                "consumptionPeriods": .array(day.periods.map(period)),
            ])
        }
        var m0: [String: JSONValue] = ["MPANCore": .string(submission.mpan.description)]
        if let distributor = submission.distributorDIPID { m0["distributorDIPID"] = .string(distributor) }
        if let group = submission.gspGroup { m0["GSPGroupID"] = .string(group.rawValue) }
        return .object([
            "payload": .object([
                "CommonBlock": .object([
                    "S0": .object([
                        "interfaceID": .string("IF-021"), "schemaVersion": .string("011"), "eventCode": .string(submission.eventCode),
                    ]),
                    "S1": .object([
                        "environmentTag": .string(environmentTag), "subText": .null,
                        "senderUniqueReference": .string(submission.senderUniqueReference),
                        "senderTimestamp": .string(DIPDateTime(instant).text), "senderDIPID": .string(submission.senderDIPID),
                        "senderRoleID": .string(submission.senderRole), "senderCorrelationID": .null, "DIPConnectionProviderID": .null,
                    ]),
                    "M0": .object(m0),
                ]),
                "CustomBlock": .object([
                    "B044": .object(["issuingDataServiceDIPID": .string(submission.issuingDataService)]),
                    "B067": .object(IF014Message.connectionType(submission)),
                    "B900": .object([
                        "MQID": .object(["measurementQuantityID": .string(submission.measurementQuantity.rawValue)]),
                        "settlementDayConsumptionPeriods": .array(days),
                    ]),
                ]),
            ])
        ])
    }

    /// One B047 period: `sp`, `v` (kWh to 3 decimals), `q`, `e` and `arc`.
    static func period(_ period: ConsumptionPeriod) -> JSONValue {
        .object([
            "sp": .string(DIPDateTime(period.end).text), "v": .string(DecimalText.format(period.energyWh, fractionDigits: 3)),
            "q": .string(period.quality.description),
            "e": period.estimationReason == 0 ? .null : .string(String(period.estimationReason)),
            "arc": period.amendmentReason == 0 ? .null : .string(String(UnicodeScalar(period.amendmentReason))),
        ])
    }
}
