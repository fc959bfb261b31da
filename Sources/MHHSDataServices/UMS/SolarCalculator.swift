import Foundation
import MHHSCore

/// Sunrise and sunset at a place, for the UMS equivalent meter's dusk and dawn switching.
///
/// The NOAA solar-position algorithm ("General Solar Position Calculations", the NOAA
/// spreadsheet and solar calculator): declination and equation of time from the Julian century,
/// then the hour angle at which the sun's centre is at ``altitude``. Each event is computed at
/// the solar-noon estimate and refined three times at the event's own time, so the answer is
/// within about a minute of published tables for GB. Results are whole seconds (rounded to the
/// nearest), from Double maths that is deterministic on one platform.
///
/// [A] Switching is taken to be at computed sunrise and sunset; a real photocell (PECU) switches
/// a few minutes away from them, and a PECU array's readings would replace this.
public struct SolarCalculator: Hashable, Sendable {
    /// Sunrise and sunset of one UTC day, or why there are none.
    public enum Daylight: Hashable, Sendable {
        case riseAndSet(sunrise: UTCInstant, sunset: UTCInstant)
        /// Polar day: the sun never sets.
        case alwaysUp
        /// Polar night: the sun never rises.
        case alwaysDown
    }

    /// The official sunrise/sunset altitude of the sun's centre, in degrees: refraction (34′)
    /// plus the sun's semi-diameter (16′) below the horizon.
    public static let officialAltitude = -0.833

    /// Degrees north, −90…90.
    public let latitude: Double
    /// Degrees east (west negative), −180…180.
    public let longitude: Double
    /// The altitude of the sun's centre that counts as rise and set, in degrees.
    public let altitude: Double

    public init(latitude: Double, longitude: Double, altitude: Double = SolarCalculator.officialAltitude) {
        precondition((-90.0...90.0).contains(latitude), "latitude must be within ±90°")
        precondition((-180.0...180.0).contains(longitude), "longitude must be within ±180°")
        self.latitude = latitude
        self.longitude = longitude
        self.altitude = altitude
    }

    /// Sunrise and sunset around the solar noon of `day`.
    ///
    /// In GB (longitudes −9° to +2°) both fall inside the UTC day; at other longitudes an event
    /// may fall just outside it.
    public func daylight(on day: UTCDay) -> Daylight {
        let noon = 720.0 - 4.0 * longitude
        let cosine = hourAngleCosine(SolarPosition(day: day, minutes: noon))
        if cosine > 1 { return .alwaysDown }
        if cosine < -1 { return .alwaysUp }
        return .riseAndSet(sunrise: event(rising: true, day: day), sunset: event(rising: false, day: day))
    }

    /// The sunrise of `day`; nil in polar day or night.
    public func sunrise(on day: UTCDay) -> UTCInstant? {
        guard case .riseAndSet(let sunrise, _) = daylight(on: day) else { return nil }
        return sunrise
    }

    /// The sunset of `day`; nil in polar day or night.
    public func sunset(on day: UTCDay) -> UTCInstant? {
        guard case .riseAndSet(_, let sunset) = daylight(on: day) else { return nil }
        return sunset
    }

    /// The event's instant, refined from the solar-noon estimate. Near the polar limits a
    /// refinement can fall outside acos' domain; the cosine is then clamped (event at noon or
    /// midnight), keeping rise and set paired.
    private func event(rising: Bool, day: UTCDay) -> UTCInstant {
        var minutes = 720.0 - 4.0 * longitude
        for _ in 0..<4 {
            let position = SolarPosition(day: day, minutes: minutes)
            let hourAngle = degrees(acos(min(1, max(-1, hourAngleCosine(position)))))
            minutes = 720.0 - 4.0 * (longitude + (rising ? hourAngle : -hourAngle)) - position.equationOfTimeMinutes
        }
        return day.midnight.adding(seconds: Int64((minutes * 60).rounded()))
    }

    /// cos of the hour angle at which the sun's centre is at ``altitude``; outside −1…1 when it
    /// never gets there that day.
    private func hourAngleCosine(_ position: SolarPosition) -> Double {
        let phi = radians(latitude)
        let delta = position.declination
        return (sin(radians(altitude)) - sin(phi) * sin(delta)) / (cos(phi) * cos(delta))
    }
}

/// The sun's declination and the equation of time at one instant (NOAA formulas, angles in
/// degrees unless named otherwise).
private struct SolarPosition {
    /// Radians.
    let declination: Double
    let equationOfTimeMinutes: Double

    init(day: UTCDay, minutes: Double) {
        let julianDay = 2_440_587.5 + Double(day.dayNumber) + minutes / 1_440
        let t = (julianDay - 2_451_545) / 36_525
        let meanLongitude = (280.46646 + t * (36_000.76983 + t * 0.0003032)).truncatingRemainder(dividingBy: 360)
        let meanAnomaly = 357.52911 + t * (35_999.05029 - 0.0001537 * t)
        let eccentricity = 0.016708634 - t * (0.000042037 + 0.0000001267 * t)
        let m = radians(meanAnomaly)
        let equationOfCentre =
            sin(m) * (1.914602 - t * (0.004817 + 0.000014 * t)) + sin(2 * m) * (0.019993 - 0.000101 * t) + sin(3 * m) * 0.000289
        let omega = radians(125.04 - 1_934.136 * t)
        let apparentLongitude = meanLongitude + equationOfCentre - 0.00569 - 0.00478 * sin(omega)
        let meanObliquity = 23 + (26 + (21.448 - t * (46.815 + t * (0.00059 - t * 0.001813))) / 60) / 60
        let obliquity = radians(meanObliquity + 0.00256 * cos(omega))
        declination = asin(sin(obliquity) * sin(radians(apparentLongitude)))

        let y = tan(obliquity / 2) * tan(obliquity / 2)
        let l0 = radians(meanLongitude)
        let equationOfTime =
            y * sin(2 * l0) - 2 * eccentricity * sin(m) + 4 * eccentricity * y * sin(m) * cos(2 * l0)
            - 0.5 * y * y * sin(4 * l0) - 1.25 * eccentricity * eccentricity * sin(2 * m)
        equationOfTimeMinutes = 4 * degrees(equationOfTime)
    }
}

private func radians(_ degrees: Double) -> Double { degrees * .pi / 180 }
private func degrees(_ radians: Double) -> Double { radians * 180 / .pi }
