/// The 21-digit legacy MPAN: profile class (2) + meter timeswitch code (3) + LLF class (3) + core (13).
public struct LegacyMPAN: Hashable, Sendable, CustomStringConvertible {
    public let profileClass: String
    public let meterTimeswitchCode: String
    public let lineLossFactorClass: String
    public let core: MPAN

    public init(_ text: some StringProtocol) throws(MPANError) {
        _ = try MPAN.digits(of: text, expectedLength: 21)
        let characters = Array(text)
        profileClass = String(characters[0..<2])
        meterTimeswitchCode = String(characters[2..<5])
        lineLossFactorClass = String(characters[5..<8])
        core = try MPAN(String(characters[8..<21]))
    }

    public var description: String { profileClass + meterTimeswitchCode + lineLossFactorClass + core.description }
}

/// The 22-digit MHHS supply number: profile class (2) + SSC (4) + LLF class (3) + core (13).
///
/// Migrated MPANs show profile class `00` [S].
public struct SupplyNumber: Hashable, Sendable, CustomStringConvertible {
    public let profileClass: String
    public let standardSettlementConfiguration: String
    public let lineLossFactorClass: String
    public let core: MPAN

    public init(_ text: some StringProtocol) throws(MPANError) {
        _ = try MPAN.digits(of: text, expectedLength: 22)
        let characters = Array(text)
        profileClass = String(characters[0..<2])
        standardSettlementConfiguration = String(characters[2..<6])
        lineLossFactorClass = String(characters[6..<9])
        core = try MPAN(String(characters[9..<22]))
    }

    /// Whether the supply number shows a migrated MPAN (profile class `00`).
    public var isMigrated: Bool { profileClass == "00" }

    public var description: String {
        profileClass + standardSettlementConfiguration + lineLossFactorClass + core.description
    }
}
