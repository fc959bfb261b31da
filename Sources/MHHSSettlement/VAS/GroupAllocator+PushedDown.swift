import MHHSCore
import MHHSRegistration

/// What a store that aggregates SP data itself (``SPDataAggregating``) is asked for one GSP
/// group and date: the points whose data the VAS reads, each with the MQ its data is in and
/// the allocation key its volume goes to.
public struct SPDataAggregationRequest: Sendable {
    /// Snapshot index of each point (ascending), its MPAN, MQ index (``MeasurementQuantity``
    /// order: 0 AI, 1 AE) and key.
    public let points: [Int32]
    public let mpans: [Int64]
    public let quantityIndices: [UInt8]
    public let keys: [Int32]
    public let keyCount: Int
    public let periodCount: Int

    public init(points: [Int32], mpans: [Int64], quantityIndices: [UInt8], keys: [Int32], keyCount: Int, periodCount: Int) {
        self.points = points
        self.mpans = mpans
        self.quantityIndices = quantityIndices
        self.keys = keys
        self.keyCount = keyCount
        self.periodCount = periodCount
    }
}

/// The store's answer: per key, kind and period the Wh of the values it holds, resolved as
/// the embedded store resolves them (per period, the highest version at or below the cut-off
/// that carries it, a later row of one version winning); and the points whose resolved data
/// lacks some periods (none at all included), so the VAS defaults them.
public struct PushedDownSPData: Sendable {
    /// `(key × 2 + kind) × periodCount + period`, kind 0 actual, 1 estimated.
    public var wattHours: [Int64]
    /// Snapshot indices (any order) with the periods present (bit i: SP i+1).
    public var incomplete: [(point: Int32, present: UInt64)]

    public init(wattHours: [Int64], incomplete: [(point: Int32, present: UInt64)]) {
        self.wattHours = wattHours
        self.incomplete = incomplete
    }
}

/// An SP-data store that sums a group's values where they are (a ClickHouse cluster) instead
/// of handing the VAS the segments.
public protocol SPDataAggregating: SPDataStore {
    func aggregate(
        _ request: SPDataAggregationRequest, date: SettlementDate, group: GSPGroup, upToVersion version: Int64
    ) async throws -> PushedDownSPData
}

extension GroupAllocator {
    /// The points whose data is read (settled, and not profiled legacy NHH).
    func aggregationRequest(_ classification: Classification) -> SPDataAggregationRequest {
        var points: [Int32] = []
        var mpans: [Int64] = []
        var quantities: [UInt8] = []
        var keys: [Int32] = []
        for (point, key) in classification.keyOfPoint.enumerated()
        where key >= 0 && classification.keys[Int(key)].meteringClass != CCCTable.legacyNHHClass {
            points.append(Int32(point))
            mpans.append(snapshot.mpans[point])
            quantities.append(snapshot.energyDirection[point] == 1 ? 1 : 0)
            keys.append(key)
        }
        return SPDataAggregationRequest(
            points: points, mpans: mpans, quantityIndices: quantities, keys: keys, keyCount: classification.keys.count,
            periodCount: snapshot.settlementDate.periodCount)
    }

    /// The allocation from sums a store made: the same result as ``allocate()`` over the same
    /// data, with only the incomplete and legacy NHH points visited here.
    func allocate(_ classification: Classification, pushedDown: PushedDownSPData) -> GroupAllocation {
        let periods = snapshot.settlementDate.periodCount
        let keys = classification.keys
        let keyOfPoint = classification.keyOfPoint
        var wattHours = pushedDown.wattHours
        var tally = Tally(statistics: classification.statistics)
        var presentOf: [Int32: UInt64] = [:]
        for (point, present) in pushedDown.incomplete { presentOf[point] = present }
        wattHours.withUnsafeMutableBufferPointer { sums in
            for point in 0..<snapshot.count {
                let key = Int(keyOfPoint[point])
                guard key >= 0 else { continue }
                if keys[key].meteringClass == CCCTable.legacyNHHClass {
                    addLegacyProfile(point: point, key: key, into: sums, periods: periods, tally: &tally)
                    continue
                }
                guard let present = presentOf[Int32(point)] else {
                    tally.statistics.withCompleteData += 1
                    tally.statistics.valuesRead += periods
                    continue
                }
                tally.statistics.valuesRead += present.nonzeroBitCount
                defaultMissing(point: point, key: key, keys: keys, present: present, into: sums, periods: periods, tally: &tally)
            }
        }
        return finish(classification, wattHours: wattHours, tally: tally)
    }
}
