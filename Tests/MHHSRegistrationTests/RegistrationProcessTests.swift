import Foundation
import MHHSCore
import MHHSMessages
import Testing

@testable import MHHSRegistration

@Suite("REGS processes: initial registration and change of supplier")
struct RegistrationProcessTests {
    typealias P = ProcessFixtures
    typealias F = RegisterFixtures

    static func registered() throws -> [RegisterAssertion] {
        var assertions = try RegistrationProcess.handle(
            P.initialRegistration(), from: P.asOldSupplier, history: [], context: P.context()
        ).assertions
        assertions[0].sequence = 1
        return assertions
    }

    @Test("initial registration records the facts and sends IF-001 to supplier, MDS and LDSO, IF-002 to the supplier")
    func initialRegistration() throws {
        let outcome = try RegistrationProcess.handle(P.initialRegistration(), from: P.asOldSupplier, history: [], context: P.context())
        #expect(outcome.assertions.count == 1 && outcome.assertions[0].mask == .all)
        #expect(outcome.messages.map(\.interfaceID) == ["IF-001", "IF-001", "IF-001", "IF-002"])
        #expect(outcome.messages.map(\.recipient) == [P.oldSupplierID, P.mds, P.londID, P.oldSupplierID])
        let if001 = outcome.messages[0].message.payload
        #expect(if001.CommonBlock.S0.eventCode == "[InitialRegistration]")
        #expect(if001.CommonBlock.M0?.distributorDIPID == P.londID.value)
        #expect(if001.CustomBlock["B002"]?["incomingSupplierMPID"]?.stringValue == "OLDS")
        // 2026-10-01 is in BST: the settlement day starts 23:00Z the day before, written as local midnight.
        #expect(if001.CustomBlock["B002"]?["supplierEffectiveFromDate"]?.stringValue == "2026-10-01T00:00:00+01:00")
        #expect(SenderUniqueReference.isValid(if001.CommonBlock.S1.senderUniqueReference))
        #expect(Set(outcome.messages.map(\.message.payload.CommonBlock.S1.senderUniqueReference)).count == 2)
    }

    @Test(
        "initial registration rejections carry their code",
        arguments: [
            ("REG0006", P.initialRegistration(), RequestSender(participant: P.oldSupplier, role: .distributor)),
            ("REG0006", P.initialRegistration(), P.asNewSupplier),
            ("REG0004", P.initialRegistration { $0.address = nil }, P.asOldSupplier),
            ("REG0004", P.initialRegistration { $0.cssRegistrationID = nil }, P.asOldSupplier),
            ("REG0002", P.initialRegistration { $0.distributor = try! MPID("EELC") }, P.asOldSupplier),
            ("REG0008", P.initialRegistration { $0.connectionType = .unmetered }, P.asOldSupplier),
            (
                "REG0003", P.initialRegistration { $0.dataService = Appointment(role: .advancedDataService, provider: try! MPID("ADSA")) },
                P.asOldSupplier
            ),
            ("REG0009", P.initialRegistration(supplier: try! MPID("ANON")), RequestSender(participant: try! MPID("ANON"), role: .supplier)),
        ] as [(String, RegistrationRequest, RequestSender)])
    func initialRejections(code: String, request: RegistrationRequest, sender: RequestSender) {
        #expect(throws: RegistrationError.self) { try RegistrationProcess.handle(request, from: sender, history: [], context: P.context()) }
        do throws(RegistrationError) {
            _ = try RegistrationProcess.handle(request, from: sender, history: [], context: P.context())
        } catch {
            #expect(error.code == code, "\(error)")
        }
    }

    @Test("registering an MPAN twice is rejected")
    func duplicateRegistration() throws {
        let history = try Self.registered()
        do throws(RegistrationError) {
            _ = try RegistrationProcess.handle(P.initialRegistration(), from: P.asOldSupplier, history: history, context: P.context())
            Issue.record("a second registration must be rejected")
        } catch {
            #expect(error.code == "REG0007")
        }
    }

    @Test("change of supplier: a supplier-only assertion; IF-001 to both suppliers, MDS and LDSO; IF-002 to the gainer")
    func changeOfSupplier() throws {
        let outcome = try RegistrationProcess.handle(
            P.changeOfSupplier(), from: P.asNewSupplier, history: try Self.registered(), context: P.context(now: "2026-11-10"))
        #expect(outcome.assertions.count == 1 && outcome.assertions[0].mask == .supplier)
        #expect(outcome.assertions[0].facts.supplier == P.newSupplier)
        #expect(outcome.assertions[0].recordedAt == F.instant("2026-11-10").adding(seconds: 9 * 3_600))
        #expect(outcome.messages.map(\.recipient) == [P.newSupplierID, P.oldSupplierID, P.mds, P.londID, P.newSupplierID])
        let custom = outcome.messages[0].message.payload.CustomBlock
        #expect(custom["B003"]?["outgoingSupplierMPID"]?.stringValue == "OLDS")
        #expect(custom["B003"]?["supplierEffectiveToDate"]?.stringValue == "2026-10-31T23:59:59+00:00")
        #expect(custom["B002"]?["supplierEffectiveFromDate"]?.stringValue == "2026-11-01T00:00:00+00:00")
        #expect(custom["B013"]?["CSSRegistrationID"]?.stringValue == "9a1b2c3d-cos")
        // The rest of the registration is unchanged and keeps its own effective dates.
        #expect(custom["B026"]?["marketSegmentIndicatorEffectiveFromDate"]?.stringValue == "2026-10-01T00:00:00+01:00")
    }

    @Test(
        "change of supplier rejections carry their code",
        arguments: [
            ("REG0005", P.changeOfSupplier(), P.asNewSupplier, false),
            ("REG0006", P.changeOfSupplier(), P.asOldSupplier, true),
            ("REG0007", P.changeOfSupplier(to: P.oldSupplier), P.asOldSupplier, true),
            ("REG0005", P.changeOfSupplier(effective: "2026-09-01"), P.asNewSupplier, true),
        ] as [(String, RegistrationRequest, RequestSender, Bool)])
    func changeRejections(code: String, request: RegistrationRequest, sender: RequestSender, registered: Bool) throws {
        let history = registered ? try Self.registered() : []
        do throws(RegistrationError) {
            _ = try RegistrationProcess.handle(request, from: sender, history: history, context: P.context(now: "2026-11-10"))
            Issue.record("\(code) expected")
        } catch {
            #expect(error.code == code, "\(error)")
        }
    }

    @Test("the emitted messages match the golden files")
    func golden() throws {
        let initial = try RegistrationProcess.handle(P.initialRegistration(), from: P.asOldSupplier, history: [], context: P.context())
        let change = try RegistrationProcess.handle(
            P.changeOfSupplier(), from: P.asNewSupplier, history: try Self.registered(), context: P.context(now: "2026-11-10"))
        let files = [
            ("REGS-IF-001-InitialRegistration.json", initial.messages[0].message),
            ("REGS-IF-002-GainMPANInfo-initial.json", initial.messages[3].message),
            ("REGS-IF-001-ChangeOfSupplier.json", change.messages[0].message),
            ("REGS-IF-002-GainMPANInfo-cos.json", change.messages[4].message),
        ]
        try GoldenMessages.check(files)
    }
}
