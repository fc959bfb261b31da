import ArgumentParser
import Foundation
import MHHSCore
import MHHSLegacy
import MHHSRegistration
import MHHSSettlement
import MHHSStandingData
import MHHSStorage

/// `mhhs legacy …`: the legacy paths for MPANs not yet migrated.
struct LegacyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "legacy", abstract: "Legacy settlement (SVAA) for MPANs not yet migrated: NHH profiling, HH data, EAC/AA.",
        subcommands: [Profile.self, HHIngest.self, EAC.self])

    struct EAC: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "eac", abstract: "Update legacy NHH EAC/AA from meter register reads (the NHHDC's annualisation).",
            discussion: """
                The --reads file is CSV: \(EACUpdate.header) (cumulative kWh with three decimals, read at the end of its date). \
                Each pair of consecutive reads of a point gives an annualised advance, recorded as its annual \
                consumption over the dates between them, and a new EAC from the day after the second (docs/LEGACY.md). \
                The coefficients are the synthetic set the settlement runs profile with. Refused points are listed and \
                the exit status is 1; the others are recorded.
                """)

        @Option(help: "The register reads CSV.")
        var reads: String

        @Option(help: "Record as at this time (default now).")
        var at: String?

        @Option(help: "[A] The EAC weight's scale in millionths of the year share (default 1000000).")
        var weightScale: Int64 = 1_000_000

        func validate() throws {
            guard weightScale >= 0 else { throw ValidationError("--weight-scale must not be negative") }
            if let at { _ = try parseInstant(at) }
        }

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let update: EACUpdate
            do {
                update = try EACUpdate(csv: try String(contentsOfFile: reads, encoding: .utf8), weightScaleMillionths: weightScale)
            } catch { throw ValidationError("\(reads): \(error) — nothing was recorded") }
            let instant = try at.map(parseInstant) ?? SystemClock.now
            // The settlement runs profile with the synthetic set, so the AA must be worked out with it too.
            let (results, refusals) = try await store.withRegister { register in
                try await update.apply(register: register, coefficients: SyntheticProfileCoefficients(), at: instant)
            }
            for result in results {
                print(
                    "\(result.mpan) \(result.from)…\(result.to): advance \(result.advanceWh) Wh, AA \(result.annualisedAdvanceWh) Wh/year, EAC \(result.previousEACWh) → \(result.eacWh) Wh/year"
                )
            }
            for refusal in refusals { print("refused \(refusal.mpan) (line \(refusal.line)): \(refusal.reason)") }
            if !refusals.isEmpty { throw ExitCode(1) }
        }
    }

    struct HHIngest: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "hh-ingest", abstract: "Store legacy HH metering points' HH data (HHDC to HHDA) for settlement.",
            discussion: """
                FILE is CSV: \(LegacyHHData.header) (kwh with three decimals, flag A actual or E estimated). \
                A malformed file is refused whole; a row for a point that is not legacy HH on its date (or in the \
                wrong direction, or for a future date) is refused and the rest stored as one new version of the SP \
                data; the exit status is then 1.
                """)

        @Argument(help: "The HH data CSV file.")
        var file: String

        @Option(help: "When the data counts as received (default now).")
        var receivedAt: String?

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            let data: LegacyHHData
            do { data = try LegacyHHData(csv: text) } catch { throw ValidationError("\(file): \(error) — nothing was stored") }
            let received = try receivedAt.map(parseInstant) ?? SystemClock.now
            let receipt = try await store.withSettlementStores { stores in
                try await data.ingest(register: stores.register, store: stores.spData, receivedAt: received)
            }
            print(
                "\(receipt.accepted) HH values stored\(receipt.stored.map { " as version \($0.version)" } ?? ""), \(receipt.refusals.count) refused"
            )
            for refusal in receipt.refusals { print("  line \(refusal.line) \(refusal.mpan): \(refusal.reason)") }
            if !receipt.refusals.isEmpty { throw ExitCode(1) }
        }
    }

    struct Profile: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The supplier purchase matrix and NHH SP volumes of a settlement date's legacy NHH MPANs (CSV files).")

        @Option(help: "The settlement date, YYYY-MM-DD.")
        var date: String

        @Option(help: "Only this GSP group (default: all 14).")
        var group: String?

        @Option(help: "The register as known at this time (default now).")
        var at: String?

        @Option(help: "Profile coefficients CSV (profile_class,gsp_group,settlement_date,sp,coefficient); default: the synthetic set.")
        var coefficients: String?

        @Option(help: "Write matrix.csv and volumes.csv into this folder.")
        var out: String

        @OptionGroup var store: StoreOptions

        func validate() throws {
            _ = try SettlementDate(date)
            if let group, GSPGroup(rawValue: group) == nil { throw ValidationError("--group must be a GSP group such as _A") }
            if let at { _ = try parseInstant(at) }
        }

        func run() async throws {
            let date = try SettlementDate(date)
            let instant = try at.map(parseInstant) ?? SystemClock.now
            let groups = group.map { [GSPGroup(rawValue: $0)!] } ?? GSPGroup.allCases
            guard let mdd = try await store.withStandingData({ try await $0.marketDomainData() }) else {
                throw ValidationError("no Market Domain Data: run `mhhs standing-data import --mdd DIR` first")
            }
            var pointsByGroup: [(GSPGroup, [NHHMeteringPoint])] = []
            for group in groups {
                let points = try await store.withRegister { register in
                    Self.legacyPoints(try await register.snapshot(of: group, on: date, asKnownAt: instant))
                }
                if !points.isEmpty { pointsByGroup.append((group, points)) }
            }
            // The synthetic years of only the classes and groups met (each is a year's work).
            let source: any ProfileCoefficientSource =
                try coefficients.map { try ProfileCoefficientTable(csv: String(contentsOfFile: $0, encoding: .utf8)) }
                ?? PrecomputedProfileCoefficients(
                    SyntheticProfileCoefficients(), years: date.year...date.year,
                    profileClasses: Set(pointsByGroup.flatMap { $0.1.map(\.profileClass) }).filter { (1...8).contains($0) }.sorted(),
                    groups: pointsByGroup.map(\.0))
            var patterns: [String: SettlementConfigurationPatterns] = [:]
            for ssc in Set(pointsByGroup.flatMap { $0.1.map(\.ssc) }) {
                patterns[ssc] = SettlementConfigurationPatterns(ssc: ssc, marketDomainData: mdd)
            }
            let profiler = NHHProfiler(coefficients: source) { [patterns] in patterns[$0] }
            let folder = URL(fileURLWithPath: out)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var matrixCSV = "settlement_date,supplier,gsp_group,profile_class,ssc,llf_class,tpr,metering_points,annual_kwh\n"
            var volumesCSV = "settlement_date,supplier,gsp_group,profile_class,ssc,llf_class,tpr,sp,kwh\n"
            var profiled = 0
            var dayWh: Int64 = 0
            var teleswitched = Set<String>()
            var overlapping = Set<String>()
            for (_, points) in pointsByGroup {
                let matrix = profiler.matrix(points, on: date)
                for (mpan, reason) in matrix.unprofiled { print("not profiled: \(mpan): \(reason)") }
                profiled += points.count - matrix.unprofiled.count
                teleswitched.formUnion(matrix.teleswitchedSSCs)
                overlapping.formUnion(matrix.overlappingSSCs)
                let volumes = try profiler.volumes(matrix, on: date)
                for key in matrix.keys {
                    matrixCSV +=
                        "\(date),\(key),\(matrix.meteringPoints[key]!),\(DecimalText.format(matrix.annualWh[key]!, fractionDigits: 3))\n"
                    for (index, wattHours) in (volumes[key] ?? []).enumerated() where wattHours != 0 {
                        volumesCSV += "\(date),\(key),\(index + 1),\(DecimalText.format(wattHours, fractionDigits: 3))\n"
                        dayWh += wattHours
                    }
                }
            }
            try Data(matrixCSV.utf8).write(to: folder.appendingPathComponent("matrix.csv"))
            try Data(volumesCSV.utf8).write(to: folder.appendingPathComponent("volumes.csv"))
            print("\(profiled) legacy NHH MPANs profiled for \(date): \(DecimalText.format(dayWh, fractionDigits: 3)) kWh")
            if !teleswitched.isEmpty { print("teleswitched SSCs (profiled whole): \(teleswitched.sorted().joined(separator: " "))") }
            if !overlapping.isEmpty { print("SSCs with overlapping regimes: \(overlapping.sorted().joined(separator: " "))") }
            print("wrote \(folder.path)/matrix.csv and volumes.csv")
        }

        /// The snapshot's legacy NHH points with a supplier, profile class and SSC; the annual
        /// consumption is the register's EAC/AA (0 when none is recorded [A], so the point is still
        /// in the matrix and counted).
        static func legacyPoints(_ snapshot: RegisterSnapshot) -> [NHHMeteringPoint] {
            let legacy = UInt8(SettlementArrangement.allCases.firstIndex(of: .legacyNHH)!)
            return (0..<snapshot.count).compactMap { point in
                guard snapshot.arrangement[point] == legacy, snapshot.supplier[point] >= 0, snapshot.profileClass[point] > 0,
                    snapshot.standardSettlementConfiguration[point] >= 0, let mpan = try? MPAN(String(snapshot.mpans[point]))
                else { return nil }
                return NHHMeteringPoint(
                    mpan: mpan, supplier: snapshot.participants[Int(snapshot.supplier[point])], gspGroup: snapshot.gspGroup,
                    profileClass: Int(snapshot.profileClass[point]),
                    ssc: snapshot.standardSettlementConfigurations[Int(snapshot.standardSettlementConfiguration[point])],
                    llfClass: snapshot.llfClass[point] < 0 ? nil : snapshot.llfClasses[Int(snapshot.llfClass[point])],
                    annualWh: max(0, snapshot.annualConsumptionWh[point]))
            }
        }
    }
}
