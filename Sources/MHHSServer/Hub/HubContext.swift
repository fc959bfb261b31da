import Logging
import MHHSCore
import MHHSHub

/// What the hub's HTTP routes need, built once per server.
public struct HubContext: Sendable {
    public let ingress: HubIngress
    public let store: any HubStore
    public let participants: ParticipantRegistry
    public let clock: @Sendable () -> UTCInstant
    /// The largest request body accepted (413 beyond) [A]: 16 MiB.
    public let maximumBodyBytes: Int
    public let logger: Logger

    public init(
        ingress: HubIngress, store: any HubStore, participants: ParticipantRegistry, clock: @escaping @Sendable () -> UTCInstant,
        maximumBodyBytes: Int = 16 << 20, logger: Logger
    ) {
        self.ingress = ingress
        self.store = store
        self.participants = participants
        self.clock = clock
        self.maximumBodyBytes = maximumBodyBytes
        self.logger = logger
    }
}
