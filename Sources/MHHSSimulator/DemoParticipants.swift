import MHHSCore
import MHHSMessages
import MHHSRegistration

/// The market participants of the synthetic market, with DIP ids: the central services, the
/// suppliers and LDSOs of ``SyntheticMarket``, the MHHS service providers the waves appoint, and
/// the legacy agents they replace.
public enum DemoParticipants {
    public static let registrationService = try! DIPID("1000000001")
    public static let marketwideDataService = try! DIPID("1000000002")

    /// The MHHS data and metering service per role that the migration appoints.
    public static let providers: [AppointmentRole: MPID] = [
        .smartDataService: try! MPID("SDSA"), .smartMeteringService: try! MPID("MSSA"), .advancedDataService: try! MPID("ADSA"),
        .advancedMeteringService: try! MPID("MSAA"), .unmeteredDataService: try! MPID("UMDA"), .unmeteredSupplyOperator: try! MPID("UMOA"),
    ]

    /// Every participant in a role with its DIP id.
    public static var all: [(MPID, DIPRole, DIPID)] {
        var entries: [(MPID, DIPRole, DIPID)] = [
            (try! MPID("REGS"), .registrationService, registrationService),
            (try! MPID("ELXM"), .marketwideDataService, marketwideDataService),
        ]
        for (index, supplier) in SyntheticMarket.suppliers.enumerated() {
            entries.append((try! MPID(supplier.0), .supplier, try! DIPID("30000000\(format2(index))")))
        }
        for (index, area) in SyntheticMarket.areas.enumerated() {
            entries.append((try! MPID(area.mpid), .distributor, try! DIPID("20000000\(format2(index))")))
        }
        for (index, (role, provider)) in providers.sorted(by: { $0.key.rawValue < $1.key.rawValue }).enumerated() {
            entries.append((provider, DIPRole(rawValue: role.rawValue)!, try! DIPID("14000000\(format2(index))")))
        }
        // The legacy meter operator, replaced (and told so, IF-037) in both metering roles.
        entries.append((SyntheticMarket.legacyMeterOperator, .smartMeteringService, try! DIPID("1500000001")))
        entries.append((SyntheticMarket.legacyMeterOperator, .advancedMeteringService, try! DIPID("1500000002")))
        entries.append((SyntheticMarket.legacyMeterOperator, .unmeteredSupplyOperator, try! DIPID("1500000003")))
        return entries
    }

    public static var directory: StaticParticipantDirectory {
        var directory = StaticParticipantDirectory()
        for (participant, role, id) in all { directory.add(participant, role: role, dipID: id) }
        return directory
    }
}

private func format2(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
