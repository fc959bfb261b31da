import Testing

@testable import MHHSCore

@Suite("Energy in integer Wh")
struct EnergyTests {
    @Test(
        "DIP kWh strings parse exactly",
        arguments: [
            ("0.250", 250), ("-1.000", -1_000), ("0.000", 0), ("999999999.999", 999_999_999_999), ("-0.001", -1),
            ("12.345", 12_345),
        ] as [(String, Int64)])
    func parse(text: String, wattHours: Int64) throws {
        let energy = try Energy(dipKWh: text)
        #expect(energy.wattHours == wattHours)
        #expect(try energy.dipKWhString() == text)
    }

    @Test(
        "malformed kWh strings are rejected",
        arguments: ["1.25", "1.2500", "+1.000", "1e3", ".250", "1234567890.000", "1,000", "", "-", "1.", "0.25a", " 1.000"])
    func reject(text: String) {
        #expect(throws: EnergyError.self) { try Energy(dipKWh: text) }
    }

    @Test("printing a value too large for DIP kWh is an error")
    func printOutOfRange() {
        #expect(throws: EnergyError.self) { try Energy(wattHours: 1_000_000_000_000).dipKWhString() }
    }

    @Test("overflow is an error, not a wrap")
    func overflow() throws {
        #expect(throws: EnergyError.overflow) { try Energy(wattHours: .max).adding(Energy(wattHours: 1)) }
        #expect(throws: EnergyError.overflow) { try Energy(wattHours: .min).subtracting(Energy(wattHours: 1)) }
        #expect(try Energy.sum([Energy(wattHours: 5), Energy(wattHours: -2)]) == Energy(wattHours: 3))
    }

    @Test("six-decimal VAS volumes: MWh is exactly Wh; kWh may not split a Wh")
    func vasVolumes() throws {
        #expect(try Energy(wattHours: 1_234).vasVolumeString() == "0.001234")
        #expect(try Energy(wattHours: -1_234_567_890).vasVolumeString() == "-1234.567890")
        #expect(try Energy(vasVolume: "0.001234").wattHours == 1_234)
        #expect(try Energy(wattHours: 1_234).vasVolumeString(unit: .kilowattHours) == "1.234000")
        #expect(try Energy(vasVolume: "1.234000", unit: .kilowattHours).wattHours == 1_234)
        #expect(throws: EnergyError.self) { try Energy(vasVolume: "1.234500", unit: .kilowattHours) }
        #expect(throws: EnergyError.self) { try Energy(vasVolume: "1.2345") }
        #expect(throws: EnergyError.self) { try Energy(wattHours: 1_000_000_000_000_000).vasVolumeString() }
    }

    @Test("DecimalText prints and parses any scale exactly")
    func decimalText() throws {
        #expect(DecimalText.format(1_000_000_001, fractionDigits: 9) == "1.000000001")
        #expect(DecimalText.format(-5, fractionDigits: 3) == "-0.005")
        #expect(try DecimalText.parse("1.000000001", integerDigits: 9, fractionDigits: 9, allowNegative: false) == 1_000_000_001)
        #expect(throws: DecimalTextError.self) { try DecimalText.parse("-1.0", integerDigits: 1, fractionDigits: 1, allowNegative: false) }
    }
}
