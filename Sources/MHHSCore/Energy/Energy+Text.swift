/// The unit in which VAS volumes are printed with six decimals.
///
/// [A] The specification gives volumes as `Decimal-9-6` without a unit. We print MWh by
/// default, as legacy SVAA reports did: six decimals of MWh are exactly one Wh, so an
/// uncorrected volume prints with no rounding at all.
public enum VolumeUnit: String, Sendable, CaseIterable {
    case megawattHours = "MWh"
    case kilowattHours = "kWh"

    /// How many millionths of this unit make one Wh.
    var millionthsPerWattHour: Int64 {
        switch self {
        case .megawattHours: 1
        case .kilowattHours: 1_000
        }
    }
}

extension Energy {
    static let dipKWhFormat = "-?\\d{1,9}\\.\\d{3} kWh"

    /// Parses a DIP kWh string (`^-?\d{1,9}\.\d{3}$`, DT-016) exactly into Wh.
    public init(dipKWh text: some StringProtocol) throws(EnergyError) {
        do {
            wattHours = try DecimalText.parse(text, integerDigits: 9, fractionDigits: 3)
        } catch {
            throw .format(error)
        }
    }

    /// The DIP kWh string (three decimals), or an error when the value has more than 9 whole digits.
    public func dipKWhString() throws(EnergyError) -> String {
        guard wattHours.magnitude <= UInt64(DecimalText.maximum(integerDigits: 9, fractionDigits: 3)) else {
            throw .outOfRange(wattHours: wattHours, format: Self.dipKWhFormat)
        }
        return DecimalText.format(wattHours, fractionDigits: 3)
    }

    /// Parses a six-decimal VAS volume (`^-?\d{1,9}\.\d{6}$`, DT-022) in `unit`.
    ///
    /// In kWh a volume can carry fractions of a Wh; those are an error here, because `Energy`
    /// is whole Wh: use ``DecimalText`` directly for such values.
    public init(vasVolume text: some StringProtocol, unit: VolumeUnit = .megawattHours) throws(EnergyError) {
        let scaled: Int64
        do {
            scaled = try DecimalText.parse(text, integerDigits: 9, fractionDigits: 6)
        } catch {
            throw .format(error)
        }
        let perWh = unit.millionthsPerWattHour
        guard scaled % perWh == 0 else {
            throw .format(DecimalTextError(text: String(text), pattern: "a whole number of Wh in \(unit.rawValue)"))
        }
        wattHours = scaled / perWh
    }

    /// The six-decimal VAS volume text in `unit`, or an error when it has more than 9 whole digits.
    public func vasVolumeString(unit: VolumeUnit = .megawattHours) throws(EnergyError) -> String {
        let (scaled, overflow) = wattHours.multipliedReportingOverflow(by: unit.millionthsPerWattHour)
        guard !overflow, scaled.magnitude <= UInt64(DecimalText.maximum(integerDigits: 9, fractionDigits: 6)) else {
            throw .outOfRange(wattHours: wattHours, format: "-?\\d{1,9}\\.\\d{6} \(unit.rawValue)")
        }
        return DecimalText.format(scaled, fractionDigits: 6)
    }
}
