import ArgumentParser
import AsyncHTTPClient
import Foundation
import Hummingbird
import Logging
import MHHSCore
import MHHSHub
import MHHSMigration
import MHHSServer
import MHHSSettlement
import MHHSStandingData
import MHHSStorage
import ServiceLifecycle
import UnixSignals

/// `mhhs serve`: the services as one HTTP server, on the embedded database or PostgreSQL.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the DIP hub (and the services behind it) as an HTTP server.",
        discussion: """
            Prints "listening on http://HOST:PORT" once it accepts traffic; GET /health answers "ok". \
            Stops cleanly on SIGINT or SIGTERM. Endpoints: docs/HUB.md (DIP), docs/API.md and /openapi.json (REST), /metrics.
            """)

    @Option(help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free one and prints it).")
    var port: Int = 8080

    @Option(help: "The hub's own 10-digit DIP participant id, the sender of its responses.")
    var hubDipId: String = "0000000000"

    @Option(help: "Days a sender's unique reference is remembered for duplicate detection.")
    var referenceWindowDays: Int = 30

    @Option(
        help: ArgumentHelp(
            "Also run the MDS: its inbound endpoint is POST /mds/inbound/<token>; register it as the MDS participant's webhook.",
            valueName: "token"))
    var mdsToken: String?

    @Flag(help: "Mark the dashboard's session cookie Secure (when browsers reach the server over HTTPS, e.g. through a TLS proxy).")
    var secureCookies = false

    @Option(help: "Hours a dashboard sign-in lasts.")
    var sessionHours: Int = 8

    @Option(help: "Log level: trace, debug, info, notice, warning, error.")
    var logLevel: String = "info"

    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0…65535") }
        guard (try? DIPID(hubDipId)) != nil else { throw ValidationError("--hub-dip-id must be 10 digits") }
        guard referenceWindowDays > 0 else { throw ValidationError("--reference-window-days must be positive") }
        guard (1...168).contains(sessionHours) else { throw ValidationError("--session-hours must be 1…168") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("unknown --log-level \(logLevel)") }
        if let mdsToken, mdsToken.count < 16 || !mdsToken.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) {
            throw ValidationError("--mds-token must be at least 16 letters, digits, '-' or '_'")
        }
    }

    func run() async throws {
        var logger = Logger(label: "mhhs.serve")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let configuration = HubConfiguration(hubDIPID: try DIPID(hubDipId), referenceWindowSeconds: Int64(referenceWindowDays) * 86_400)
        let webhookClient = HTTPWebhookTransport.makeClient()
        do {
            try await serve(configuration: configuration, webhookClient: webhookClient, logger: logger)
        } catch {
            try? await webhookClient.shutdown()
            throw error
        }
        try await webhookClient.shutdown()
    }

    private func serve(configuration: HubConfiguration, webhookClient: HTTPClient, logger: Logger) async throws {
        let host = host
        let port = port
        let mdsToken = mdsToken
        let sessionPolicy = DashboardSessionPolicy(seconds: Int64(sessionHours) * 3600, secureCookie: secureCookies)
        ServerMetrics.bootstrap()
        try await store.withSettlementStores { stores in
            if try await stores.standingData.lineLossFactorCoverage().isEmpty {
                // Runs would settle every class with the default LLF (listed in REP-008): say so now.
                logger.warning(
                    "no line loss factors in the store: import them with `mhhs standing-data import --llf …` (with --database when on PostgreSQL)"
                )
            }
            let server = HubServer(
                configuration: configuration, store: stores.hub, register: stores.register, validate: HubServer.specificationValidator,
                webhooks: HTTPWebhookTransport(client: webhookClient), clock: { SystemClock.now }, logger: logger,
                mds: mdsToken.map { (MDSReceiver(register: stores.register, store: stores.spData), $0) }
            ) { participants in
                var context = APIContext(
                    participants: participants, register: stores.register, runs: stores.runs, shapes: stores.shapes,
                    migrations: stores.migrations, audit: stores.audit,
                    settle: { date, type, at in
                        // Closures re-read for each run: another instance may have recorded one.
                        try await stores.runner(closures: try await stores.migrations.closures()).run(date: date, type: type, at: at)
                    },
                    migrate: { date, at in try await stores.runMigration(date: date, at: at, actAsProviders: false) },
                    marketDomainData: { try await stores.standingData.marketDomainData() },
                    lineLossFactors: { try await stores.standingData.lineLossFactors(distributor: $0, llfClass: $1, date: $2) },
                    clock: { SystemClock.now }, logger: logger)
                context.sessionPolicy = sessionPolicy
                return context
            }
            let application = server.application(host: host, port: port) { bound in
                // Tests and scripts wait for this line: write it unbuffered.
                FileHandle.standardOutput.write(Data("listening on http://\(host):\(bound)\n".utf8))
            }
            let group = ServiceGroup(
                configuration: ServiceGroupConfiguration(
                    services: [application], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
            try await group.run()
        }
    }
}
