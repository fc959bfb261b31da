import MHHSCore
import MHHSRegistration
import MHHSSettlement

/// What a data service knows of a metering point on a day, from the register.
public struct MeteringPointProfile: Sendable, Hashable {
    public var mpan: MPAN
    public var gspGroup: GSPGroup
    public var connectionType: ConnectionType
    public var marketSegment: MarketSegment
    public var domesticPremise: DomesticPremiseIndicator?
    public var energised: Bool
    /// Annual consumption (AAC/EAC) in Wh, when the register has one.
    public var annualConsumptionWh: Int64?
    public var distributor: MPID?
    public var dataService: MPID?
    /// When the current connection type took effect (IF-021's B067 requires it).
    public var connectionTypeEffectiveFrom: SettlementDate?

    public init(
        mpan: MPAN, gspGroup: GSPGroup, connectionType: ConnectionType, marketSegment: MarketSegment,
        domesticPremise: DomesticPremiseIndicator?, energised: Bool, annualConsumptionWh: Int64?, distributor: MPID? = nil,
        dataService: MPID? = nil
    ) {
        self.mpan = mpan
        self.gspGroup = gspGroup
        self.connectionType = connectionType
        self.marketSegment = marketSegment
        self.domesticPremise = domesticPremise
        self.energised = energised
        self.annualConsumptionWh = annualConsumptionWh
        self.distributor = distributor
        self.dataService = dataService
    }

    /// The profile of a point on `date` as known at `instant`, from its register assertions;
    /// nil when it has no connection type or segment then.
    public init?(mpan: MPAN, assertions: [RegisterAssertion], on date: SettlementDate, asKnownAt instant: UTCInstant) {
        guard let group = assertions.first?.gspGroup, let facts = RegisterFold.state(of: assertions, on: date, asKnownAt: instant) else {
            return nil
        }
        self.init(mpan: mpan, gspGroup: group, facts: facts)
        // The earliest effective date of the last unbroken run of assertions giving this type.
        let setting = assertions.filter { $0.applies(on: date, asKnownAt: instant) && $0.mask.contains(.connectionType) }
            .sorted(by: RegisterAssertion.foldOrder)
        var from: SettlementDate?
        for assertion in setting.reversed() {
            guard assertion.facts.connectionType == connectionType else { break }
            from = assertion.effectiveFrom
        }
        connectionTypeEffectiveFrom = from
    }

    /// The profile from register facts, or nil when the facts lack the connection type or
    /// segment (the caller reports it).
    public init?(mpan: MPAN, gspGroup: GSPGroup, facts: MeteringPointFacts) {
        guard let connection = facts.connectionType, let segment = facts.marketSegment else { return nil }
        self.init(
            mpan: mpan, gspGroup: gspGroup, connectionType: connection, marketSegment: segment, domesticPremise: facts.domesticPremise,
            energised: facts.energisation != .deEnergised, annualConsumptionWh: facts.annualConsumption?.energy.wattHours,
            distributor: facts.distributor, dataService: facts.dataService?.provider)
    }

    /// The load shape category of one quantity of this point.
    public func category(_ quantity: MeasurementQuantity, configuration: LSSConfiguration) -> LoadShapeCategory {
        LoadShapeCategory(
            gspGroup: gspGroup, connectionType: connectionType, marketSegment: marketSegment,
            domesticPremise: domesticPremise ?? .nonDomestic,
            measurementQuantity: quantity)
    }
}

/// [A] Validation limits: the most a half hour may plausibly carry per connection type, in Wh
/// (whole current 100 A × 240 V ≈ 12 kWh per half hour; CT limits by voltage level).
public struct ReadingLimits: Sendable, Hashable {
    public var maximumWhPerPeriod: [ConnectionType: Int64]

    public static let standard = ReadingLimits(maximumWhPerPeriod: [
        .wholeCurrent: 12_000, .lowVoltageCT: 1_000_000, .highVoltageCT: 10_000_000, .extraHighVoltageCT: 100_000_000,
        .unmetered: 1_000_000,
    ])

    public init(maximumWhPerPeriod: [ConnectionType: Int64]) { self.maximumWhPerPeriod = maximumWhPerPeriod }

    public func maximum(for connection: ConnectionType) -> Int64 { maximumWhPerPeriod[connection] ?? .max }
}
