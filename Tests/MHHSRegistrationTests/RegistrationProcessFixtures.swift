import Foundation
import MHHSCore
import MHHSMessages

@testable import MHHSRegistration

/// A small market for process tests: two suppliers, the LOND distributor, REGS and MDS.
enum ProcessFixtures {
    typealias F = RegisterFixtures

    static let regs = try! DIPID("1000000001")
    static let mds = try! DIPID("1000000002")
    static let oldSupplier = try! MPID("OLDS")
    static let newSupplier = try! MPID("NEWS")
    static let oldSupplierID = try! DIPID("3000000001")
    static let newSupplierID = try! DIPID("3000000002")
    static let londID = try! DIPID("1200000000")

    static var directory: StaticParticipantDirectory {
        var directory = StaticParticipantDirectory()
        directory.add(oldSupplier, role: .supplier, dipID: oldSupplierID)
        directory.add(newSupplier, role: .supplier, dipID: newSupplierID)
        directory.add(try! MPID("LOND"), role: .distributor, dipID: londID)
        return directory
    }

    static func context(now: String = "2026-10-01") -> RegistrationContext {
        RegistrationContext(
            registrationService: regs, marketwideDataService: mds, directory: directory, environmentTag: "SIT",
            now: F.instant(now).adding(seconds: 9 * 3_600))
    }

    static func service(
        _ repository: some RegisterRepository, now: String, directory: StaticParticipantDirectory = directory
    ) -> RegistrationService {
        let instant = F.instant(now).adding(seconds: 9 * 3_600)
        return RegistrationService(
            repository: repository, registrationService: regs, marketwideDataService: mds, directory: directory,
            environmentTag: "SIT", clock: { instant })
    }

    static func initialRegistration(supplier: MPID = oldSupplier, change: (inout MeteringPointFacts) -> Void = { _ in })
        -> RegistrationRequest
    {
        var facts = F.fullState(supplier: supplier.value)
        change(&facts)
        return .initialRegistration(InitialRegistration(mpan: F.mpan, gspGroup: .london, effectiveFrom: F.date("2026-10-01"), facts: facts))
    }

    static let asOldSupplier = RequestSender(participant: oldSupplier, role: .supplier)
    static let asNewSupplier = RequestSender(participant: newSupplier, role: .supplier)

    static func changeOfSupplier(effective: String = "2026-11-01", to supplier: MPID = newSupplier) -> RegistrationRequest {
        .changeOfSupplier(
            ChangeOfSupplier(mpan: F.mpan, newSupplier: supplier, effectiveFrom: F.date(effective), cssRegistrationID: "9a1b2c3d-cos"))
    }
}
