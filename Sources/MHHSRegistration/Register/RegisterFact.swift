/// The independently time-varying facts of a metering point. Each assertion in the register
/// sets some of them (its mask) from its effective date; the others keep their values.
public struct RegisterFact: OptionSet, Hashable, Sendable {
    public let rawValue: Int

    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let supplier = RegisterFact(rawValue: 1 << 0)
    public static let dataService = RegisterFact(rawValue: 1 << 1)
    public static let meteringService = RegisterFact(rawValue: 1 << 2)
    public static let legacyDataCollector = RegisterFact(rawValue: 1 << 3)
    public static let legacyDataAggregator = RegisterFact(rawValue: 1 << 4)
    public static let connectionType = RegisterFact(rawValue: 1 << 5)
    public static let marketSegment = RegisterFact(rawValue: 1 << 6)
    public static let energyDirection = RegisterFact(rawValue: 1 << 7)
    public static let domesticPremise = RegisterFact(rawValue: 1 << 8)
    public static let energisation = RegisterFact(rawValue: 1 << 9)
    public static let distributor = RegisterFact(rawValue: 1 << 10)
    public static let duosTariff = RegisterFact(rawValue: 1 << 11)
    public static let llfClass = RegisterFact(rawValue: 1 << 12)
    public static let arrangement = RegisterFact(rawValue: 1 << 13)
    /// Legacy profile class, SSC and measurement class, which change together.
    public static let legacyProfile = RegisterFact(rawValue: 1 << 14)
    /// Annual consumption with its quality indicator.
    public static let annualConsumption = RegisterFact(rawValue: 1 << 15)
    public static let linkedMPAN = RegisterFact(rawValue: 1 << 16)
    /// The metering point's postal address.
    public static let address = RegisterFact(rawValue: 1 << 17)
    /// The meter technical details the metering service maintains (the DIP's B906 block).
    public static let meterTechnicalDetails = RegisterFact(rawValue: 1 << 18)

    public static let all = RegisterFact(rawValue: (1 << 19) - 1)

    /// Each single fact with its name, in bit order (for history listings).
    public static let named: [(fact: RegisterFact, name: String)] = [
        (.supplier, "supplier"), (.dataService, "data service"), (.meteringService, "metering service"),
        (.legacyDataCollector, "legacy data collector"), (.legacyDataAggregator, "legacy data aggregator"),
        (.connectionType, "connection type"), (.marketSegment, "market segment"), (.energyDirection, "energy direction"),
        (.domesticPremise, "domestic premise"), (.energisation, "energisation"), (.distributor, "LDSO"),
        (.duosTariff, "DUoS tariff"), (.llfClass, "LLF class"), (.arrangement, "settlement arrangement"),
        (.legacyProfile, "profile class/SSC/measurement class"), (.annualConsumption, "annual consumption"),
        (.linkedMPAN, "linked MPAN"), (.address, "address"), (.meterTechnicalDetails, "meter technical details"),
    ]

    /// The names of the facts in this mask.
    public var names: [String] { Self.named.filter { contains($0.fact) }.map(\.name) }
}
