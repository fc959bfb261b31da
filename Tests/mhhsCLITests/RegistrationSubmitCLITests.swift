import Foundation
import MHHSTestSupport
import Testing

/// The REGS processes through the CLI: participants, a registration file, DIP messages in,
/// the outbox out.
@Suite("mhhs CLI: DIP messages to the Registration Service")
struct RegistrationSubmitCLITests {
    static let header = RegistrationCLITests.header + ",postcode,address_lines,css_registration_id"

    /// An MHHS smart metering point registered to BGAS from 2026-10-01, no services appointed.
    static let row =
        "1200000000011,_C,LOND,BGAS,2026-10-01,W,S,I,T,E,1,D01,mhhs,,,3100,,,,,EC1A 1BB,1 Example Street||London,css-1"

    /// A DIP message as a sender would post it.
    static func message(interface: String, event: String, sender: String, role: String, custom: String) -> String {
        """
        {"payload": {"CommonBlock": {
          "S0": {"interfaceID": "\(interface)", "schemaVersion": "011", "eventCode": "[\(event)]"},
          "S1": {"environmentTag": "SIT", "subText": null, "senderUniqueReference": "S-\(interface)-\(sender)-\(role)-20261129-1",
                 "senderTimestamp": "2026-11-29T09:00:00+00:00", "senderDIPID": "\(sender)", "senderRoleID": "\(role)",
                 "senderCorrelationID": null, "DIPConnectionProviderID": null},
          "M0": {"MPANCore": "1200000000011", "distributorDIPID": "1200000000", "GSPGroupID": "_C"}},
          "CustomBlock": \(custom)}}
        """
    }

    static let proposal = """
        "B071": {"proposedDataServiceDIPID": "1400000001", "proposedDataServiceMPID": "SDSA",
                 "proposedDataServiceDIPEffectiveFromDate": "2027-01-04T00:00:00+00:00", "contractReferenceDataService": null,
                 "appointmentScenario": "CSP", "supplierNominatedMDRDIPID": null, "supplierNominatedMDRMPID": null,
                 "supplierNominatedMDREffectiveFromDate": null, "supplierProposedConsentGranularity": "H",
                 "supplierProposedDomesticIndicator": true, "traditionalFallBackReadFrequency": null}
        """

    @Test("participants, IF-031 then IF-034: the data service is appointed and the answers wait in the outbox")
    func appointmentThroughTheCLI() throws {
        let data = CLIRunner.temporaryDataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let store = ["--data-dir", data.path]
        for (id, mpid, role) in [
            ("1000000001", "ELEX", "REGS"), ("1000000002", "ELEX", "MDS"), ("3000000001", "BGAS", "SUP"), ("1200000000", "LOND", "LDSO"),
            ("1400000001", "SDSA", "SDS"),
        ] {
            let added = try CLIRunner.run(["participants", "add", "--dip-id", id, "--mpid", mpid, "--role", role] + store)
            #expect(added.status == 0, "\(added.stderr)")
        }
        #expect(try CLIRunner.run(["participants", "list"] + store).lines.count == 5)
        let csv = try RegistrationCLITests.write([Self.header, Self.row], to: data, name: "reg.csv")
        #expect(try CLIRunner.run(["registration", "import", csv, "--recorded-at", "2026-10-01"] + store).status == 0)

        let request = try RegistrationCLITests.write(
            [
                "[" + Self.message(interface: "IF-031", event: "DSApp", sender: "3000000001", role: "SUP", custom: "{\(Self.proposal)}")
                    + "]"
            ],
            to: data, name: "if031.json")
        let submitted = try CLIRunner.run(["registration", "submit", request] + store)
        #expect(submitted.status == 0, "\(submitted.stdout)\(submitted.stderr)")
        #expect(submitted.stdout.contains("accepted, 0 register changes, 2 messages queued"))
        let outbox = try CLIRunner.run(["registration", "outbox"] + store)
        #expect(outbox.lines.map { $0.split(separator: " ")[1] } == ["IF-032", "IF-033"])

        let answer = try RegistrationCLITests.write(
            [
                "["
                    + Self.message(
                        interface: "IF-034", event: "DSAppSPResponse", sender: "1400000001", role: "SDS",
                        custom: """
                            {"B007": {"responseCode": "A", "proposedAppointmentResponseCode": "SP000"},
                             "B012": {"serviceProviderAppointmentRequestingSupplierDIPID": "3000000001",
                                      "serviceProviderAppointmentRequestingSupplierMPID": "BGAS"}, \(Self.proposal)}
                            """) + "]"
            ], to: data, name: "if034.json")
        let accepted = try CLIRunner.run(["registration", "submit", answer] + store)
        #expect(accepted.stdout.contains("accepted, 1 register changes, 2 messages queued"), "\(accepted.stdout)")
        let after = try CLIRunner.run(["registration", "outbox", "--after", "2", "--json"] + store)
        #expect(after.lines.filter { !$0.hasPrefix("[") }.map { $0.split(separator: " ")[1] } == ["IF-035", "IF-036"])
        let shown = try CLIRunner.run(["registration", "show", "1200000000011", "--on", "2027-01-04"] + store)
        #expect(shown.lines.contains { $0.hasPrefix("  data service") && $0.hasSuffix("SDS SDSA") }, "\(shown.stdout)")

        // A sender the registry does not know is refused, and nothing changes.
        let stranger = try RegistrationCLITests.write(
            [
                "[" + Self.message(interface: "IF-031", event: "DSApp", sender: "3999999999", role: "SUP", custom: "{\(Self.proposal)}")
                    + "]"
            ],
            to: data, name: "stranger.json")
        let refused = try CLIRunner.run(["registration", "submit", stranger] + store)
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("rejected REG0015"))
        #expect(try CLIRunner.run(["registration", "outbox"] + store).lines.count == 4)
    }
}
