import MHHSCore
import MHHSRegistration
import MHHSSettlement

/// The legacy NHH path as the VAS uses it: each legacy NHH metering point's SP volume is its
/// annual consumption (EAC/AA) × the profile coefficient of its class and group.
///
/// [A] Volumes are profiled per metering point, not per purchase-matrix cell: with one annual
/// figure per MPAN the two are the same energy (a point's cells split its EAC exactly by AFYC,
/// and each cell's volume is its share ÷ AFYC × coefficient), and the VAS keys need each point's
/// LDSO, LLF class and BM unit, which the matrix does not carry. Rounded half up per period.
/// A point with no annual consumption recorded uses its class's default EAC [A]; a point with no
/// known profile class is not profiled (it is settled at zero and still counted).
public struct LegacyNHHVolumes: LegacyVolumeSource {
    public let coefficients: any ProfileCoefficientSource
    public let digest: String
    /// [A] Default EAC in Wh per profile class 1–8 (typical consumptions; configurable).
    public let defaultAnnualWh: [Int: Int64]

    public static let standardDefaults: [Int: Int64] = [
        1: 3_100_000, 2: 4_200_000, 3: 10_000_000, 4: 15_000_000, 5: 50_000_000, 6: 80_000_000, 7: 120_000_000, 8: 200_000_000,
    ]

    /// A point's annual Wh as the transition sizes it: the recorded figure when there is one
    /// (not negative), else its class's standard default, else 0.
    public static func annualWh(recorded: Int64?, profileClass: Int) -> Int64 {
        if let recorded, recorded >= 0 { return recorded }
        return standardDefaults[profileClass] ?? 0
    }

    public init(coefficients: any ProfileCoefficientSource, digest: String, defaultAnnualWh: [Int: Int64] = Self.standardDefaults) {
        self.coefficients = coefficients
        self.digest = digest
        self.defaultAnnualWh = defaultAnnualWh
    }

    public func profiles(_ snapshot: RegisterSnapshot) throws -> LegacyProfiles {
        let legacy = UInt8(SettlementArrangement.allCases.firstIndex(of: .legacyNHH)!)
        var byClass = [[Int64]](repeating: [], count: 9)
        var annualWh = [Int64](repeating: -1, count: snapshot.count)
        for point in 0..<snapshot.count where snapshot.arrangement[point] == legacy {
            let profileClass = Int(snapshot.profileClass[point])
            let recorded = snapshot.annualConsumptionWh[point]
            guard (1...8).contains(profileClass), let annual = recorded >= 0 ? recorded : defaultAnnualWh[profileClass], annual >= 0
            else { continue }
            if byClass[profileClass].isEmpty {
                byClass[profileClass] = try coefficients.coefficients(
                    profileClass: profileClass, group: snapshot.gspGroup, date: snapshot.settlementDate)
            }
            annualWh[point] = annual
        }
        return LegacyProfiles(coefficients: byClass, perYear: picoPerYear, annualWh: annualWh)
    }
}
