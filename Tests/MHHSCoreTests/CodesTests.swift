import Foundation
import MHHSTestSupport
import Testing

@testable import MHHSCore

@Suite("Identifiers and market codes")
struct CodesTests {
    @Test("MPID is four upper-case letters", arguments: ["EMEB", "LOND", "BGAS"])
    func validMPID(text: String) throws { #expect(try MPID(text).value == text) }

    @Test("invalid MPIDs are rejected", arguments: ["emeb", "EME", "EMEBX", "EM3B", ""])
    func invalidMPID(text: String) {
        #expect(throws: IdentifierError.self) { try MPID(text) }
    }

    @Test("DIP id is ten digits")
    func dipID() throws {
        #expect(try DIPID("1401234567").value == "1401234567")
        #expect(throws: IdentifierError.self) { try DIPID("140123456") }
        #expect(throws: IdentifierError.self) { try DIPID("14012345a7") }
    }

    @Test("a bad code lists the allowed ones")
    func badCode() {
        do {
            _ = try ConnectionType(code: "X")
            Issue.record("X is not a connection type")
        } catch {
            #expect(error.description == "invalid connection type 'X': expected one of W, L, H, E, U")
        }
    }

    @Test("every code round-trips through its text")
    func roundTrip() throws {
        for value in ConnectionType.allCases { #expect(try ConnectionType(code: value.rawValue) == value) }
        for value in MarketSegment.allCases { #expect(try MarketSegment(code: value.rawValue) == value) }
        for value in MeasurementQuantity.allCases { #expect(try MeasurementQuantity(code: value.rawValue) == value) }
        for value in DIPRole.allCases { #expect(try DIPRole(code: value.rawValue) == value) }
        #expect(DIPRole.allCases.count == 17, "the 16 DIP roles and the central system's operators (OPS)")
        #expect(EnergyDirection.allCases.map(\.rawValue) == ["I", "E"])
        #expect(EnergisationStatus.allCases.map(\.rawValue) == ["E", "D"])
        #expect(DomesticPremiseIndicator.allCases.map(\.rawValue) == ["T", "F"])
    }

    @Test("each segment needs its own data-service role")
    func segmentRoles() {
        #expect(MarketSegment.smart.dataServiceRole == .smartDataService)
        #expect(MarketSegment.advanced.dataServiceRole == .advancedDataService)
        #expect(MarketSegment.unmetered.dataServiceRole == .unmeteredDataService)
    }

    @Test("14 GSP groups, no _I or _O")
    func gspGroups() {
        #expect(GSPGroup.allCases.count == 14)
        #expect((try? GSPGroup(code: "_I")) == nil)
        #expect((try? GSPGroup(code: "_O")) == nil)
        #expect(GSPGroup.allCases.map(\.index) == Array(0..<14))
        for group in GSPGroup.allCases { #expect(group.dno.gspGroup == group) }
    }

    @Test(
        "GSP group names match Market Domain Data",
        .enabled(if: ReferenceData.has("mdd-377/GSP_Group_377.csv"), Comment(rawValue: ReferenceData.missingMessage)))
    func namesMatchMDD() throws {
        let text = try String(contentsOf: ReferenceData.path("mdd-377/GSP_Group_377.csv")!, encoding: .utf8)
        let rows = text.split(whereSeparator: \.isNewline).dropFirst().map {
            $0.replacingOccurrences(of: "\"", with: "").split(separator: ",")
        }
        #expect(rows.count == 14)
        for row in rows {
            #expect(try GSPGroup(code: row[0]).name == String(row[1]))
        }
    }
}
