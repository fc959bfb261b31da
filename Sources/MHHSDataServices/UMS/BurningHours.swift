import MHHSCore

/// Annual burning hours, and the NHH UMS EAC of the legacy arrangements that rest on them.
///
/// DOMAIN §9: EAC = Σ quantity × watts × annual burning hours / 1,000 kWh. Here hours are kept as
/// exact seconds and energy as Wh, so EAC Wh = round-half-up(Σ quantity × watts × burning
/// seconds / 3,600): the same quantity, with no fraction lost before the last step.
///
/// [A] A year's burning hours are those of its 365 or 366 UTC days at the meter's location, from
/// the same regime evaluation as the HH equivalent meter, so NHH and HH figures agree.
public enum BurningHours {
    /// The seconds `regime` is on over the UTC days of calendar `year` at the place of `sun`.
    ///
    /// Throws for a year outside ``SettlementDate/supportedYears``.
    public static func annualSeconds(of regime: SwitchRegime, at sun: SolarCalculator, year: Int) throws(TimeError) -> Int64 {
        let first = try SettlementDate(year: year, month: 1, day: 1).dayNumber
        let end = SettlementDate(dayNumber: first).adding(months: 12).dayNumber
        var seconds: Int64 = 0
        for dayNumber in first..<end {
            let midnight = UTCInstant(utcMidnightOfDay: dayNumber)
            seconds += regime.secondsOn(from: midnight, to: midnight.adding(seconds: 86_400), at: sun)
        }
        return seconds
    }

    /// The NHH UMS EAC of a meter's inventory for `year`, in Wh.
    public static func estimatedAnnualConsumption(of meter: EquivalentMeter, year: Int) throws(TimeError) -> Energy {
        let sun = meter.location.solarCalculator
        var wattSeconds: Int64 = 0
        for circuit in meter.circuits {
            wattSeconds += circuit.watts * (try annualSeconds(of: circuit.regime, at: sun, year: year))
        }
        return Energy(wattHours: (wattSeconds + 1_800) / 3_600)
    }
}
