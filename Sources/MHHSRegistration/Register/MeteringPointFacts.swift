import MHHSCore
import MHHSMessages

/// The registration facts of one metering point: what an assertion sets, and what the register
/// knows of the point on a date. A nil value is "not set" (or ended, when an assertion's mask
/// names the fact).
public struct MeteringPointFacts: Hashable, Sendable, Codable {
    public var supplier: MPID?
    /// The switching service's id of the registration that made `supplier` the supplier (B013).
    public var cssRegistrationID: String?
    public var dataService: Appointment?
    public var meteringService: Appointment?
    public var legacyDataCollector: Appointment?
    public var legacyDataAggregator: Appointment?
    public var connectionType: ConnectionType?
    public var marketSegment: MarketSegment?
    public var energyDirection: EnergyDirection?
    public var domesticPremise: DomesticPremiseIndicator?
    public var energisation: EnergisationStatus?
    public var distributor: MPID?
    public var duosTariff: String?
    public var llfClass: String?
    public var arrangement: SettlementArrangement?
    public var profileClass: Int?
    public var standardSettlementConfiguration: String?
    public var measurementClass: String?
    public var annualConsumption: AnnualConsumption?
    public var linkedMPAN: MPAN?
    public var address: MeteringPointAddress?
    /// The B906 block as the metering service sent it (meter id, type, location, MAP history).
    public var meterTechnicalDetails: JSONValue?

    public init() {}

    /// Copies the facts named in `mask` from `other`, leaving the rest as they are.
    public mutating func apply(_ other: MeteringPointFacts, mask: RegisterFact) {
        if mask.contains(.supplier) {
            supplier = other.supplier
            cssRegistrationID = other.cssRegistrationID
        }
        if mask.contains(.dataService) { dataService = other.dataService }
        if mask.contains(.meteringService) { meteringService = other.meteringService }
        if mask.contains(.legacyDataCollector) { legacyDataCollector = other.legacyDataCollector }
        if mask.contains(.legacyDataAggregator) { legacyDataAggregator = other.legacyDataAggregator }
        if mask.contains(.connectionType) { connectionType = other.connectionType }
        if mask.contains(.marketSegment) { marketSegment = other.marketSegment }
        if mask.contains(.energyDirection) { energyDirection = other.energyDirection }
        if mask.contains(.domesticPremise) { domesticPremise = other.domesticPremise }
        if mask.contains(.energisation) { energisation = other.energisation }
        if mask.contains(.distributor) { distributor = other.distributor }
        if mask.contains(.duosTariff) { duosTariff = other.duosTariff }
        if mask.contains(.llfClass) { llfClass = other.llfClass }
        if mask.contains(.arrangement) { arrangement = other.arrangement }
        if mask.contains(.legacyProfile) {
            profileClass = other.profileClass
            standardSettlementConfiguration = other.standardSettlementConfiguration
            measurementClass = other.measurementClass
        }
        if mask.contains(.annualConsumption) { annualConsumption = other.annualConsumption }
        if mask.contains(.linkedMPAN) { linkedMPAN = other.linkedMPAN }
        if mask.contains(.address) { address = other.address }
        if mask.contains(.meterTechnicalDetails) { meterTechnicalDetails = other.meterTechnicalDetails }
    }

    /// The appointment in a role's fact, whatever the role.
    public func appointment(for fact: RegisterFact) -> Appointment? {
        switch fact {
        case .dataService: dataService
        case .meteringService: meteringService
        case .legacyDataCollector: legacyDataCollector
        case .legacyDataAggregator: legacyDataAggregator
        default: nil
        }
    }

    /// One line per fact in `mask`, `name: value`, for history and show listings.
    public func describe(_ mask: RegisterFact = .all) -> [(name: String, value: String)] {
        func text(_ value: (any CustomStringConvertible)?) -> String { value.map { $0.description } ?? "—" }
        var lines: [(String, String)] = []
        for (fact, name) in RegisterFact.named where mask.contains(fact) {
            let value: String =
                switch fact {
                case .supplier: text(supplier)
                case .dataService: text(dataService)
                case .meteringService: text(meteringService)
                case .legacyDataCollector: text(legacyDataCollector)
                case .legacyDataAggregator: text(legacyDataAggregator)
                case .connectionType: text(connectionType)
                case .marketSegment: text(marketSegment)
                case .energyDirection: text(energyDirection)
                case .domesticPremise: text(domesticPremise)
                case .energisation: text(energisation)
                case .distributor: text(distributor)
                case .duosTariff: text(duosTariff)
                case .llfClass: text(llfClass)
                case .arrangement: text(arrangement)
                case .legacyProfile:
                    "PC \(text(profileClass)) SSC \(text(standardSettlementConfiguration)) MC \(text(measurementClass))"
                case .annualConsumption:
                    annualConsumption.map { "\((try? $0.energy.dipKWhString()) ?? $0.energy.description) kWh (\($0.quality))" } ?? "—"
                case .linkedMPAN: text(linkedMPAN)
                case .address: text(address)
                default: meterTechnicalDetails?["existingMeter"]?["meterID"]?.stringValue.map { "meter \($0)" } ?? "—"
                }
            lines.append((name, value))
        }
        return lines
    }
}
