import Foundation
import MHHSCore
import MHHSMessages
import Testing

@testable import MHHSRegistration

@Suite("REGS processes: service-provider appointment")
struct AppointmentProcessTests {
    typealias P = ProcessFixtures
    typealias F = RegisterFixtures
    typealias D = DataItemChangeTests

    static let newSDS = try! MPID("SDSB")
    static let newSDSID = try! DIPID("1400000002")

    static var context: RegistrationContext {
        var directory = P.directory
        directory.add(D.sds, role: .smartDataService, dipID: D.sdsID)
        directory.add(newSDS, role: .smartDataService, dipID: newSDSID)
        directory.add(D.mss, role: .smartMeteringService, dipID: D.mssID)
        return RegistrationContext(
            registrationService: P.regs, marketwideDataService: P.mds, directory: directory, environmentTag: "SIT",
            now: F.instant("2026-11-10").adding(seconds: 9 * 3_600))
    }

    static let dsRequest = AppointmentRequest(
        mpan: F.mpan, role: .smartDataService, provider: newSDS, effectiveFrom: F.date("2026-11-12"), scenario: "CSP",
        consentGranularity: "H")

    static func requested() throws -> RegistrationOutcome {
        try RegistrationProcess.handle(.appointment(dsRequest), from: P.asOldSupplier, history: D.history, context: context)
    }

    static func answer(_ accepted: Bool) throws -> RegistrationOutcome {
        let pending = try requested().appointments
        return try RegistrationProcess.handle(
            .appointmentResponse(
                AppointmentResponse(
                    mpan: F.mpan, appointmentID: pending[0].id, accepted: accepted, responseCode: accepted ? "SP000" : "SP001")),
            from: RequestSender(participant: newSDS, role: .smartDataService), history: D.history, appointments: pending, context: context)
    }

    @Test("IF-031 from the supplier: IF-032 back to it, IF-033 to the proposed provider, a pending request")
    func requestIsPutToTheProvider() throws {
        let outcome = try Self.requested()
        #expect(outcome.assertions.isEmpty, "nothing changes in the register until the provider accepts")
        #expect(outcome.appointments.map(\.status) == [.pending])
        #expect(outcome.messages.map(\.interfaceID) == ["IF-032", "IF-033"])
        #expect(outcome.messages.map(\.recipient) == [P.oldSupplierID, Self.newSDSID])
        #expect(outcome.messages[0].message.payload.CommonBlock.R0?.responseCode == "A")
        #expect(outcome.messages[1].message.payload.CustomBlock["B071"]?["proposedDataServiceMPID"]?.stringValue == "SDSB")
    }

    @Test("IF-034 accepted: IF-035 to the supplier, IF-036 to the new provider, IF-037 to the old one; the register changes")
    func accepted() throws {
        let outcome = try Self.answer(true)
        #expect(outcome.appointments.map(\.status) == [.accepted])
        #expect(outcome.messages.map(\.eventCode) == ["[DSAppAccepted]", "[DSAppActive]", "[DSDeApp]"])
        #expect(outcome.messages.map(\.recipient) == [P.oldSupplierID, Self.newSDSID, D.sdsID])
        let deappointment = outcome.messages[2].message.payload.CustomBlock["B009"]
        #expect(deappointment?["dataServiceEffectiveToDate"]?.stringValue == "2026-11-11T23:59:59+00:00")
        #expect(deappointment?["deAppointmentReasonCode"]?.stringValue == "CSERV")
        let after = RegisterFold.state(of: D.history + outcome.assertions, on: F.date("2026-11-12"), asKnownAt: F.instant("2026-11-11"))
        #expect(after?.dataService == Appointment(role: .smartDataService, provider: Self.newSDS))
        let before = RegisterFold.state(of: D.history + outcome.assertions, on: F.date("2026-11-11"), asKnownAt: F.instant("2026-11-11"))
        #expect(before?.dataService?.provider == D.sds)
    }

    @Test("IF-034 rejected: IF-035 Rejected only; the register keeps the old provider")
    func rejected() throws {
        let outcome = try Self.answer(false)
        #expect(outcome.assertions.isEmpty)
        #expect(outcome.messages.map(\.eventCode) == ["[DSAppRejected]"])
        #expect(outcome.messages[0].message.payload.CustomBlock["B007"]?["proposedAppointmentResponseCode"]?.stringValue == "SP001")
    }

