import Foundation
import MHHSCore
import MHHSMessages
import MHHSStorage
import Testing

@testable import MHHSRegistration

@Suite("REGS processes: IF-045 reminders")
struct RemindersTests {
    typealias F = RegisterFixtures
    typealias P = ProcessFixtures

    @Test("which reminders a metering point needs")
    func events() {
        var facts = F.fullState(supplier: "OLDS", arrangement: .mhhs)
        #expect(RegistrationReminders.events(for: facts) == ["NoDSAppointed", "NoMSAppointed"])
        facts.dataService = Appointment(role: .advancedDataService, provider: try! MPID("ADSA"))
        facts.meteringService = Appointment(role: .smartMeteringService, provider: try! MPID("MSSA"))
        #expect(RegistrationReminders.events(for: facts) == ["InvalidMarketSegment"])
        facts.dataService = Appointment(role: .smartDataService, provider: try! MPID("SDSA"))
        #expect(RegistrationReminders.events(for: facts).isEmpty)
        #expect(
            RegistrationReminders.events(for: F.fullState(supplier: "OLDS", arrangement: .legacyNHH)).isEmpty,
            "legacy points have legacy agents")
    }

    @Test("the group scan sends IF-045 to the supplier of each MHHS point missing a service")
    func scan() async throws {
        try await SQLiteRegisterRepositoryTests.withRepository { repository in
            var facts = F.fullState(supplier: "OLDS", arrangement: .mhhs)
            facts.meteringService = Appointment(role: .smartMeteringService, provider: try MPID("MSSA"))
            try await repository.record([F.assertion(effective: "2026-10-01", recorded: "2026-10-01", facts: facts)])
            let service = P.service(repository, now: "2026-11-10")
            #expect(try await service.sendReminders(group: .london, on: F.date("2026-11-10")) == 1)
            let outbox = try await repository.outbox(after: 0, limit: 10)
            #expect(outbox.map(\.message.eventCode) == ["[NoDSAppointed]"])
            #expect(outbox.first?.message.recipient == P.oldSupplierID)
            try GoldenMessages.check([("REGS-IF-045-NoDSAppointed.json", outbox[0].message.message)])
            #expect(try await service.sendReminders(group: .eastern, on: F.date("2026-11-10")) == 0)
        }
    }
}
