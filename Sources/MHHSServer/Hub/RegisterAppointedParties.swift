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
        try await parties(of: [(mpan, date)])[0]
    }

    public func parties(of requests: [(MPAN, SettlementDate)]) async throws -> [MeteringPointParties?] {
        let now = clock()
        let histories = try await register.assertions(for: requests.map(\.0))
        return zip(requests, histories).map { request, history in
            RegisterFold.state(of: history, on: request.1, asKnownAt: now).map(Self.parties)
        }
    }

    static func parties(_ facts: MeteringPointFacts) -> MeteringPointParties {
        MeteringPointParties(
            supplier: facts.supplier, distributor: facts.distributor,
            dataService: facts.dataService.flatMap { appointment in
                DIPRole(rawValue: appointment.role.rawValue).map { (appointment.provider, $0) }
            },
            meteringService: facts.meteringService.flatMap { appointment in
                DIPRole(rawValue: appointment.role.rawValue).map { (appointment.provider, $0) }
            })
    }
}
