import MHHSCore

/// Who may send on an interface and to whom the hub publishes it besides the primary
/// recipients the sender names in A0.
///
/// The DIP specification names no roles for any interface (docs/dip/REGS-INTERFACES.md), so
/// the table is ours [A], read from DESIGN.md's interface catalogue, and replaceable
/// (`InterfaceRoutes(routes:)`).
public struct InterfaceRoute: Hashable, Sendable {
    /// Roles allowed to send on the interface (MSG1010 otherwise).
    public var senders: Set<DIPRole>
    /// Roles resolved per message from the register: the MPAN's supplier, distributor, data
    /// service or metering service on the message's date (A0.secondaryRecipients).
    public var secondary: Set<DIPRole>
    /// Roles whose every participant receives every message (A0.always): central services.
    public var always: Set<DIPRole>

    public init(senders: Set<DIPRole>, secondary: Set<DIPRole> = [], always: Set<DIPRole> = []) {
        self.senders = senders
        self.secondary = secondary
        self.always = always
    }
}

/// The routes of every interface the hub carries.
public struct InterfaceRoutes: Sendable {
    public var routes: [String: InterfaceRoute]

    public init(routes: [String: InterfaceRoute]) { self.routes = routes }

    public subscript(interface: String) -> InterfaceRoute? { routes[interface] }

    static let dataServices: Set<DIPRole> = [.smartDataService, .advancedDataService, .unmeteredDataService]
    static let meteringServices: Set<DIPRole> = [.smartMeteringService, .advancedMeteringService, .unmeteredSupplyOperator]

    /// DESIGN.md's catalogue: REGS notifications go to the MPAN's supplier and agents, data
    /// service consumption to the MDS and LSS and the MPAN's supplier and distributor, central
    /// reports to the parties the sender names.
    public static let standard: InterfaceRoutes = {
        let regs: Set<DIPRole> = [.registrationService]
        let agents = dataServices.union(meteringServices)
        var table: [String: InterfaceRoute] = [
            "IF-001": InterfaceRoute(senders: regs, secondary: [.supplier, .distributor], always: [.marketwideDataService]),
            "IF-002": InterfaceRoute(senders: regs),
            "IF-003": InterfaceRoute(senders: regs, secondary: [.supplier]),
            "IF-005": InterfaceRoute(senders: meteringServices, always: regs),
            "IF-006": InterfaceRoute(senders: regs, secondary: dataServices.union([.supplier])),
            "IF-007": InterfaceRoute(senders: meteringServices, always: regs),
            "IF-008": InterfaceRoute(senders: regs, secondary: agents.union([.supplier])),
            "IF-009": InterfaceRoute(senders: regs, secondary: agents.union([.supplier])),
            "IF-013": InterfaceRoute(senders: [.marketwideDataService], secondary: dataServices.union([.supplier, .distributor])),
            "IF-014": InterfaceRoute(senders: [.marketwideDataService], secondary: [.supplier]),
            "IF-018": InterfaceRoute(senders: regs, secondary: agents.union([.supplier])),
            "IF-021": InterfaceRoute(
                senders: dataServices, secondary: [.supplier, .distributor],
                always: [.marketwideDataService, .loadShapingService]),
            "IF-022": InterfaceRoute(senders: [.loadShapingService], always: dataServices.union([.supplier])),
            "IF-023": InterfaceRoute(senders: [.loadShapingService], always: dataServices.union([.supplier])),
            "IF-025": InterfaceRoute(senders: [.supplier], always: regs),
            "IF-027": InterfaceRoute(senders: [.supplier], secondary: dataServices),
            "IF-028": InterfaceRoute(senders: dataServices, secondary: [.supplier]),
            "IF-026": InterfaceRoute(senders: regs, secondary: agents),
            "IF-031": InterfaceRoute(senders: [.supplier], always: regs),
            "IF-032": InterfaceRoute(senders: regs),
            "IF-033": InterfaceRoute(senders: regs),
            "IF-034": InterfaceRoute(senders: agents, always: regs),
            "IF-035": InterfaceRoute(senders: regs),
            "IF-036": InterfaceRoute(senders: regs),
            "IF-037": InterfaceRoute(senders: regs),
            "IF-040": InterfaceRoute(senders: [.elexonCentralServices, .marketwideDataService], always: regs),
            "IF-044": InterfaceRoute(senders: regs, secondary: agents.union([.supplier])),
            "IF-045": InterfaceRoute(senders: regs),
            "IF-047": InterfaceRoute(
                senders: [.industryStandingData], always: Set(DIPRole.allCases).subtracting([.industryStandingData, .centralOperator])),
        ]
        for report in ["REP-002", "REP-003", "REP-004", "REP-006", "REP-007", "REP-008"] {
            table[report] = InterfaceRoute(senders: [.elexonCentralServices])
        }
        return InterfaceRoutes(routes: table)
    }()
}
