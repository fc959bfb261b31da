import MHHSCore
import MHHSRegistration

/// What each metering point put into one supplier's BM unit in one period of a run: used to
/// explain a run-to-run change by the MPANs that caused it.
public enum MPANContributions {
    /// MPAN → Wh (actual, estimated and defaulted together) for points of `supplier` in
    /// `bmUnit` in `periodIndex`.
    public static func wattHours(
        snapshot: RegisterSnapshot, segments: [SPSegment], cutoffVersion: Int64, supplier: String, bmUnit: String,
        periodIndex: Int, bmUnits: BMUnitAssignments = .init(), backstop: DefaultingBackstop = .standard
    ) -> [Int64: Int64] {
        let periods = snapshot.settlementDate.periodCount
        var resolver = RowResolver(segments: segments.filter { $0.rowCount > 0 }, periods: periods, cutoff: cutoffVersion)
        defer { resolver.release() }
        let mhhs = UInt8(SettlementArrangement.allCases.firstIndex(of: .mhhs)!)
        var result: [Int64: Int64] = [:]
        for point in 0..<snapshot.count {
            let supplierIndex = snapshot.supplier[point]
            guard supplierIndex >= 0, snapshot.arrangement[point] == mhhs else { continue }
            let mpid = snapshot.participants[Int(supplierIndex)]
            guard mpid.value == supplier, bmUnits.unit(mpan: snapshot.mpans[point], supplier: mpid, group: snapshot.gspGroup) == bmUnit
            else { continue }
            let exporting = snapshot.energyDirection[point] == 1
            let row = resolver.resolve(mpan: snapshot.mpans[point], quantityIndex: exporting ? 1 : 0)
            if row.present & (1 << UInt64(periodIndex)) != 0 {
                result[snapshot.mpans[point]] = Int64(row.values[periodIndex])
            } else if snapshot.energisation[point] != UInt8(EnergisationStatus.allCases.firstIndex(of: .deEnergised)!),
                let segment = snapshot.marketSegment[point] as UInt8?, segment != RegisterSnapshot.absent,
                snapshot.connectionType[point] != RegisterSnapshot.absent,
                let meteringClass = CCCTable.meteringClass(
                    segment: MarketSegment.allCases[Int(segment)],
                    connectionType: ConnectionType.allCases[Int(snapshot.connectionType[point])])
            {
                result[snapshot.mpans[point]] =
                    backstop.perPeriod(annualConsumptionWh: snapshot.annualConsumptionWh[point], meteringClass: meteringClass).0
            }
        }
        return result
    }
}
