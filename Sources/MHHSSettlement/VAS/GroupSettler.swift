import MHHSCore
import MHHSRegistration
import MHHSStandingData

/// The whole VAS for one GSP group once its inputs are at hand: allocation, losses and
/// correction. Pure apart from the LLF lookup (asynchronous: the factors may be in PostgreSQL); the runner calls it once per
/// group, in parallel.
public struct GroupSettler: Sendable {
    public let configuration: VASConfiguration
    public let lineLossFactors: @Sendable (MPID, String, SettlementDate) async throws -> LLFDay?

    public init(
        configuration: VASConfiguration, lineLossFactors: @escaping @Sendable (MPID, String, SettlementDate) async throws -> LLFDay?
    ) {
        self.configuration = configuration
        self.lineLossFactors = lineLossFactors
    }

    /// The group's settlement, and the LLFs it used (`distributor|class` → millionths per SP).
    /// With `aggregate`, the SP data is summed by the store (``SPDataAggregating``) and
    /// `segments` is not read.
    public func settle(
        snapshot: RegisterSnapshot, segments: [SPSegment], cutoffVersion: Int64, takes: [GroupTake], shapes: DefaultingShapes? = nil,
        legacy: (any LegacyVolumeSource)? = nil,
        aggregate: (@Sendable (SPDataAggregationRequest) async throws -> PushedDownSPData)? = nil
    ) async throws -> (GroupSettlement, [String: [Int64]]) {
        let date = snapshot.settlementDate
        let allocator = GroupAllocator(
            snapshot: snapshot, segments: segments, cutoffVersion: cutoffVersion, bmUnits: configuration.bmUnits,
            backstop: configuration.backstop, shapes: shapes, legacyProfiles: try legacy?.profiles(snapshot))
        let allocation: GroupAllocation
        if let aggregate {
            let classification = allocator.classify()
            allocation = allocator.allocate(classification, pushedDown: try await aggregate(allocator.aggregationRequest(classification)))
        } else {
            allocation = allocator.allocate()
        }
        let factors = try await lossFactors(for: allocation, date: date)
        var takeTable: [Int: Int64] = [:]
        for take in takes where take.gspGroup == snapshot.gspGroup && take.settlementDate == date {
            takeTable[take.period.index * 2 + (take.direction == .importing ? 0 : 1)] = take.wattHours
        }
        let calculator = GroupSettlementCalculator(
            classes: configuration.classes, defaultFactorMillionths: configuration.defaultLLFMillionths,
            lineLossFactors: { distributor, llfClass in
                guard let distributor, let llfClass else { return nil }
                return factors["\(distributor.value)|\(llfClass)"]
            },
            take: { [takeTable] period, direction in takeTable[period * 2 + (direction == .importing ? 0 : 1)] })
        return (calculator.settle(allocation), factors)
    }

    /// The LLFs the allocation's keys need, asked for once per distributor and class (a class
    /// with none is remembered too: on PostgreSQL each question is a round trip).
    private func lossFactors(for allocation: GroupAllocation, date: SettlementDate) async throws -> [String: [Int64]] {
        var factors: [String: [Int64]] = [:]
        var asked: Set<String> = []
        for key in allocation.keys {
            guard let distributor = key.distributor, let llfClass = key.llfClass else { continue }
            let name = "\(distributor.value)|\(llfClass)"
            guard asked.insert(name).inserted, let day = try await lineLossFactors(distributor, llfClass, date) else { continue }
            factors[name] = day.factors.map(\.millionths)
        }
        return factors
    }
}
