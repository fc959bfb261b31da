import Crypto
import MHHSCore
import MHHSRegistration
import MHHSStandingData

/// Everything the VAS is configured with (standing data beyond the register and LLFs).
public struct VASConfiguration: Sendable {
    public var classes: CCCTable
    public var bmUnits: BMUnitAssignments
    public var backstop: DefaultingBackstop
    /// [A] The LLF used where a distributor's class has none for the date (reported).
    public var defaultLLFMillionths: Int64
    /// GSP groups settled at once (each holds its sums and its mapped segments).
    public var parallelGroups: Int

    public init(
        classes: CCCTable = .standard, bmUnits: BMUnitAssignments = .init(), backstop: DefaultingBackstop = .standard,
        defaultLLFMillionths: Int64 = 1_000_000, parallelGroups: Int = 2
    ) {
        self.classes = classes
        self.bmUnits = bmUnits
        self.backstop = backstop
        self.defaultLLFMillionths = defaultLLFMillionths
        self.parallelGroups = max(1, parallelGroups)
    }

    /// A digest of the configuration for the manifest.
    var digest: String {
        var text = classes.classes.map {
            "\($0.id),\($0.component),\($0.direction.rawValue),\($0.segment.rawValue),\($0.connectionType.rawValue),\($0.dataKind?.rawValue ?? ""),\($0.weightMillionths),\($0.arrangement.rawValue)"
        }.joined(separator: "\n")
        text += "\nbackstop " + backstop.annualWattHours.map(String.init).joined(separator: ",")
        text += "\ndefault-llf \(defaultLLFMillionths)\n"
        text += bmUnits.byMPAN.keys.sorted().map { "\($0),\(bmUnits.byMPAN[$0]!.supplier.value),\(bmUnits.byMPAN[$0]!.bmUnit)" }.joined(
            separator: "\n")
        return Array(SHA256.hash(data: Array(text.utf8))).hexString
    }
}

/// Makes a settlement run: reads every input as known at the run's time, settles the GSP
/// groups in parallel, writes the result files and the manifest, and stores the run.
public struct SettlementRunner: Sendable {
    public let register: any RegisterRepository
    public let spData: any SPDataStore
    public let takes: any GroupTakeRepository
    public let runs: any SettlementRunRepository
    /// The LSS's published shapes, for defaulting; nil defaults with the flat back-stop only.
    public let shapes: (any LoadShapeRepository)?
    /// The legacy NHH path (MHHSLegacy's profiler); nil leaves legacy MPANs unsettled.
    public let legacy: (any LegacyVolumeSource)?
    /// The LLFs of a distributor's class on a date (from standing data), or nil.
    public let lineLossFactors: @Sendable (MPID, String, SettlementDate) async throws -> LLFDay?
    public let configuration: VASConfiguration

    public init(
        register: any RegisterRepository, spData: any SPDataStore, takes: any GroupTakeRepository, runs: any SettlementRunRepository,
        shapes: (any LoadShapeRepository)? = nil, legacy: (any LegacyVolumeSource)? = nil, configuration: VASConfiguration = .init(),
        lineLossFactors: @escaping @Sendable (MPID, String, SettlementDate) async throws -> LLFDay?
    ) {
        self.shapes = shapes
        self.legacy = legacy
        self.register = register
        self.spData = spData
        self.takes = takes
        self.runs = runs
        self.configuration = configuration
        self.lineLossFactors = lineLossFactors
    }

