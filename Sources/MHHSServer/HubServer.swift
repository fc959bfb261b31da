import Hummingbird
import Logging
import MHHSCore
import MHHSHub
import MHHSMessages
import MHHSRegistration
import MHHSSettlement
import ServiceLifecycle

/// `mhhs serve`: one Hummingbird application carrying the hub (and, as later services arrive,
/// theirs), with the hub's background services alongside.
public struct HubServer: Sendable {
    public let context: HubContext
    public let services: [any Service]
    /// The MDS's inbound endpoint, when the server also runs the MDS.
    public let mds: MDSContext?
    /// The REST API, when the server has the settlement stores behind it.
    public let api: APIContext?

    /// Wires a hub over its store and the register it routes by.
    public init(
        configuration: HubConfiguration, store: any HubStore, register: (any RegisterRepository)?,
        validate: @escaping DIPMessageValidator, webhooks: any WebhookTransport, retry: RetryPolicy = RetryPolicy(),
        clock: @escaping @Sendable () -> UTCInstant, logger: Logger, mds: (receiver: MDSReceiver, token: String)? = nil,
        api: ((ParticipantRegistry) -> APIContext)? = nil
    ) {
        let participants = ParticipantRegistry(store: store)
        let ingress = HubIngress(
            configuration: configuration, store: store, participants: participants,
            appointments: register.map { RegisterAppointedParties(register: $0, clock: clock) }, validate: validate, logger: logger)
        let context = HubContext(ingress: ingress, store: store, participants: participants, clock: clock, logger: logger)
        self.context = context
        self.mds = mds.map { MDSContext(receiver: $0.receiver, token: $0.token, hub: context, logger: logger) }
        self.api = api?(participants)
        services = [
            WebhookDeliveryService(
                store: store, participants: participants, transport: webhooks, retry: retry, clock: clock, logger: logger),
            ReferenceWindowService(store: store, windowSeconds: configuration.referenceWindowSeconds, clock: clock, logger: logger),
        ]
    }

    public func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: RequestMetricsMiddleware(metrics: api?.metrics ?? ServerMetrics()))
        HubRoutes.add(to: router, hub: context)
        if let mds { MDSRoutes.add(to: router, mds: mds) }
        if let api {
            APIRoutes.add(to: router, api: api)
            DashboardRoutes.add(to: router, api: api)
        }
        return router
    }

    /// The application listening on `host:port`; `onListening` learns the bound port (0 picks one).
    public func application(
        host: String, port: Int, onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: router(),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "mhhs"),
            services: services,
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? port) },
            logger: context.logger)
    }
}
