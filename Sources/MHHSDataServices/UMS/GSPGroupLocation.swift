import MHHSCore

/// The place whose sunrise and sunset switch a UMS equivalent meter's dusk/dawn regimes.
///
/// [A] Without a photocell (PECU) array, each GSP group is represented by one main city of its
/// area (``representative(of:)``), coordinates of the city centre to 4 decimals. Within a group,
/// sunset differs from the city's by 4 minutes per degree of longitude, and more in midwinter
/// and midsummer with latitude; the table is the single place to change.
public struct GSPGroupLocation: Hashable, Sendable, CustomStringConvertible {
    public let placeName: String
    /// Degrees north.
    public let latitude: Double
    /// Degrees east (west negative).
    public let longitude: Double

    public init(placeName: String, latitude: Double, longitude: Double) {
        self.placeName = placeName
        self.latitude = latitude
        self.longitude = longitude
    }

    /// The sunrise/sunset calculator for this place at the official altitude.
    public var solarCalculator: SolarCalculator { SolarCalculator(latitude: latitude, longitude: longitude) }

    public var description: String { "\(placeName) (\(latitude), \(longitude))" }

    /// [A] The representative location of a GSP group:
    ///
    /// | group | area | place |
    /// |---|---|---|
    /// | `_A` | Eastern | Cambridge 52.2053, 0.1218 |
    /// | `_B` | East Midlands | Nottingham 52.9548, −1.1581 |
    /// | `_C` | London | London (Charing Cross) 51.5074, −0.1278 |
    /// | `_D` | Merseyside and North Wales | Liverpool 53.4084, −2.9916 |
    /// | `_E` | Midlands | Birmingham 52.4862, −1.8904 |
    /// | `_F` | Northern | Newcastle upon Tyne 54.9783, −1.6178 |
    /// | `_G` | North Western | Manchester 53.4808, −2.2426 |
    /// | `_H` | Southern | Southampton 50.9097, −1.4044 |
    /// | `_J` | South Eastern | Maidstone 51.2704, 0.5227 |
    /// | `_K` | South Wales | Cardiff 51.4816, −3.1791 |
    /// | `_L` | South Western | Exeter 50.7184, −3.5339 |
    /// | `_M` | Yorkshire | Leeds 53.8008, −1.5491 |
    /// | `_N` | South Scotland | Glasgow 55.8642, −4.2518 |
    /// | `_P` | North Scotland | Inverness 57.4778, −4.2247 |
    public static func representative(of group: GSPGroup) -> GSPGroupLocation {
        switch group {
        case .eastern: GSPGroupLocation(placeName: "Cambridge", latitude: 52.2053, longitude: 0.1218)
        case .eastMidlands: GSPGroupLocation(placeName: "Nottingham", latitude: 52.9548, longitude: -1.1581)
        case .london: GSPGroupLocation(placeName: "London", latitude: 51.5074, longitude: -0.1278)
        case .merseysideAndNorthWales: GSPGroupLocation(placeName: "Liverpool", latitude: 53.4084, longitude: -2.9916)
        case .midlands: GSPGroupLocation(placeName: "Birmingham", latitude: 52.4862, longitude: -1.8904)
        case .northern: GSPGroupLocation(placeName: "Newcastle upon Tyne", latitude: 54.9783, longitude: -1.6178)
        case .northWestern: GSPGroupLocation(placeName: "Manchester", latitude: 53.4808, longitude: -2.2426)
        case .southern: GSPGroupLocation(placeName: "Southampton", latitude: 50.9097, longitude: -1.4044)
        case .southEastern: GSPGroupLocation(placeName: "Maidstone", latitude: 51.2704, longitude: 0.5227)
        case .southWales: GSPGroupLocation(placeName: "Cardiff", latitude: 51.4816, longitude: -3.1791)
        case .southWestern: GSPGroupLocation(placeName: "Exeter", latitude: 50.7184, longitude: -3.5339)
        case .yorkshire: GSPGroupLocation(placeName: "Leeds", latitude: 53.8008, longitude: -1.5491)
        case .southScotland: GSPGroupLocation(placeName: "Glasgow", latitude: 55.8642, longitude: -4.2518)
        case .northScotland: GSPGroupLocation(placeName: "Inverness", latitude: 57.4778, longitude: -4.2247)
        }
    }
}
