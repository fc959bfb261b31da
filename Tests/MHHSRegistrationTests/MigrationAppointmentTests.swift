import Foundation
import MHHSCore
import MHHSMessages
import Testing

@testable import MHHSRegistration

/// Forward migration through the appointment process: the current supplier appoints MHHS
/// services with scenario `MCA`; when both are accepted the metering point is MHHS.
@Suite("REGS processes: forward migration (MCA appointments)")
struct MigrationAppointmentTests {
    typealias P = ProcessFixtures
    typealias F = RegisterFixtures
    typealias D = DataItemChangeTests
    typealias A = AppointmentProcessTests

    /// A legacy NHH point of OLDS with an NHHDC, no MHHS services.
    static var legacyHistory: [RegisterAssertion] {
        var facts = F.fullState(supplier: "OLDS", arrangement: .legacyNHH)
        facts.dataService = nil
        facts.meteringService = nil
        return [F.assertion(effective: "2026-10-01", recorded: "2026-10-01", facts: facts, sequence: 1)]
    }

    static func request(_ role: AppointmentRole, _ provider: MPID, from date: String) -> AppointmentRequest {
        AppointmentRequest(mpan: F.mpan, role: role, provider: provider, effectiveFrom: F.date(date), scenario: "MCA")
    }

    /// Requests both services, then answers each as its provider; returns the register after.
    static func migrate(dsFrom: String, msFrom: String, acceptMS: Bool = true) throws -> (
        history: [RegisterAssertion], appointments: [PendingAppointment]
    ) {
        var history = legacyHistory
        var appointments: [PendingAppointment] = []
        func apply(_ outcome: RegistrationOutcome) {
            history += outcome.assertions
            for appointment in outcome.appointments {
                appointments.removeAll { $0.id == appointment.id }
                appointments.append(appointment)
            }
        }
        for request in [Self.request(.smartDataService, A.newSDS, from: dsFrom), Self.request(.smartMeteringService, D.mss, from: msFrom)] {
            apply(
                try RegistrationProcess.handle(
                    .appointment(request), from: P.asOldSupplier, history: history, appointments: appointments, context: A.context))
        }
        for (appointment, provider) in zip(appointments, [(A.newSDS, DIPRole.smartDataService), (D.mss, .smartMeteringService)]) {
            let accepted = provider.1 == .smartDataService || acceptMS
            apply(
                try RegistrationProcess.handle(
                    .appointmentResponse(
                        AppointmentResponse(
                            mpan: F.mpan, appointmentID: appointment.id, accepted: accepted, responseCode: accepted ? "SP000" : "SP001")),
                    from: RequestSender(participant: provider.0, role: provider.1), history: history, appointments: appointments,
                    context: A.context))
        }
        return (history, appointments)
    }

    static func arrangement(_ history: [RegisterAssertion], on date: String) -> SettlementArrangement? {
        RegisterFold.state(of: history, on: F.date(date), asKnownAt: F.instant("2026-11-11"))?.arrangement
    }

    @Test("both MCA appointments accepted: MHHS from the later of their dates, legacy before")
    func migratesWhenBothAccepted() throws {
        let (history, appointments) = try Self.migrate(dsFrom: "2026-11-12", msFrom: "2026-11-13")
        #expect(appointments.map(\.status) == [.accepted, .accepted])
        #expect(Self.arrangement(history, on: "2026-11-12") == .legacyNHH)
        #expect(Self.arrangement(history, on: "2026-11-13") == .mhhs)
        #expect(history.last?.source == "migration (MCA appointments accepted)")
        let state = RegisterFold.state(of: history, on: F.date("2026-11-13"), asKnownAt: F.instant("2026-11-11"))
        #expect(state?.dataService?.provider == A.newSDS)
        #expect(state?.profileClass != nil, "the legacy profile stays on record for parity checks")
    }

    @Test("one of the two rejected: the point stays legacy")
    func staysLegacyWhenOneIsRejected() throws {
        let (history, appointments) = try Self.migrate(dsFrom: "2026-11-12", msFrom: "2026-11-12", acceptMS: false)
        #expect(appointments.map(\.status) == [.accepted, .rejected])
        #expect(Self.arrangement(history, on: "2026-11-20") == .legacyNHH)
    }

    @Test("MCA for a point already on MHHS is REG9007; MCA by another supplier is REG9005")
    func rejections() {
        func code(_ request: AppointmentRequest, _ sender: RequestSender, _ history: [RegisterAssertion]) -> String? {
            do throws(RegistrationError) {
                _ = try RegistrationProcess.handle(.appointment(request), from: sender, history: history, context: A.context)
                return nil
            } catch { return error.code }
        }
        let request = Self.request(.smartDataService, A.newSDS, from: "2026-11-12")
        #expect(code(request, P.asOldSupplier, D.history) == "REG9007")
        #expect(code(request, P.asNewSupplier, Self.legacyHistory) == "REG9005")
        #expect(code(request, P.asOldSupplier, Self.legacyHistory) == nil)
    }
}
