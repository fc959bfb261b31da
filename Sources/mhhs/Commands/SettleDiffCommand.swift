import ArgumentParser
import MHHSCore
import MHHSRegistration
import MHHSSettlement
import MHHSStorage

/// `mhhs settle diff --date D --from SF --to R1`.
struct SettleDiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "List the changes in corrected volumes between two runs of a date, largest first, and the MPANs behind the largest.")

    @Option(help: "The settlement date, YYYY-MM-DD.")
    var date: String

    @Option(help: "The earlier run type (its latest run).")
    var from: String

    @Option(help: "The later run type (its latest run).")
    var to: String

    @Option(help: "How many changes to list.")
    var limit: Int = 20

    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await store.withSettlementStores { stores in
            let settlementDate = try SettlementDate(date)
            guard let fromType = SettlementRunType(rawValue: from), let toType = SettlementRunType(rawValue: to) else {
                throw ValidationError("run types are II, SF, R1, R2, R3, RF or DF")
            }
            guard let old = try await stores.runs.latest(on: settlementDate, type: fromType) else {
                throw NotFound("no \(from) run of \(date)")
            }
            guard let new = try await stores.runs.latest(on: settlementDate, type: toType) else {
                throw NotFound("no \(to) run of \(date)")
            }
            let diff = RunDiff(
                from: try await stores.runs.file(named: SettlementRunFiles.volumes, ofRun: old.id) ?? [],
                to: try await stores.runs.file(named: SettlementRunFiles.volumes, ofRun: new.id) ?? [])
            print("\(old.id) → \(new.id): \(diff.changes.count) changed cells")
            print("gsp_group,supplier,bm_unit,ccc,sp,from_kwh,to_kwh,change_kwh")
            for change in diff.changes.prefix(limit) {
                print(
                    "\(change.gspGroup),\(change.supplier),\(change.bmUnit),\(change.ccc),\(change.period),"
                        + "\(SettlementRunFiles.kWh(milliWh: change.fromMilliWh)),\(SettlementRunFiles.kWh(milliWh: change.toMilliWh)),"
                        + SettlementRunFiles.kWh(milliWh: change.deltaMilliWh))
            }
            guard let largest = diff.changes.first, let group = GSPGroup(rawValue: largest.gspGroup) else { return }
            func contributions(_ manifest: RunManifest) async throws -> [Int64: Int64] {
                let snapshot = try await stores.register.snapshot(of: group, on: settlementDate, asKnownAt: manifest.runAt)
                let segments = try await stores.spData.segments(of: settlementDate, group: group, upToVersion: manifest.spDataVersion)
                return MPANContributions.wattHours(
                    snapshot: snapshot, segments: segments, cutoffVersion: manifest.spDataVersion, supplier: largest.supplier,
                    bmUnit: largest.bmUnit, periodIndex: largest.period - 1,
                    legacy: try stores.runner().legacy?.profiles(snapshot))
            }
            let before = try await contributions(old)
            let after = try await contributions(new)
            let changed = Set(before.keys).union(after.keys).compactMap { mpan -> (Int64, Int64, Int64)? in
                let delta = (after[mpan] ?? 0) - (before[mpan] ?? 0)
                return delta == 0 ? nil : (mpan, before[mpan] ?? 0, after[mpan] ?? 0)
            }.sorted { abs($0.2 - $0.1) != abs($1.2 - $1.1) ? abs($0.2 - $0.1) > abs($1.2 - $1.1) : $0.0 < $1.0 }
            print("MPANs behind the largest change (\(largest.supplier) \(largest.bmUnit) SP\(largest.period), uncorrected Wh):")
            print("mpan,from_wh,to_wh")
            for (mpan, old, new) in changed.prefix(limit) { print("\(mpan),\(old),\(new)") }
        }
    }
}
