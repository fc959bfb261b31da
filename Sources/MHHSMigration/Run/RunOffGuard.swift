import MHHSCore
import MHHSRegistration
import MHHSSettlement

/// The legacy path with the run-off enforced: a settlement date after a segment's last legacy
/// date must not find any of the segment's points on a legacy arrangement (a reverse migration
/// recorded past the closure, say). The run then stops with the MPAN named instead of settling
/// a path that is switched off. Earlier dates (reruns up to DF) settle as before.
public struct RunOffGuard: LegacyVolumeSource {
    public let legacy: any LegacyVolumeSource
    public let closures: [LegacyClosure]

    public init(legacy: any LegacyVolumeSource, closures: [LegacyClosure]) {
        self.legacy = legacy
        self.closures = closures
    }

    /// The legacy source's, with the closures it enforces (a run's manifest names both).
    public var digest: String {
        closures.isEmpty
            ? legacy.digest
            : legacy.digest + ";closed:" + closures.map { "\($0.segment.rawValue)>\($0.lastLegacyDate)" }.sorted().joined(separator: ",")
    }

    public func profiles(_ snapshot: RegisterSnapshot) throws -> LegacyProfiles {
        let closed = closures.filter { snapshot.settlementDate > $0.lastLegacyDate }
        if !closed.isEmpty {
            let mhhs = UInt8(SettlementArrangement.allCases.firstIndex(of: .mhhs)!)
            let segments = Dictionary(uniqueKeysWithValues: closed.map { (UInt8(MarketSegment.allCases.firstIndex(of: $0.segment)!), $0) })
            for point in 0..<snapshot.count
            where snapshot.arrangement[point] != mhhs && snapshot.arrangement[point] != RegisterSnapshot.absent {
                guard let closure = segments[snapshot.marketSegment[point]] else { continue }
                let arrangement = SettlementArrangement.allCases[Int(snapshot.arrangement[point])]
                throw MigrationError.legacyPathClosed(
                    "MPAN \(snapshot.mpans[point]) is \(arrangement.rawValue) on \(snapshot.settlementDate), but segment \(closure.segment) ran off after \(closure.lastLegacyDate)"
                )
            }
        }
        return try legacy.profiles(snapshot)
    }
}
