import MHHSCore
import MHHSMessages
import Testing

@testable import MHHSRegistration

/// The Registration Service over a real store: outcomes are recorded with their outbox
/// messages, and a rejection changes nothing.
enum RegistrationServiceConformance {
    typealias P = ProcessFixtures
    typealias F = RegisterFixtures

    static func recordsOutcomesAndOutbox(_ repository: some RegisterRepository) async throws {
        try await P.service(repository, now: "2026-10-01").handle(P.initialRegistration(), from: P.asOldSupplier)
        #expect(try await repository.outbox(after: 0, limit: 100).map(\.message.interfaceID) == ["IF-001", "IF-001", "IF-001", "IF-002"])
        try await P.service(repository, now: "2026-11-10").handle(P.changeOfSupplier(), from: P.asNewSupplier)
        let outbox = try await repository.outbox(after: 4, limit: 100)
        #expect(outbox.count == 5)
        #expect(outbox.allSatisfy { $0.mpan == F.mpan })
        #expect(outbox.first?.message.message.payload.CommonBlock.S0.eventCode == "[ChangeOfSupplier]")
        #expect(outbox.map(\.sequence) == Array(5...9))
        let day = F.date("2026-11-01")
        #expect(try await repository.state(of: F.mpan, on: day, asKnownAt: F.instant("2026-11-05"))?.supplier == P.oldSupplier)
        #expect(try await repository.state(of: F.mpan, on: day, asKnownAt: F.instant("2026-11-11"))?.supplier == P.newSupplier)
        #expect(try await repository.state(of: F.mpan, on: day, asKnownAt: F.instant("2026-11-11"))?.cssRegistrationID == "9a1b2c3d-cos")
    }

    static func rejectionsChangeNothing(_ repository: some RegisterRepository) async throws {
        let service = P.service(repository, now: "2026-11-10")
        try await service.handle(P.initialRegistration(), from: P.asOldSupplier)
        let assertions = try await repository.assertions(for: F.mpan)
        let outbox = try await repository.outbox(after: 0, limit: 100)
        let rejected: [(RegistrationRequest, RequestSender, String)] = [
            (P.initialRegistration(), P.asOldSupplier, "REG0007"),
            (P.changeOfSupplier(), P.asOldSupplier, "REG0006"),
            (P.changeOfSupplier(to: P.oldSupplier), P.asOldSupplier, "REG0007"),
            (P.changeOfSupplier(effective: "2026-09-01"), P.asNewSupplier, "REG0005"),
        ]
        for (request, sender, code) in rejected {
            do {
                try await service.handle(request, from: sender)
                Issue.record("\(code) expected")
            } catch let error as RegistrationError {
                #expect(error.code == code)
            }
            #expect(try await repository.assertions(for: F.mpan) == assertions)
            #expect(try await repository.outbox(after: 0, limit: 100) == outbox)
        }
    }
}
