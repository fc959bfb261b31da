import Testing

@testable import MHHSCore

@Suite("MPAN cores and supply numbers")
struct MPANTests {
    @Test("valid cores from DOMAIN.md", arguments: ["2000056535971", "1900012374324"])
    func validCores(text: String) throws {
        let mpan = try MPAN(text)
        #expect(mpan.description == text)
    }

    @Test("a wrong check digit names the expected one")
    func wrongCheckDigit() {
        #expect(throws: MPANError.checkDigit(core: "2000056535972", expected: 1, found: 2)) { try MPAN("2000056535972") }
        #expect(MPANError.checkDigit(core: "2000056535972", expected: 1, found: 2).description.contains("expected 1"))
    }

    @Test("length and non-digit errors say what is wrong")
    func shapeErrors() {
        #expect(throws: MPANError.length(text: "200005653597", expected: 13, found: 12)) { try MPAN("200005653597") }
        #expect(throws: MPANError.length(text: "20000565359711", expected: 13, found: 14)) { try MPAN("20000565359711") }
        #expect(throws: MPANError.nonDigit(text: "20000565 3597", position: 9)) { try MPAN("20000565 3597") }
        #expect(throws: MPANError.nonDigit(text: "2000056535٩71", position: 11)) { try MPAN("2000056535٩71") }
    }

    @Test("the check digit is (Σ dᵢ·pᵢ) mod 11 mod 10, worked by hand")
    func checkDigitByHand() {
        // 2000056535971: 2·3 + 0·5 + 0·7 + 0·13 + 0·17 + 5·19 + 6·23 + 5·29 + 3·31 + 5·37 + 9·41 + 7·43
        // = 6 + 95 + 138 + 145 + 93 + 185 + 369 + 301 = 1332; 1332 mod 11 = 1; 1 mod 10 = 1.
        #expect(MPAN.checkDigit(forFirstTwelve: [2, 0, 0, 0, 0, 5, 6, 5, 3, 5, 9, 7][...]) == 1)
    }

    @Test("for any twelve digits exactly one check digit is valid (seeded)")
    func exactlyOneCheckDigit() throws {
        var generator = SplitMix64(seed: 42)
        for _ in 0..<500 {
            let distributor = Int.random(in: 10...99, using: &generator)
            let unique = Int64.random(in: 0..<10_000_000_000, using: &generator)
            let built = try MPAN(distributor: try DistributorID(distributor), uniqueNumber: unique)
            let prefix = String(built.description.prefix(12))
            let valid = (0...9).filter { (try? MPAN(prefix + String($0))) != nil }
            #expect(valid.count == 1)
            #expect(built.distributor.value == distributor)
        }
    }

    @Test("the 14 DNO ids map to their GSP groups and MPIDs")
    func dnoTable() throws {
        let expected: [(Int, String, String)] = [
            (10, "EELC", "_A"), (11, "EMEB", "_B"), (12, "LOND", "_C"), (13, "MANW", "_D"), (14, "MIDE", "_E"),
            (15, "NEEB", "_F"), (16, "NORW", "_G"), (17, "HYDE", "_P"), (18, "SPOW", "_N"), (19, "SEEB", "_J"),
            (20, "SOUT", "_H"), (21, "SWAE", "_K"), (22, "SWEB", "_L"), (23, "YELG", "_M"),
        ]
        for (id, mpid, group) in expected {
            let distributor = try DistributorID(id)
            #expect(distributor.gspGroup?.rawValue == group)
            #expect(distributor.dnoMPID?.value == mpid)
            #expect(DistributorID.dno(mpid: try MPID(mpid)) == distributor)
        }
        #expect(Set(expected.map(\.2)).count == 14)
        #expect(try DistributorID(24).gspGroup == nil, "an IDNO's group comes from registration")
        #expect(throws: MPANError.unknownDistributor(9)) { try DistributorID(9) }
    }

    @Test("21-digit legacy MPAN and 22-digit supply number")
    func longForms() throws {
        let legacy = try LegacyMPAN("018011232000056535971")
        #expect(legacy.profileClass == "01")
        #expect(legacy.meterTimeswitchCode == "801")
        #expect(legacy.lineLossFactorClass == "123")
        #expect(legacy.core.description == "2000056535971")
        let supply = try SupplyNumber("0000011232000056535971")
        #expect(supply.isMigrated)
        #expect(supply.standardSettlementConfiguration == "0001")
        #expect(supply.lineLossFactorClass == "123")
        #expect(supply.description == "0000011232000056535971")
        #expect(throws: MPANError.length(text: "018011232000056535971", expected: 22, found: 21)) {
            try SupplyNumber("018011232000056535971")
        }
        #expect(throws: MPANError.checkDigit(core: "2000056535972", expected: 1, found: 2)) {
            try LegacyMPAN("018011232000056535972")
        }
    }
}
