import Logging
import MHHSCore
import MHHSHub
import MHHSMigration
import MHHSRegistration
import MHHSSettlement
import MHHSStandingData

/// What the REST API reads and does, built once per server over one set of stores. Nothing
/// is kept in memory between requests: every instance on one database answers the same.
public struct APIContext: Sendable {
    public let participants: ParticipantRegistry
    public let register: any RegisterRepository
    public let runs: any SettlementRunRepository
    public let shapes: any LoadShapeRepository
    public let migrations: any MigrationRepository
    public let audit: any AuditTrail
    /// Settles a date as a run type at an instant (the VAS over the server's stores).
    public let settle: @Sendable (SettlementDate, SettlementRunType, UTCInstant) async throws -> StoredSettlementRun
    /// Runs the migration for a date at an instant (the migration service over the server's stores).
    public let migrate: @Sendable (SettlementDate, UTCInstant) async throws -> MigrationService.RunReport
    /// Standing data: the imported MDD, and a distributor class's LLFs on a date.
    public let marketDomainData: @Sendable () async throws -> MarketDomainData?
    public let lineLossFactors: @Sendable (MPID, String, SettlementDate) async throws -> LLFDay?
    public let clock: @Sendable () -> UTCInstant
    public let metrics: ServerMetrics
    public let logger: Logger
    /// How long a dashboard sign-in lasts and whether its cookie is `Secure`.
    public var sessionPolicy = DashboardSessionPolicy()

    public init(
        participants: ParticipantRegistry, register: any RegisterRepository, runs: any SettlementRunRepository,
        shapes: any LoadShapeRepository, migrations: any MigrationRepository, audit: any AuditTrail,
        settle: @escaping @Sendable (SettlementDate, SettlementRunType, UTCInstant) async throws -> StoredSettlementRun,
        migrate: @escaping @Sendable (SettlementDate, UTCInstant) async throws -> MigrationService.RunReport,
        marketDomainData: @escaping @Sendable () async throws -> MarketDomainData? = { nil },
        lineLossFactors: @escaping @Sendable (MPID, String, SettlementDate) async throws -> LLFDay? = { _, _, _ in nil },
        clock: @escaping @Sendable () -> UTCInstant, metrics: ServerMetrics = ServerMetrics(), logger: Logger
    ) {
        self.participants = participants
        self.register = register
        self.runs = runs
        self.shapes = shapes
        self.migrations = migrations
        self.audit = audit
        self.settle = settle
        self.migrate = migrate
        self.marketDomainData = marketDomainData
        self.lineLossFactors = lineLossFactors
        self.clock = clock
        self.metrics = metrics
        self.logger = logger
    }
}
