import MHHSCore
import MHHSRegistration

/// What each metering point put into one supplier's BM unit in one period of a run: used to
/// explain a run-to-run change by the MPANs that caused it.
public enum MPANContributions {
    /// MPAN → Wh (actual, estimated and defaulted together) for points of `supplier` in
    /// `bmUnit` in `periodIndex`: MHHS and legacy HH points from their data, and with `legacy`
    /// (the run's legacy profiles of this snapshot) legacy NHH points from their profile.
    public static func wattHours(
        snapshot: RegisterSnapshot, segments: [SPSegment], cutoffVersion: Int64, supplier: String, bmUnit: String,
        periodIndex: Int, bmUnits: BMUnitAssignments = .init(), backstop: DefaultingBackstop = .standard, legacy: LegacyProfiles? = nil
    ) -> [Int64: Int64] {
        let periods = snapshot.settlementDate.periodCount
        var resolver = RowResolver(segments: segments.filter { $0.rowCount > 0 }, periods: periods, cutoff: cutoffVersion)
        defer { resolver.release() }
        let mhhs = UInt8(SettlementArrangement.allCases.firstIndex(of: .mhhs)!)
        let legacyHH = UInt8(SettlementArrangement.allCases.firstIndex(of: .legacyHH)!)
        let legacyNHH = UInt8(SettlementArrangement.allCases.firstIndex(of: .legacyNHH)!)
        var result: [Int64: Int64] = [:]
        for point in 0..<snapshot.count {
            let supplierIndex = snapshot.supplier[point]
            let arrangement = snapshot.arrangement[point]
            guard supplierIndex >= 0, arrangement == mhhs || arrangement == legacyHH || (legacy != nil && arrangement == legacyNHH)
            else { continue }
            let mpid = snapshot.participants[Int(supplierIndex)]
            guard mpid.value == supplier, bmUnits.unit(mpan: snapshot.mpans[point], supplier: mpid, group: snapshot.gspGroup) == bmUnit
            else { continue }
            if arrangement == legacyNHH, let legacy {
                // As the VAS profiles it: annual Wh × the class's coefficient, half up.
                let profileClass = Int(snapshot.profileClass[point])
                let annual = legacy.annualWh[point]
                if annual >= 0, profileClass < legacy.coefficients.count, legacy.coefficients[profileClass].count == periods {
                    result[snapshot.mpans[point]] = ExactShares.scaled(
                        annual, times: legacy.coefficients[profileClass][periodIndex], over: legacy.perYear)
                }
                continue
            }
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