    @Test("no answer in time: IF-035 Lapsed")
    func lapsed() throws {
        let pending = try Self.requested().appointments
        let outcome = try RegistrationProcess.handle(
            .appointmentLapse(mpan: F.mpan, appointmentID: pending[0].id),
            from: RequestSender(participant: try MPID("REGS"), role: .registrationService),
            history: D.history, appointments: pending, context: Self.context)
        #expect(outcome.appointments.map(\.status) == [.lapsed])
        #expect(outcome.messages.map(\.eventCode) == ["[DSAppLapsed]"])
    }

    @Test(
        "appointment request rejections carry their code",
        arguments: [
            ("REG0006", Self.dsRequest, P.asNewSupplier),
            (
                "REG0003",
                AppointmentRequest(
                    mpan: F.mpan, role: .advancedDataService, provider: Self.newSDS, effectiveFrom: F.date("2026-11-12"), scenario: "CSP"),
                P.asOldSupplier
            ),
            (
                "REG0013",
                AppointmentRequest(
                    mpan: F.mpan, role: .smartDataService, provider: Self.newSDS, effectiveFrom: F.date("2026-11-12"), scenario: "COS"),
                P.asOldSupplier
            ),
            (
                "REG0005",
                AppointmentRequest(
                    mpan: F.mpan, role: .smartDataService, provider: Self.newSDS, effectiveFrom: F.date("2026-09-30"), scenario: "CSP"),
                P.asOldSupplier
            ),
            (
                "REG0001",
                AppointmentRequest(
                    mpan: F.mpan, role: .smartDataService, provider: Self.newSDS, effectiveFrom: F.date("2026-11-12"), scenario: "XYZ"),
                P.asOldSupplier
            ),
            (
                "REG0009",
                AppointmentRequest(
                    mpan: F.mpan, role: .smartDataService, provider: try! MPID("NOID"), effectiveFrom: F.date("2026-11-12"), scenario: "CSP"
                ), P.asOldSupplier
            ),
        ] as [(String, AppointmentRequest, RequestSender)])
    func requestRejections(code: String, request: AppointmentRequest, sender: RequestSender) {
        do throws(RegistrationError) {
            _ = try RegistrationProcess.handle(.appointment(request), from: sender, history: D.history, context: Self.context)
            Issue.record("\(code) expected")
        } catch {
            #expect(error.code == code, "\(error)")
        }
    }

    @Test("answers: only the proposed provider, only once, only for a known request")
    func responseRejections() throws {
        let pending = try Self.requested().appointments
        func answer(_ id: String, from sender: RequestSender, appointments: [PendingAppointment]) -> String? {
            do throws(RegistrationError) {
                _ = try RegistrationProcess.handle(
                    .appointmentResponse(AppointmentResponse(mpan: F.mpan, appointmentID: id, accepted: true, responseCode: "SP000")),
                    from: sender, history: D.history, appointments: appointments, context: Self.context)
                return nil
            } catch {
                return error.code
            }
        }
        #expect(answer(pending[0].id, from: RequestSender(participant: D.sds, role: .smartDataService), appointments: pending) == "REG0010")
        #expect(
            answer("APP-unknown", from: RequestSender(participant: Self.newSDS, role: .smartDataService), appointments: pending)
                == "REG0014")
        var done = pending
        done[0].status = .accepted
        #expect(
            answer(pending[0].id, from: RequestSender(participant: Self.newSDS, role: .smartDataService), appointments: done) == "REG0007")
        do throws(RegistrationError) {
            _ = try RegistrationProcess.handle(
                .appointment(Self.dsRequest), from: P.asOldSupplier, history: D.history, appointments: pending, context: Self.context)
            Issue.record("a second pending request for the role must be refused")
        } catch {
            #expect(error.code == "REG0007")
        }
    }

    @Test("golden messages for IF-032 to IF-037")
    func golden() throws {
        let requested = try Self.requested().messages
        let accepted = try Self.answer(true).messages
        let files: [(String, DIPMessage)] = [
            ("REGS-IF-032-DSAppInitialResp.json", requested[0].message), ("REGS-IF-033-DSAppSPRequest.json", requested[1].message),
            ("REGS-IF-035-DSAppAccepted.json", accepted[0].message), ("REGS-IF-036-DSAppActive.json", accepted[1].message),
            ("REGS-IF-037-DSDeApp.json", accepted[2].message),
            ("REGS-IF-035-DSAppRejected.json", try Self.answer(false).messages[0].message),
        ]
        try GoldenMessages.check(files)
    }
}
