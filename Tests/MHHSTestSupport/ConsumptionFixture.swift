import Foundation
import MHHSCore

/// Turns a compact consumption CSV (`mpan,mq,first_sp_end,last_sp_end,kwh,q,received_at`: one
/// value for every half hour from the first to the last period end) into IF-021 messages, one
/// per MPAN, MQ and UTC day, grouped by the instant they are received.
public enum ConsumptionFixture {
    public struct Period {
        let end: UTCInstant
        let kWh: String
        let quality: String
    }

    public static func messages(_ url: URL) throws -> [(UTCInstant, String)] {
        var batches: [Int64: [String: [Int: [Period]]]] = [:]
        var quantities: [String: String] = [:]
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",").map(String.init)
            let first = try DIPDateTime(fields[2]).instant
            let last = try DIPDateTime(fields[3]).instant
            let received = try DIPDateTime(fields[6]).instant.secondsSinceEpoch
            quantities[fields[0]] = fields[1]
            var end = first
            while end <= last {
                let day = end.adding(seconds: -1).utcDayNumber
                batches[received, default: [:]][fields[0] + "|" + fields[1], default: [:]][day, default: []]
                    .append(Period(end: end, kWh: fields[4], quality: fields[5]))
                end = end.adding(seconds: 1_800)
            }
        }
        return batches.keys.sorted().map { received in
            var messages: [String] = []
            for (key, days) in batches[received]!.sorted(by: { $0.key < $1.key }) {
                let parts = key.split(separator: "|").map(String.init)
                messages.append(message(mpan: parts[0], quantity: parts[1], days: days, index: messages.count, received: received))
            }
            return (UTCInstant(secondsSinceEpoch: received), "[" + messages.joined(separator: ",") + "]")
        }
    }

    public static func message(mpan: String, quantity: String, days: [Int: [Period]], index: Int, received: Int64) -> String {
        let blocks = days.keys.sorted().map { day -> String in
            let periods = days[day]!.map { period in
                let reason = period.quality.hasPrefix("A") ? "null" : "\"2\""
                return
                    "{\"sp\":\"\(DIPDateTime(period.end).text)\",\"v\":\"\(period.kWh)\",\"q\":\"\(period.quality)\",\"e\":\(reason),\"arc\":null}"
            }
            return "{\"settlementDay\":{\"settlementDayDate\":\"\(UTCDay(dayNumber: day).settlementDayDateText)\",\"periodDuration\":30},"
                + "\"consumptionPeriods\":[\(periods.joined(separator: ","))]}"
        }
        let event = quantity.hasPrefix("A") ? "[ActivePower]" : "[ReactivePower]"
        return """
            {"payload":{"CommonBlock":{"S0":{"interfaceID":"IF-021","schemaVersion":"011","eventCode":"\(event)"},\
            "S1":{"environmentTag":"PRD","subText":null,"senderUniqueReference":"S-IF-021-1401234567-SDS-20261101-t\(received)n\(index)",\
            "senderTimestamp":"\(DIPDateTime(UTCInstant(secondsSinceEpoch: received)).text)","senderDIPID":"1401234567","senderRoleID":"SDS",\
            "senderCorrelationID":null,"DIPConnectionProviderID":null},\
            "M0":{"MPANCore":"\(mpan)","distributorDIPID":"2000000000","GSPGroupID":"_H"}},\
            "CustomBlock":{"B044":{"issuingDataServiceDIPID":"1401234567"},\
            "B067":{"connectionTypeIndicator":"W","connectionTypeEffectiveFromDate":"2025-01-01T00:00:00+00:00"},\
            "B900":{"MQID":{"measurementQuantityID":"\(quantity)"},"settlementDayConsumptionPeriods":[\(blocks.joined(separator: ","))]}}}}
            """
    }
}
