import MHHSCore
import MHHSMessages

/// IF-022 (period values) and IF-023 (totals) for one LSS run, as DIP messages: one of each per
/// UTC day, every category in it. The hub publishes them to every data service and supplier
/// (A0.always), so the LSS names no primary recipient.
public enum LoadShapeMessages {
    public static func if022(_ run: LoadShapeRun, sender: ReportSender = .standardLSS, at instant: UTCInstant) -> JSONValue {
        let groups = run.shapes.map { shape -> JSONValue in
            .object([
                "LSGroup": group(shape.category),
                "LSGroupSettlementPeriods": .array(
                    shape.values.indices.map { slot in
                        .object([
                            "sp": .string(DIPDateTime(run.day.periodEnd(slot: slot)).text), "loadShapePeriodValue": kWh(shape.values[slot]),
                            "defaultLoadShapeFlag": .string(shape.flags[slot].rawValue),
                        ])
                    }),
            ])
        }
        let custom: JSONValue = .object([
            "B903List": .array([.object(["settlementDay": settlementDay(run.day), "LSGSettlementPeriods": .array(groups)])])
        ])
        return envelope("IF-022", event: "[LSSPeriodData]", run: run, sender: sender, at: instant, custom: custom)
    }

    public static func if023(_ run: LoadShapeRun, sender: ReportSender = .standardLSS, at instant: UTCInstant) -> JSONValue {
        let groups = run.shapes.map { shape -> JSONValue in
            let totals = shape.totals
            return .object([
                "LSGroup": group(shape.category),
                "LSAnnualConsumption": .object(["annualLoadShapeTotal": kWh(totals.annual)]),
                "LSTTotals": .array([
                    .object([
                        "loadShapeDayTotal": kWh(totals.day), "loadShapeDayPeakTotal": optionalKWh(totals.dayPeak),
                        "loadShapeDayOffPeakTotal": optionalKWh(totals.dayOffPeak), "loadShape7DayRollingTotal": kWh(totals.sevenDay),
                        "loadShape7DayRollingPeakTotal": optionalKWh(totals.sevenDayPeak),
                        "loadShape7DayRollingOffPeakTotal": optionalKWh(totals.sevenDayOffPeak),
                    ])
                ]),
            ])
        }
        let custom: JSONValue = .object([
            "B912List": .array([.object(["settlementDay": settlementDay(run.day), "LSGTotals": .array(groups)])])
        ])
        return envelope("IF-023", event: "[LSSTotalsData]", run: run, sender: sender, at: instant, custom: custom)
    }

    static func group(_ category: LoadShapeCategory) -> JSONValue {
        .object([
            "loadShapeGSPGroupID": category.gspGroup.map { .string($0.rawValue) } ?? .null,
            "connectionTypeIndicator": .string(category.connectionType.rawValue),
            "marketSegmentIndicator": .string(category.marketSegment.rawValue),
            "loadShapeDomesticPremiseIndicator": .string(category.domesticPremise.rawValue),
            "measurementQuantityID": .string(category.measurementQuantity.rawValue),
        ])
    }

    static func settlementDay(_ day: UTCDay) -> JSONValue {
        .object(["settlementDayDate": .string(day.settlementDayDateText), "periodDuration": .number("30")])
    }

    static func kWh(_ wattHours: Int64) -> JSONValue { .string(DecimalText.format(wattHours, fractionDigits: 3)) }

    static func optionalKWh(_ wattHours: Int64?) -> JSONValue { wattHours.map(kWh) ?? .null }

    static func envelope(
        _ interface: String, event: String, run: LoadShapeRun, sender: ReportSender, at instant: UTCInstant, custom: JSONValue
    ) -> JSONValue {
        let compactDay = String(run.day.description.filter(\.isNumber))
        return .object([
            "payload": .object([
                "CommonBlock": .object([
                    "S0": .object(["interfaceID": .string(interface), "schemaVersion": .string("011"), "eventCode": .string(event)]),
                    "S1": .object([
                        "environmentTag": .string(sender.environmentTag), "subText": .string("LSS run \(run.id)"),
                        "senderUniqueReference": .string("S-\(interface)-\(sender.dipID)-LSS-\(compactDay)-r\(run.runNumber)"),
                        "senderTimestamp": .string(DIPDateTime(instant).text), "senderDIPID": .string(sender.dipID),
                        "senderRoleID": .string("LSS"), "senderCorrelationID": .null, "DIPConnectionProviderID": .null,
                    ]),
                    "A0": .object(["primaryRecipients": .array([]), "secondaryRecipients": .array([]), "always": .array([])]),
                ]),
                "CustomBlock": custom,
            ])
        ])
    }
}

extension ReportSender {
    /// [A] The LSS's own DIP id (fictional; configurable).
    public static let standardLSS = ReportSender(dipID: "5000000003", environmentTag: "PRD")
}
