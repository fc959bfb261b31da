import Foundation
import MHHSCore
import MHHSLegacy
import MHHSSettlement
import Testing

/// Legacy NHH settlement beside MHHS in one GSP group (issue 7's first scenario), on SQLite and
/// PostgreSQL, with `Fixtures/scenarios/migration-mid-month`:
/// - …971 (3,650 kWh a year) and …033 (7,300) are legacy NHH, PC 1, SSC 0393; …042 is MHHS
///   (0.200 kWh every half hour);
/// - …033 migrates to MHHS from 10 November (recorded 8 November; 0.300 kWh a half hour after);
/// - …042 migrates back to legacy from 12 November (recorded 14 November, after its data was in).
/// Each day's take is 1 kWh a half hour. Every day, each MPAN is counted once, in the arrangement
/// the register gives it on the date as known at the run, and the corrected volumes sum to the take.
@Suite("Transition: legacy NHH beside MHHS")
struct TransitionScenarioTests {
    static let scenario = "migration-mid-month"

    /// Uncorrected Wh per CCC and SP of one run.
    static func uncorrected(_ run: StoredSettlementRun) throws -> [String: Int64] {
        var table: [String: Int64] = [:]
        for volume in try RunResults(manifest: run.manifest, files: run.files).volumes where volume.component == "consumption" {
            table["\(volume.ccc)|\(volume.period)", default: 0] += volume.uncorrectedMilliWh / 1_000
        }
        return table
    }

    /// The profile volume by hand: annual Wh × the PC 1 coefficient of `_H` on the date, half up.
    static func profiled(_ annualWh: Int64, _ date: String, period: Int) throws -> Int64 {
        let coefficient = try SyntheticProfileCoefficients().coefficients(profileClass: 1, group: .southern, date: SettlementDate(date))[
            period]
        return (2 * annualWh * coefficient + 1_000_000_000_000) / 2_000_000_000_000
    }

    static func statistics(_ run: StoredSettlementRun) -> String {
        String(decoding: run.files[SettlementRunFiles.statistics]!, as: UTF8.self)
    }

    @Test(arguments: SettlementWorld.Backend.allCases)
    func migrationMidMonth(_ backend: SettlementWorld.Backend) async throws {
        try await SettlementWorld.with(backend) { world in
            try await world.registrations(
                SettlementWorld.fixture(Self.scenario, "registrations.csv"), recordedAt: "2026-10-01T00:00:00+00:00")
            try await world.registrations(SettlementWorld.fixture(Self.scenario, "migration.csv"), recordedAt: "2026-11-08T00:00:00+00:00")
            #expect(try await world.consumption(SettlementWorld.fixture(Self.scenario, "consumption.csv")).isEmpty)
            try await world.takes(SettlementWorld.fixture(Self.scenario, "takes.csv"), recordedAt: "2026-11-13T00:00:00+00:00")
            try await world.registrations(
                SettlementWorld.fixture(Self.scenario, "reverse-migration.csv"), recordedAt: "2026-11-14T00:00:00+00:00")

            // Before the migration: two legacy points (CCC 182) and one MHHS point (112 actual).
            let before = try await world.settle("2026-11-05", .initialSettlement, at: "2026-11-20T00:00:00+00:00")
            try SettlementInvariants.check(before, periods: 48)
            #expect(before.manifest.inputs["legacy"] == "synthetic")
            var volumes = try Self.uncorrected(before)
            for period in [0, 20, 47] {
                let legacy =
                    try Self.profiled(3_650_000, "2026-11-05", period: period) + Self.profiled(7_300_000, "2026-11-05", period: period)
                #expect(volumes["182|\(period + 1)"] == legacy, "SP \(period + 1)")
                #expect(volumes["111|\(period + 1)"] == 200)
            }
            #expect(Self.statistics(before).contains("2026-11-05,_H,3,"))

            // After it: …033 is MHHS (its 300 Wh beside …042's 200), only …971 is profiled.
            let after = try await world.settle("2026-11-10", .initialSettlement, at: "2026-11-20T00:00:00+00:00")
            try SettlementInvariants.check(after, periods: 48)
            volumes = try Self.uncorrected(after)
            #expect(volumes["182|1"] == (try Self.profiled(3_650_000, "2026-11-10", period: 0)))
            #expect(volumes["111|1"] == 500)
            #expect(Self.statistics(after).contains("2026-11-10,_H,3,"))

            // A run of the pre-migration day before the migration was recorded, and the SF after:
            // both settle …033 on the legacy path, with the same legacy volumes (…042's data had
            // not arrived by the 7th, so its MHHS volumes differ).
            let early = try await world.settle("2026-11-05", .interimInformation, at: "2026-11-07T00:00:00+00:00")
            let legacyEarly = try Self.uncorrected(early).filter { $0.key.hasPrefix("182|") }
            let legacyBefore = try Self.uncorrected(before).filter { $0.key.hasPrefix("182|") }
            #expect(legacyEarly.count == 48 && legacyEarly == legacyBefore)

            // Reverse migration: from 12 November …042 is legacy again; its MHHS data for the day
            // (accepted before the change was recorded) is not counted, its profile is.
            let reversed = try await world.settle("2026-11-12", .initialSettlement, at: "2026-11-20T00:00:00+00:00")
            try SettlementInvariants.check(reversed, periods: 48)
            volumes = try Self.uncorrected(reversed)
            let legacy = try Self.profiled(3_650_000, "2026-11-12", period: 0) + Self.profiled(1_752_000, "2026-11-12", period: 0)
            #expect(volumes["182|1"] == legacy)
            #expect(volumes["111|1"] == 300)
            // Before the reverse migration was recorded, the same day had …042 on MHHS.
            let known = try await world.settle("2026-11-12", .interimInformation, at: "2026-11-13T12:00:00+00:00")
            #expect(try Self.uncorrected(known)["111|1"] == 500)
        }
    }
}
