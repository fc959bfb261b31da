import Logging
import MHHSCore
import ServiceLifecycle

/// Keeps the idempotency window bounded: every `intervalSeconds` it forgets sender references
/// older than the window, so the reference table (and the memory its index needs) stays the
/// size of one window of traffic.
public struct ReferenceWindowService: Service {
    public let store: any HubStore
    public let windowSeconds: Int64
    public let intervalSeconds: Double
    public let clock: @Sendable () -> UTCInstant
    public let logger: Logger

    public init(
        store: any HubStore, windowSeconds: Int64, intervalSeconds: Double = 3_600, clock: @escaping @Sendable () -> UTCInstant,
        logger: Logger
    ) {
        self.store = store
        self.windowSeconds = windowSeconds
        self.intervalSeconds = intervalSeconds
        self.clock = clock
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                let forgotten = try await store.forgetReferences(before: clock().adding(seconds: -windowSeconds))
                if forgotten > 0 { logger.info("forgot sender references past the window", metadata: ["count": "\(forgotten)"]) }
            } catch {
                // A passing database error must not stop the server: try again next round.
                logger.error("could not forget old sender references", metadata: ["error": "\(error)"])
            }
            // An hour's sleep must not hold up a graceful shutdown.
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(intervalSeconds)) }
        }
    }
}
