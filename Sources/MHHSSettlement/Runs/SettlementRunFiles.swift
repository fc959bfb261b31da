import MHHSCore

/// The result files of a run: canonical CSV (fixed column order, rows sorted, `\n` line ends,
/// kWh with 6 decimals), so the same inputs give byte-identical files.
public enum SettlementRunFiles {
    public static let volumes = "volumes.csv"
    public static let corrections = "corrections.csv"
    public static let lineLosses = "line-losses.csv"
    public static let defaults = "defaults.csv"
    public static let statistics = "statistics.csv"
    public static let duos = "duos.csv"
    public static let classes = "ccc.csv"

    public static func render(_ groups: [GroupSettlement], classes: CCCTable) -> [String: [UInt8]] {
        var table = "ccc,component,direction,segment,connection_type,data_kind,weight,arrangement\n"
        for ccc in classes.classes.sorted(by: { $0.id < $1.id }) {
            table +=
                "\(ccc.id),\(ccc.component.rawValue),\(ccc.direction.rawValue),\(ccc.segment.rawValue),\(ccc.connectionType.rawValue),"
                + "\(ccc.dataKind?.rawValue ?? ""),\(DecimalText.format(ccc.weightMillionths, fractionDigits: 6)),\(ccc.arrangement.rawValue)\n"
        }
        let sorted = groups.sorted { $0.gspGroup < $1.gspGroup }
        var volumes =
            "settlement_date,gsp_group,supplier,bm_unit,ccc,component,direction,sp,uncorrected_kwh,corrected_kwh,metering_points\n"
        var duos =
            "settlement_date,gsp_group,supplier,distributor,llf_class,direction,domestic,sp,uncorrected_kwh,actual_day_kwh,estimated_day_kwh,energised,de_energised\n"
        var corrections = "settlement_date,gsp_group,sp,direction,take_kwh,uncorrected_kwh,factor,outcome\n"
        var losses = "settlement_date,gsp_group,distributor,llf_class,default_used,consumption_kwh\n"
        var defaults =
            "settlement_date,gsp_group,mpan,supplier,bm_unit,mq,periods,wh,flags,method,data_service,distributor,segment,connection_type,domestic\n"
        var statistics =
            "settlement_date,gsp_group,metering_points,complete,defaulted_points,defaulted_periods,de_energised_without_data,not_settled,values_read\n"
        for group in sorted {
            let prefix = "\(group.settlementDate),\(group.gspGroup.rawValue),"
            for cell in group.cells {
                let head =
                    prefix
                    + "\(cell.supplier.value),\(cell.bmUnit),\(cell.ccc.id),\(cell.ccc.component.rawValue),\(cell.ccc.direction.rawValue),"
                for period in 0..<group.periodCount {
                    volumes +=
                        head
                        + "\(period + 1),\(kWh(microWh: cell.uncorrectedMicroWh[period])),\(kWh(milliWh: cell.correctedMilliWh[period])),\(cell.meteringPoints)\n"
                }
            }
            for correction in group.corrections {
                let take = correction.takeWh.map { kWh(milliWh: $0 * 1_000) } ?? ""
                corrections +=
                    prefix
                    + "\(correction.period),\(correction.direction.rawValue),\(take),\(kWh(microWh: correction.uncorrectedMicroWh)),\(correction.factorText),\(correction.outcome.rawValue)\n"
            }
            for use in group.lineLosses {
                losses +=
                    prefix
                    + "\(use.distributor?.value ?? ""),\(use.llfClass ?? ""),\(use.usedDefault),\(kWh(milliWh: use.consumptionWh * 1_000))\n"
            }
            for point in group.defaulted.sorted(by: { $0.mpan < $1.mpan }) {
                defaults +=
                    prefix
                    + "\(point.mpan),\(point.supplier.value),\(point.bmUnit),\(point.quantity.rawValue),\(periodList(point.periods)),"
                    + "\(point.wattHours.map(String.init).joined(separator: " ")),\(point.flags.map(\.rawValue).joined()),\(point.method.rawValue),\(point.dataService?.value ?? ""),\(point.distributor?.value ?? ""),"
                    + "\(CCCTable.meteringClasses[point.meteringClass].0.rawValue),\(CCCTable.meteringClasses[point.meteringClass].1.rawValue),"
                    + "\(point.domestic)\n"
            }
            for cell in group.duos {
                let head =
                    prefix
                    + "\(cell.supplier.value),\(cell.distributor?.value ?? ""),\(cell.llfClass ?? ""),\(cell.direction.rawValue),\(cell.domestic?.rawValue ?? ""),"
                let tail =
                    ",\(kWh(milliWh: cell.actualWh * 1_000)),\(kWh(milliWh: cell.estimatedWh * 1_000)),\(cell.energised),\(cell.deEnergised)\n"
                for period in 0..<group.periodCount {
                    duos += head + "\(period + 1),\(kWh(milliWh: cell.wattHours[period] * 1_000))" + tail
                }
            }
            let s = group.statistics
            statistics +=
                prefix
                + "\(s.meteringPoints),\(s.withCompleteData),\(s.defaultedMeteringPoints),\(s.defaultedPeriods),\(s.deEnergisedWithoutData),\(s.notSettled),\(s.valuesRead)\n"
        }
        return [
            Self.volumes: Array(volumes.utf8), Self.corrections: Array(corrections.utf8), Self.lineLosses: Array(losses.utf8),
            Self.defaults: Array(defaults.utf8), Self.statistics: Array(statistics.utf8), Self.duos: Array(duos.utf8),
            Self.classes: Array(table.utf8),
        ]
    }

    /// kWh with 6 decimals from exact µWh, rounded half away from zero to the mWh.
    public static func kWh(microWh: Int64) -> String {
        kWh(milliWh: GroupCorrectionMath.roundHalfAway(Int128(microWh), 1_000))
    }

    public static func kWh(milliWh: Int64) -> String { DecimalText.format(milliWh, fractionDigits: 6) }

    /// `1-3 7` style list of the set bits (SP numbers).
    static func periodList(_ mask: UInt64) -> String {
        var parts: [String] = []
        var period = 0
        while period < 64 {
            guard mask & (1 << UInt64(period)) != 0 else {
                period += 1
                continue
            }
            let start = period
            while period < 64, mask & (1 << UInt64(period)) != 0 { period += 1 }
            parts.append(start == period - 1 ? "\(start + 1)" : "\(start + 1)-\(period)")
        }
        return parts.joined(separator: " ")
    }
}