    /// Settles `date` as `type` at `runAt` and stores the run.
    public func run(
        date: SettlementDate, type: SettlementRunType, at runAt: UTCInstant, groups: [GSPGroup] = GSPGroup.allCases
    ) async throws -> StoredSettlementRun {
        let version = try await spData.latestVersion(receivedAtOrBefore: runAt)
        let allTakes = try await takes.takes(on: date, asKnownAt: runAt)
        let defaulting = try await defaultingShapes(date: date, runAt: runAt)
        let settled = try await settleGroups(
            date: date, groups: groups, runAt: runAt, version: version, takes: allTakes, shapes: defaulting)
        let files = SettlementRunFiles.render(settled.map(\.settlement), classes: configuration.classes)
        var inputs: [String: String] = ["configuration": configuration.digest]
        for group in settled {
            inputs["register/\(group.settlement.gspGroup.rawValue)"] = group.registerDigest
            for segment in group.segments { inputs["sp/\(segment.gspGroup.rawValue)/\(segment.version)"] = segment.sha256 }
            inputs["llf/\(group.settlement.gspGroup.rawValue)"] = group.lossDigest
        }
        let takeText = allTakes.map { "\($0.gspGroup.rawValue),\($0.period),\($0.direction.rawValue),\($0.wattHours)" }.sorted().joined(
            separator: "\n")
        inputs["takes"] = Array(SHA256.hash(data: Array(takeText.utf8))).hexString
        // LSS runs are immutable, so their ids name the shapes used.
        if let defaulting { inputs["load-shapes"] = defaulting.runIDs.joined(separator: " ") }
        if let legacy { inputs["legacy"] = legacy.digest }
        let results = files.mapValues { Array(SHA256.hash(data: $0)).hexString }
        // Numbered after the runs already stored; when another process stored that number first
        // (two servers on one database), the save fails on the id and the run takes the next one.
        for attempt in 1...5 {
            let number = try await runs.runs(on: date).filter { $0.runType == type }.count + 1
            let manifest = RunManifest(
                id: "\(date)-\(type.rawValue)-\(number)", settlementDate: date, runType: type, runNumber: number, runAt: runAt,
                spDataVersion: version, codeVersion: OpenMHHSVersion.current, inputs: inputs, results: results)
            let run = StoredSettlementRun(manifest: manifest, files: files)
            do {
                try await runs.save(run)
                return run
            } catch {
                let taken = try await runs.runs(on: date).contains { $0.id == manifest.id }
                guard taken, attempt < 5 else { throw error }
            }
        }
        preconditionFailure("unreachable: the last attempt returns or throws")
    }

    struct SettledGroup: Sendable {
        let settlement: GroupSettlement
        let segments: [SPSegmentRecord]
        let registerDigest: String
        let lossDigest: String
    }

    /// The LSS shapes each of the date's UTC days would use, as published by the run's time.
    private func defaultingShapes(date: SettlementDate, runAt: UTCInstant) async throws -> DefaultingShapes? {
        guard let shapes else { return nil }
        return try await DefaultingShapes.load(date: date, publishedBy: runAt, from: shapes)
    }

    private func settleGroups(
        date: SettlementDate, groups: [GSPGroup], runAt: UTCInstant, version: Int64, takes: [GroupTake], shapes: DefaultingShapes?
    ) async throws -> [SettledGroup] {
        var results: [SettledGroup] = []
        try await withThrowingTaskGroup(of: SettledGroup.self) { tasks in
            var pending = groups[...]
            for _ in 0..<min(configuration.parallelGroups, pending.count) {
                let group = pending.removeFirst()
                tasks.addTask { try await settle(group, date: date, runAt: runAt, version: version, takes: takes, shapes: shapes) }
            }
            while let finished = try await tasks.next() {
                results.append(finished)
                if let group = pending.popFirst() {
                    tasks.addTask { try await settle(group, date: date, runAt: runAt, version: version, takes: takes, shapes: shapes) }
                }
            }
        }
        return results.sorted { $0.settlement.gspGroup < $1.settlement.gspGroup }
    }

    private func settle(
        _ group: GSPGroup, date: SettlementDate, runAt: UTCInstant, version: Int64, takes: [GroupTake], shapes: DefaultingShapes?
    ) async throws -> SettledGroup {
        let snapshot = try await register.snapshot(of: group, on: date, asKnownAt: runAt)
        let records = try await spData.segmentRecords(of: date, group: group, upToVersion: version)
        let settler = GroupSettler(configuration: configuration, lineLossFactors: lineLossFactors)
        let settled: (GroupSettlement, [String: [Int64]])
        if let aggregating = spData as? any SPDataAggregating {
            // The store sums the values where they are; only the sums and the incomplete points come back.
            settled = try await settler.settle(
                snapshot: snapshot, segments: [], cutoffVersion: version, takes: takes, shapes: shapes, legacy: legacy
            ) { request in try await aggregating.aggregate(request, date: date, group: group, upToVersion: version) }
        } else {
            let segments = try await spData.segments(of: date, group: group, upToVersion: version)
            settled = try await settler.settle(
                snapshot: snapshot, segments: segments, cutoffVersion: version, takes: takes, shapes: shapes, legacy: legacy)
        }
        let (settlement, factors) = settled
        let lossText = factors.keys.sorted().map { "\($0):\(factors[$0]!.map(String.init).joined(separator: ","))" }.joined(separator: "\n")
        return SettledGroup(
            settlement: settlement, segments: records, registerDigest: RegisterSnapshotDigest.sha256(snapshot),
            lossDigest: Array(SHA256.hash(data: Array(lossText.utf8))).hexString)
    }
}
