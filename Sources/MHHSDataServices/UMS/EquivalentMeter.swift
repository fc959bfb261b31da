import MHHSCore

/// The HH UMS equivalent meter: the half-hourly consumption of one MPAN's inventory, computed
/// from its units' watts and when their switch regimes have them on.
///
/// Per period: Σ quantity × watts × seconds on in the period / 3,600 Wh (DOMAIN §9). Energy is
/// exact until the last step: each period's watt-seconds are an integer, the day's total is
/// round-half-up of their sum / 3,600, and whole Wh are handed to the periods by largest
/// remainder (ties to the earlier period), so the 48 values sum to the day's total exactly and
/// each is within 1 Wh of its exact share.
///
/// [A] Dusk and dawn are the computed sunset and sunrise at the ``location`` (by default the GSP
/// group's representative place, ``GSPGroupLocation/representative(of:)``).
public struct EquivalentMeter: Hashable, Sendable {
    /// [A] The most circuit watts one meter may carry (1 GW): far above any UMS MPAN, and it keeps
    /// a year's watt-seconds well inside Int64.
    public static let maximumCircuitWatts: Int64 = 1_000_000_000

    /// One inventory item with its watts and regime looked up.
    public struct Load: Hashable, Sendable {
        public let item: UMSItem
        /// Circuit watts of one unit.
        public let watts: Int
        public let regime: SwitchRegime

        /// quantity × watts.
        public var circuitWatts: Int64 { Int64(item.quantity) * Int64(watts) }
    }

    /// The summed watts of every load on one regime: the unit the computation iterates.
    struct Circuit: Hashable, Sendable {
        let regime: SwitchRegime
        let watts: Int64
    }

    /// One UTC day of the meter.
    public struct DayConsumption: Hashable, Sendable {
        public let day: UTCDay
        /// The exact energy of each of the 48 periods, in watt-seconds.
        public let wattSeconds: [Int64]
        /// The 48 period values in whole Wh, summing to ``total``.
        public let periods: [Energy]
        /// The day's energy: round-half-up of Σ ``wattSeconds`` / 3,600.
        public let total: Energy
    }

    public let location: GSPGroupLocation
    public let loads: [Load]
    let circuits: [Circuit]

    /// Looks up every item's watts and regime; throws for the first code or regime that is
    /// unknown, or when the loads add up past ``maximumCircuitWatts``.
    public init(
        items: [UMSItem],
        location: GSPGroupLocation,
        chargeCodes: ChargeCodeTable = ChargeCodeTable(),
        regimes: SwitchRegimeTable = .standard
    ) throws(EquivalentMeterError) {
        var loads: [Load] = []
        var wattsByRegime: [SwitchRegimeCode: Int64] = [:]
        var totalWatts: Int64 = 0
        for item in items {
            let watts: Int
            let regime: SwitchRegime
            do { watts = try chargeCodes.watts(for: item.chargeCode) } catch { throw .chargeCode(error) }
            do { regime = try regimes.regime(for: item.switchRegime) } catch { throw .switchRegime(error) }
            let load = Load(item: item, watts: watts, regime: regime)
            totalWatts += load.circuitWatts
            guard totalWatts <= Self.maximumCircuitWatts else { throw .loadTooLarge(watts: totalWatts) }
            wattsByRegime[regime.code, default: 0] += load.circuitWatts
            loads.append(load)
        }
        self.location = location
        self.loads = loads
        self.circuits = wattsByRegime.keys.sorted().map { code in
            Circuit(regime: loads.first { $0.regime.code == code }!.regime, watts: wattsByRegime[code]!)
        }
    }

    /// A meter at the representative location of `gspGroup`.
    public init(
        items: [UMSItem],
        gspGroup: GSPGroup,
        chargeCodes: ChargeCodeTable = ChargeCodeTable(),
        regimes: SwitchRegimeTable = .standard
    ) throws(EquivalentMeterError) {
        try self.init(items: items, location: .representative(of: gspGroup), chargeCodes: chargeCodes, regimes: regimes)
    }

    /// The 48 period values and total of a UTC day.
    public func consumption(on day: UTCDay) -> DayConsumption {
        let sun = location.solarCalculator
        var wattSeconds = Array(repeating: Int64(0), count: UTCDay.periodCount)
        for circuit in circuits {
            for (slot, seconds) in circuit.regime.secondsOnPerPeriod(on: day, at: sun).enumerated() {
                wattSeconds[slot] += circuit.watts * seconds
            }
        }
        let (periods, total) = Self.wholeWattHours(wattSeconds)
        return DayConsumption(day: day, wattSeconds: wattSeconds, periods: periods, total: total)
    }

    /// Whole Wh for non-negative watt-second values: the total rounded half up, shared by
    /// largest remainder (ties to the earlier index) so the values sum to it.
    static func wholeWattHours(_ wattSeconds: [Int64]) -> (periods: [Energy], total: Energy) {
        let total = (wattSeconds.reduce(0, +) + 1_800) / 3_600
        var whole = wattSeconds.map { $0 / 3_600 }
        var shortfall = total - whole.reduce(0, +)
        let byRemainder = wattSeconds.indices.sorted { lhs, rhs in
            let (left, right) = (wattSeconds[lhs] % 3_600, wattSeconds[rhs] % 3_600)
            return left != right ? left > right : lhs < rhs
        }
        for index in byRemainder where shortfall > 0 {
            whole[index] += 1
            shortfall -= 1
        }
        return (whole.map { Energy(wattHours: $0) }, Energy(wattHours: total))
    }
}

/// Why an inventory cannot be metered.
public enum EquivalentMeterError: Error, Hashable, Sendable, CustomStringConvertible {
    case chargeCode(ChargeCodeError)
    case switchRegime(SwitchRegimeError)
    case loadTooLarge(watts: Int64)

    public var description: String {
        switch self {
        case .chargeCode(let error): error.description
        case .switchRegime(let error): error.description
        case .loadTooLarge(let watts):
            "the inventory's circuit watts reach \(watts) W, past the \(EquivalentMeter.maximumCircuitWatts) W limit of one meter"
        }
    }
}
