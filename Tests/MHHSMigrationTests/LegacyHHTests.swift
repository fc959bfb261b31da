import Foundation
import MHHSCore
import MHHSLegacy
import MHHSSettlement
import Testing

/// Legacy HH settlement: a legacy HH point (…112, advanced LV CT, SUPA) in the half-group
/// fixture, whose HHDC reports 0.500 kWh every half hour of 16 Nov but SP 10 (missing) and
/// SP 11 (0.400, estimated). The VAS aggregates it in the legacy HH CCCs (191 actual, 192
/// estimated) beside the legacy NHH and MHHS points.
@Suite("Legacy HH: HHDC data aggregated in the VAS")
struct LegacyHHTests {
    typealias W = MigrationWorld

    @Test(arguments: MigrationWorld.Backend.allCases)
    func aggregatesHHData(_ backend: MigrationWorld.Backend) async throws {
        try await MigrationWorld.with(backend) { world in
            try await world.registrations("registrations.csv", recordedAt: "2026-10-01T00:00:00+00:00")
            try await world.registrations("legacy-hh.csv", recordedAt: "2026-10-01T00:00:00+00:00")
            try await world.takes(recordedAt: "2026-11-12T00:00:00+00:00")
            _ = try await world.consumption()

            let data = try LegacyHHData(csv: try String(contentsOf: W.fixture("legacy-hh-data.csv"), encoding: .utf8))
            let receipt = try await data.ingest(
                register: world.register, store: world.spData, receivedAt: W.instant("2026-11-23T07:00:00+00:00"))
            #expect(receipt.accepted == 47)
            #expect(receipt.refusals.map(\.reason) == ["legacy-nhh, not legacy HH, on 2026-11-16"])

            let run = try await world.settle("2026-11-16", .initialSettlement, at: "2026-11-23T12:00:00+00:00")
            try W.checkBalanced(run, points: 7)
            let volumes = try W.uncorrected(run)
            #expect(volumes["191|1"] == 500 && (volumes["192|1"] ?? 0) == 0)
            #expect(volumes["192|11"] == 400 && (volumes["191|11"] ?? 0) == 0)
            let lowVoltageCT = try #require(CCCTable.meteringClass(segment: .advanced, connectionType: .lowVoltageCT))
            let defaulted = DefaultingBackstop.standard.perPeriod(annualConsumptionWh: -1, meteringClass: lowVoltageCT).0
            #expect(volumes["192|10"] == defaulted && defaulted > 0, "the missing SP is defaulted as an MHHS point's would be")
            // The legacy NHH and MHHS points are where they were: SP 1 has 4 profiled points and the MHHS pair's 400 Wh.
            #expect(volumes["111|1"] == 400)
            #expect(volumes["182|1"] != nil)
        }
    }

    @Test("a malformed file is refused whole, naming the line and field")
    func malformed() {
        let text = "\(LegacyHHData.header)\n2000000000112,AI,2026-11-16,49,0.500,A\n"
        #expect(throws: LegacyHHData.FormatError(line: 2, message: "sp '49' is not valid")) { try LegacyHHData(csv: text) }
        let duplicate = "\(LegacyHHData.header)\n2000000000112,AI,2026-11-16,1,0.500,A\n2000000000112,AI,2026-11-16,1,0.600,A\n"
        #expect(throws: LegacyHHData.FormatError.self) { try LegacyHHData(csv: duplicate) }
        #expect(throws: LegacyHHData.FormatError.self) { try LegacyHHData(csv: "mpan,kwh\n") }
        let flag = "\(LegacyHHData.header)\n2000000000112,AI,2026-11-16,1,0.500,X\n"
        #expect(throws: LegacyHHData.FormatError(line: 2, message: "flag 'X' is not valid")) { try LegacyHHData(csv: flag) }
    }
}
