import MHHSCore
import MHHSMessages
import MHHSRegistration

/// The participants of a demo market with DIP ids: the central services, the market's
/// suppliers and LDSOs, the MHHS service providers the waves appoint, and the legacy agents
/// they replace.
public struct DemoParticipants: Sendable {
    public static let registrationService = try! DIPID("1000000001")
    public static let marketwideDataService = try! DIPID("1000000002")

    public let market: MarketParticipants

    public init(_ market: MarketParticipants) { self.market = market }

    /// The MHHS data and metering service per role that the migration appoints.
    public var providers: [AppointmentRole: MPID] { market.providers }

    /// Every participant in a role with its DIP id.
    public var all: [(MPID, DIPRole, DIPID)] {
        var entries: [(MPID, DIPRole, DIPID)] = [
            (try! MPID("REGS"), .registrationService, Self.registrationService),
            (try! MPID("ELXM"), .marketwideDataService, Self.marketwideDataService),
        ]
        for (index, supplier) in market.suppliers.enumerated() {
            entries.append((supplier, .supplier, try! DIPID("30000000\(format2(index))")))
        }
        for (index, area) in SyntheticMarket.areas.enumerated() {
            entries.append((try! MPID(area.mpid), .distributor, try! DIPID("20000000\(format2(index))")))
        }
        for (index, (role, provider)) in providers.sorted(by: { $0.key.rawValue < $1.key.rawValue }).enumerated() {
            entries.append((provider, DIPRole(rawValue: role.rawValue)!, try! DIPID("14000000\(format2(index))")))
        }
        // The legacy meter operator, replaced (and told so, IF-037) in every metering role.
        entries.append((market.legacyMeterOperator, .smartMeteringService, try! DIPID("1500000001")))
        entries.append((market.legacyMeterOperator, .advancedMeteringService, try! DIPID("1500000002")))
        entries.append((market.legacyMeterOperator, .unmeteredSupplyOperator, try! DIPID("1500000003")))
        return entries
    }

    public var directory: StaticParticipantDirectory {
        var directory = StaticParticipantDirectory()
        for (participant, role, id) in all { directory.add(participant, role: role, dipID: id) }
        return directory
    }
}

private func format2(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
