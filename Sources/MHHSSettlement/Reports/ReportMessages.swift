import Foundation
import MHHSCore
import MHHSMessages

/// ECS reports as DIP messages: the content gzip-compressed and base64-encoded in
/// `P03.compressedReport`, with a CommonBlock of S0 (schema version `008`) and S1 only.
public enum ReportMessages {
    /// A JSON array of one message per unit of the report (see ``ReportContent``).
    public static func render(_ report: ECSReport, _ results: RunResults, sender: ReportSender, at instant: UTCInstant) throws -> [UInt8] {
        let messages = try ReportContent.build(report, results).enumerated().map { index, unit in
            try message(
                report, content: unit.content, reference: reference(report, results, index: index, sender: sender), sender: sender,
                at: instant)
        }
        return JSONWriter.bytes(.array(messages))
    }

    public static func message(
        _ report: ECSReport, content: JSONValue, reference: String, sender: ReportSender, at instant: UTCInstant
    ) throws -> JSONValue {
        let compressed = try Gzip.compress(JSONWriter.bytes(content))
        return .object([
            "payload": .object([
                "CommonBlock": .object([
                    "S0": .object([
                        "interfaceID": .string(report.rawValue), "schemaVersion": .string("008"), "eventCode": .string(report.eventCode),
                    ]),
                    "S1": .object([
                        "environmentTag": .string(sender.environmentTag), "subText": .null, "senderUniqueReference": .string(reference),
                        "senderTimestamp": .string(DIPDateTime(instant).text), "senderDIPID": .string(sender.dipID),
                        "senderRoleID": .string("ECS"), "senderCorrelationID": .null, "DIPConnectionProviderID": .null,
                    ]),
                ]),
                "CustomBlock": .object(["P03": .object(["compressedReport": .string(Data(compressed).base64EncodedString())])]),
            ])
        ])
    }

    /// `S-REP-003-<sender>-ECS-<settlement date>-<run><n>`: unique per run, report and unit.
    static func reference(_ report: ECSReport, _ results: RunResults, index: Int, sender: ReportSender) -> String {
        let date = results.manifest.settlementDate.description.filter(\.isNumber)
        let run = results.manifest.runType.rawValue + String(results.manifest.runNumber)
        return "S-\(report.rawValue)-\(sender.dipID)-ECS-\(date)-\(run)n\(index + 1)"
    }
}

/// The same reports flattened to CSV, one row per period.
public enum ReportCSV {
    public static func render(_ report: ECSReport, _ results: RunResults) -> [UInt8] {
        var text: String
        switch report {
        case .rep003:
            var factors: [String: String] = [:]
            for row in results.corrections { factors["\(row.group)|\(row.period)|\(row.direction)"] = row.factor }
            text = "gsp_group,supplier,bm_unit,ccc,component,direction,sp,uncorrected_kwh,corrected_kwh,correction_factor\n"
            for row in results.volumes {
                text +=
                    "\(row.group),\(row.supplier),\(row.bmUnit),\(row.ccc),\(row.component),\(row.direction),\(row.period),"
                    + "\(kWh(row.uncorrectedMilliWh)),\(kWh(row.correctedMilliWh)),\(factors["\(row.group)|\(row.period)|\(row.direction)"] ?? "")\n"
            }
        case .rep004:
            text = "gsp_group,supplier,sp,deemed_take_kwh\n"
            for (key, rows) in ReportContent.grouped(
                results.volumes, by: { "\($0.group),\($0.supplier),\(String(format: "%02d", $0.period))" })
            {
                let total = ReportContent.deemedTake(rows)
                let parts = key.split(separator: ",")
                text += "\(parts[0]),\(parts[1]),\(Int(parts[2])!),\(kWh(total))\n"
            }
        case .rep006:
            text = "gsp_group,supplier,bm_unit,ccc,component,mq,sp,msid_count,uncorrected_kwh\n"
            for row in results.volumes {
                text +=
                    "\(row.group),\(row.supplier),\(row.bmUnit),\(row.ccc),\(row.component),\(row.direction == "E" ? "AE" : "AI"),"
                    + "\(row.period),\(row.meteringPoints),\(kWh(row.uncorrectedMilliWh))\n"
            }
        case .rep002:
            text = "supplier,distributor,gsp_group,duos_tariff,direction,domestic,sp,uncorrected_kwh,energised,de_energised\n"
            for row in results.duos.sorted(by: { ($0.supplier, $0.distributor, $0.group) < ($1.supplier, $1.distributor, $1.group) }) {
                text +=
                    "\(row.supplier),\(row.distributor),\(row.group),\(row.llfClass),\(row.direction),\(row.domestic),\(row.period),"
                    + "\(kWh(row.milliWh)),\(row.energised),\(row.deEnergised)\n"
            }
        case .rep007:
            text = "supplier,gsp_group,bm_unit,mpan,periods,wh,flags,method\n"
            for row in results.defaulted.sorted(by: { ($0.supplier, $0.group, $0.mpan) < ($1.supplier, $1.group, $1.mpan) }) {
                text +=
                    "\(row.supplier),\(row.group),\(row.bmUnit),\(row.mpan),\(row.periods),\(row.wattHours.map(String.init).joined(separator: " ")),\(row.flags.joined()),\(row.method)\n"
            }
        case .rep008:
            text = "gsp_group,distributor,llf_class,default_used\n"
            for row in results.lossUses where row.usedDefault {
                text += "\(row.group),\(row.distributor),\(row.llfClass),true\n"
            }
        }
        return Array(text.utf8)
    }

    static func kWh(_ milliWh: Int64) -> String { SettlementRunFiles.kWh(milliWh: milliWh) }
}
