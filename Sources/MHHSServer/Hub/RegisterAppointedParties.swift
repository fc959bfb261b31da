import MHHSCore
import MHHSHub
import MHHSRegistration

/// The hub's routing view of the register: an MPAN's supplier, distributor and appointed
/// services on a date, as the register knows them now.
public struct RegisterAppointedParties: AppointedParties {
    public let register: any RegisterRepository
    public let clock: @Sendable () -> UTCInstant

    public init(register: any RegisterRepository, clock: @escaping @Sendable () -> UTCInstant) {
        self.register = register
        self.clock = clock
    }

    public func parties(of mpan: MPAN, on date: SettlementDate) async throws -> MeteringPointParties? {
        guard let facts = try await register.state(of: mpan, on: date, asKnownAt: clock()) else { return nil }
        return MeteringPointParties(
            supplier: facts.supplier, distributor: facts.distributor,
            dataService: facts.dataService.flatMap { appointment in
                DIPRole(rawValue: appointment.role.rawValue).map { (appointment.provider, $0) }
            },
            meteringService: facts.meteringService.flatMap { appointment in
                DIPRole(rawValue: appointment.role.rawValue).map { (appointment.provider, $0) }
            })
    }
}
