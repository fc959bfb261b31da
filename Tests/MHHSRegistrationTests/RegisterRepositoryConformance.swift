import Foundation
import MHHSCore
import Testing

@testable import MHHSRegistration

/// The behaviour every ``RegisterRepository`` must have. Each backend's suite calls these with
/// a fresh, empty repository.
/// Thrown by a test to abort a bulk load.
struct StopLoad: Error {}

enum RegisterRepositoryConformance {
    typealias F = RegisterFixtures

    static func recordsAndReadsBack(_ repository: some RegisterRepository) async throws {
        let first = F.assertion(effective: "2026-10-01", recorded: "2026-10-01", facts: F.fullState(supplier: "OLDS"))
        let change = F.supplierChange("NEWS", effective: "2026-11-01", recorded: "2026-11-10")
        let sequences = try await repository.record([first, change])
        #expect(sequences.count == 2 && sequences[1] == sequences[0] + 1)
        let stored = try await repository.assertions(for: F.mpan)
        #expect(stored.count == 2)
        #expect(stored.map(\.sequence) == sequences)
        #expect(stored[0].facts == first.facts)
        #expect(stored[0].mask == .all && stored[1].mask == .supplier)
        #expect(stored[1].recordedAt == F.instant("2026-11-10"))
        #expect(stored[1].source == "test")
        #expect(try await repository.gspGroup(of: F.mpan) == .london)
        #expect(try await repository.gspGroup(of: F.otherMPAN) == nil)
        #expect(try await repository.assertions(for: F.otherMPAN).isEmpty)
        #expect(try await repository.meteringPointCount() == 1)
        // The acceptance scenario through the store.
        let day1 = F.date("2026-11-01")
        #expect(try await repository.state(of: F.mpan, on: day1, asKnownAt: F.instant("2026-11-05"))?.supplier?.value == "OLDS")
        #expect(try await repository.state(of: F.mpan, on: day1, asKnownAt: F.instant("2026-11-11"))?.supplier?.value == "NEWS")
        let history = try await repository.history(of: F.mpan)
        #expect(history.entries.map { $0.facts.first { $0.name == "supplier" }?.value } == ["OLDS", "NEWS"])
    }

    static func rejectsAnotherGroup(_ repository: some RegisterRepository) async throws {
        try await repository.record([F.assertion(effective: "2026-10-01", recorded: "2026-10-01", facts: F.fullState(supplier: "OLDS"))])
        let moved = RegisterAssertion(
            mpan: F.mpan, gspGroup: .eastern, effectiveFrom: F.date("2026-11-01"), recordedAt: F.instant("2026-11-01"),
            mask: .supplier, facts: F.fullState(supplier: "NEWS"), source: "test")
        let fresh = F.assertion(F.otherMPAN, effective: "2026-10-01", recorded: "2026-10-01", facts: F.fullState(supplier: "OTHR"))
        await #expect(throws: RegistrationError.self) { try await repository.record([fresh, moved]) }
        #expect(try await repository.assertions(for: F.mpan).count == 1, "nothing of the failed batch is kept")
        #expect(try await repository.gspGroup(of: F.otherMPAN) == nil)
    }

    static func rollsBackABulkLoad(_ repository: some RegisterRepository) async throws {
        await #expect(throws: StopLoad.self) {
            _ = try await repository.recordAll { store in
                try store(F.assertion(effective: "2026-10-01", recorded: "2026-10-01", facts: F.fullState(supplier: "OLDS")))
                throw StopLoad()
            }
        }
        #expect(try await repository.meteringPointCount() == 0)
        let count = try await repository.recordAll { store in
            try store(F.assertion(effective: "2026-10-01", recorded: "2026-10-01", facts: F.fullState(supplier: "OLDS")))
        }
        #expect(count == 1)
        #expect(try await repository.assertions(for: F.mpan).first?.sequence == 1, "a rolled-back load uses no sequence numbers")
    }

    static func snapshotsAGroup(_ repository: some RegisterRepository) async throws {
        let mpans = (0..<50).map { try! MPAN(distributor: DistributorID(12), uniqueNumber: Int64($0) * 1_000 + 7) }
        var assertions: [RegisterAssertion] = []
        for (index, mpan) in mpans.enumerated() {
            assertions.append(F.assertion(mpan, effective: "2026-10-01", recorded: "2026-10-01", facts: F.fullState(supplier: "OLDS")))
            if index % 5 == 0 {
                var facts = MeteringPointFacts()
                facts.supplier = try MPID("NEWS")
                assertions.append(F.assertion(mpan, effective: "2026-11-01", recorded: "2026-11-10", mask: .supplier, facts: facts))
            }
        }
        var eastern = F.fullState(supplier: "EAST")
        eastern.distributor = try MPID("EELC")
        let east = try MPAN(distributor: DistributorID(10), uniqueNumber: 5)
        assertions.append(
            RegisterAssertion(
                mpan: east, gspGroup: .eastern, effectiveFrom: F.date("2026-10-01"), recordedAt: F.instant("2026-10-01"), mask: .all,
                facts: eastern, source: "test"))
        try await repository.record(assertions.shuffled())
        let before = try await repository.snapshot(of: .london, on: F.date("2026-11-02"), asKnownAt: F.instant("2026-11-05"))
        #expect(before.count == 50)
        #expect(before.mpans == mpans.map(\.value).sorted())
        #expect(before.supplier.allSatisfy { before.participants[Int($0)].value == "OLDS" })
        let after = try await repository.snapshot(of: .london, on: F.date("2026-11-02"), asKnownAt: F.instant("2026-11-11"))
        #expect(after.supplier.filter { after.participants[Int($0)].value == "NEWS" }.count == 10)
        #expect(try await repository.snapshot(of: .eastern, on: F.date("2026-11-02"), asKnownAt: F.instant("2026-11-11")).count == 1)
        #expect(try await repository.snapshot(of: .london, on: F.date("2026-09-30"), asKnownAt: F.instant("2026-11-11")).count == 0)
        for index in 0..<after.count {
            let mpan = try MPAN(String(after.mpans[index]))
            let folded = try await repository.state(of: mpan, on: F.date("2026-11-02"), asKnownAt: F.instant("2026-11-11"))
            #expect(after.facts(at: index).supplier == folded?.supplier)
        }
    }
}
