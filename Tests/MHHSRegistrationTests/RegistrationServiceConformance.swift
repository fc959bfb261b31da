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
        // Who changed the register is in each assertion's source (when: its recording time).
        let sources = try await repository.assertions(for: F.mpan).map(\.source)
        #expect(
            sources == [
                "IF-001 InitialRegistration, from \(P.oldSupplier.value) (SUP)",
                "IF-001 ChangeOfSupplier, from \(P.newSupplier.value) (SUP)",
            ], "\(sources)")
    }

    static func rejectionsChangeNothing(_ repository: some RegisterRepository) async throws {
        var directory = P.directory
        directory.add(AppointmentProcessTests.newSDS, role: .smartDataService, dipID: AppointmentProcessTests.newSDSID)
        let service = P.service(repository, now: "2026-11-10", directory: directory)
        try await service.handle(P.initialRegistration(), from: P.asOldSupplier)
        try await service.handle(.appointment(AppointmentProcessTests.dsRequest), from: P.asOldSupplier)
        let assertions = try await repository.assertions(for: F.mpan)
        let outbox = try await repository.outbox(after: 0, limit: 100)
        let pending = try await repository.pendingAppointments(requestedBefore: F.instant("2027-01-01"))
        func change(_ item: DataItemChange.Item, effective: String = "2026-11-02") -> RegistrationRequest {
            .change(DataItemChange(mpan: F.mpan, effectiveFrom: F.date(effective), item: item))
        }
        let ldso = RequestSender(participant: try MPID("LOND"), role: .distributor)
        let rejected: [(RegistrationRequest, RequestSender, String)] = [
            (P.initialRegistration(), P.asOldSupplier, "REG0007"),
            (P.changeOfSupplier(), P.asOldSupplier, "REG0006"),
            (P.changeOfSupplier(to: P.oldSupplier), P.asOldSupplier, "REG0007"),
            (P.changeOfSupplier(effective: "2026-09-01"), P.asNewSupplier, "REG0005"),
            (change(.energisation(.deEnergised)), P.asOldSupplier, "REG0010"),
            (change(.duosTariff("D07")), P.asOldSupplier, "REG0011"),
            (change(.duosTariff("D0007")), ldso, "REG0001"),
            (change(.annualConsumption(AnnualConsumption(energy: Energy(wattHours: 1), quality: "A"))), P.asOldSupplier, "REG0012"),
            (change(.marketSegment(.unmetered, .wholeCurrent)), P.asOldSupplier, "REG0008"),
            (.appointment(AppointmentProcessTests.dsRequest), P.asOldSupplier, "REG0007"),
            (
                .appointment(
                    AppointmentRequest(
                        mpan: F.mpan, role: .advancedDataService, provider: AppointmentProcessTests.newSDS,
                        effectiveFrom: F.date("2026-11-12"),
                        scenario: "CSP")), P.asOldSupplier, "REG0003"
            ),
            (
                .appointmentResponse(AppointmentResponse(mpan: F.mpan, appointmentID: "APP-none", accepted: true, responseCode: "SP000")),
                RequestSender(participant: AppointmentProcessTests.newSDS, role: .smartDataService), "REG0014"
            ),
            (
                .appointmentResponse(
                    AppointmentResponse(mpan: F.mpan, appointmentID: pending[0].id, accepted: true, responseCode: "SP000")),
                P.asOldSupplier, "REG0010"
            ),
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
            #expect(try await repository.pendingAppointments(requestedBefore: F.instant("2027-01-01")) == pending)
        }
    }

    static func appointmentChain(_ repository: some RegisterRepository) async throws {
        var directory = P.directory
        directory.add(AppointmentProcessTests.newSDS, role: .smartDataService, dipID: AppointmentProcessTests.newSDSID)
        directory.add(DataItemChangeTests.mss, role: .smartMeteringService, dipID: DataItemChangeTests.mssID)
        try await P.service(repository, now: "2026-10-01", directory: directory).handle(P.initialRegistration(), from: P.asOldSupplier)
        let service = P.service(repository, now: "2026-11-10", directory: directory)
        try await service.handle(.appointment(AppointmentProcessTests.dsRequest), from: P.asOldSupplier)
        let pending = try await repository.pendingAppointments(requestedBefore: F.instant("2027-01-01"))
        #expect(pending.count == 1 && pending[0].status == .pending)
        try await service.handle(
            .appointmentResponse(AppointmentResponse(mpan: F.mpan, appointmentID: pending[0].id, accepted: true, responseCode: "SP000")),
            from: RequestSender(participant: AppointmentProcessTests.newSDS, role: .smartDataService))
        #expect(try await repository.pendingAppointments(requestedBefore: F.instant("2027-01-01")).isEmpty)
        let state = try await repository.state(of: F.mpan, on: F.date("2026-11-12"), asKnownAt: F.instant("2026-11-11"))
        #expect(state?.dataService?.provider == AppointmentProcessTests.newSDS)

        // A metering-service request nobody answers lapses after the timeout.
        let msRequest = AppointmentRequest(
            mpan: F.mpan, role: .smartMeteringService, provider: DataItemChangeTests.mss, effectiveFrom: F.date("2026-11-12"),
            scenario: "CSP")
        try await service.handle(.appointment(msRequest), from: P.asOldSupplier)
        let later = P.service(repository, now: "2026-11-20", directory: directory)
        #expect(try await later.lapseAppointments(olderThan: 30 * 86_400) == 0)
        #expect(try await later.lapseAppointments(olderThan: 5 * 86_400) == 1)
        let outbox = try await repository.outbox(after: 0, limit: 100)
        #expect(outbox.last?.message.eventCode == "[MSAppLapsed]")
        #expect(outbox.last?.createdAt == F.instant("2026-11-20").adding(seconds: 9 * 3_600), "stamped when the lapse was decided")
        #expect(try await repository.pendingAppointments(requestedBefore: F.instant("2027-01-01")).isEmpty)
    }
}
