import MHHSCore

/// Checks shared by the bulk import and the processes.
enum RegistrationRules {
    /// The facts a registration must carry, each named when missing (`REG0004`).
    static func checkComplete(_ facts: MeteringPointFacts) throws(RegistrationError) {
        let required: [(Bool, String)] = [
            (facts.supplier != nil, "supplier"), (facts.cssRegistrationID != nil, "CSS registration id"),
            (facts.address != nil, "address"), (facts.distributor != nil, "LDSO"), (facts.connectionType != nil, "connection type"),
            (facts.marketSegment != nil, "market segment"), (facts.energyDirection != nil, "energy direction"),
            (facts.domesticPremise != nil, "domestic premise indicator"), (facts.energisation != nil, "energisation status"),
            (facts.duosTariff != nil, "DUoS tariff id"), (facts.llfClass != nil, "LLF class"),
            (facts.arrangement != nil, "settlement arrangement"),
        ]
        if let missing = required.first(where: { !$0.0 }) { throw .missing("a registration needs a \(missing.1)") }
    }

    /// A DNO MPAN's GSP group and LDSO follow from its distributor id (`REG0002`).
    static func checkArea(mpan: MPAN, group: GSPGroup, distributor: MPID) throws(RegistrationError) {
        if let dnoGroup = mpan.distributor.gspGroup, dnoGroup != group {
            throw .groupMismatch("MPAN \(mpan) of distributor \(mpan.distributor) is in \(dnoGroup.rawValue), not \(group.rawValue)")
        }
        if let dno = mpan.distributor.dnoMPID, dno != distributor {
            throw .groupMismatch("MPAN \(mpan) belongs to distributor \(dno), not \(distributor)")
        }
    }

    /// Connection type against segment (`REG0008`) and service roles against segment (`REG0003`).
    static func checkConsistent(_ facts: MeteringPointFacts) throws(RegistrationError) {
        guard let segment = facts.marketSegment, let connection = facts.connectionType else { return }
        if (segment == .unmetered) != (connection == .unmetered) {
            throw RegistrationError("REG0008", "connection type \(connection) does not fit segment \(segment)")
        }
        if let dataService = facts.dataService, dataService.role != .dataService(for: segment) {
            throw .roleMismatch(
                "segment \(segment) needs \(AppointmentRole.dataService(for: segment).rawValue), not \(dataService.role.rawValue)")
        }
        if let meteringService = facts.meteringService, meteringService.role != .meteringService(for: segment) {
            throw .roleMismatch(
                "segment \(segment) needs \(AppointmentRole.meteringService(for: segment).rawValue), not \(meteringService.role.rawValue)")
        }
    }
}
