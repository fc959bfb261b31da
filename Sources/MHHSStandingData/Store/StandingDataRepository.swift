import MHHSCore

/// Where standing data lives between commands: the Market Domain Data tables and the line loss
/// factors. Implemented by the SQLite and PostgreSQL stores in `MHHSStorage`.
public protocol StandingDataRepository: Sendable {
    /// Replaces every MDD table with `data` in one transaction.
    func replaceMarketDomainData(_ data: MarketDomainData) async throws

    /// The stored MDD tables, or nil when none were imported.
    func marketDomainData() async throws -> MarketDomainData?

    /// Runs `body` inside one transaction, handing it a function that stores one LLF day
    /// (replacing a stored day with the same distributor, class and date). If `body` throws,
    /// nothing it stored is kept. `body` is synchronous because the D0265 reader is; a store
    /// that cannot write synchronously keeps the days until `body` returns.
    func importLineLossFactors<Result>(
        source: String,
        _ body: (_ store: (LLFDay) throws -> Void) throws -> Result
    ) async throws -> Result

    /// The factors of one class of one distributor on one date, or nil when none are stored.
    func lineLossFactors(distributor: MPID, llfClass: String, date: SettlementDate) async throws -> LLFDay?

    /// What LLFs are stored, per distributor.
    func lineLossFactorCoverage() async throws -> [LLFCoverage]
}

/// The LLFs stored for one distributor.
public struct LLFCoverage: Hashable, Sendable {
    public let distributor: MPID
    public let llfClasses: Int
    public let days: Int
    public let firstDate: SettlementDate
    public let lastDate: SettlementDate

    public init(distributor: MPID, llfClasses: Int, days: Int, firstDate: SettlementDate, lastDate: SettlementDate) {
        self.distributor = distributor
        self.llfClasses = llfClasses
        self.days = days
        self.firstDate = firstDate
        self.lastDate = lastDate
    }
}
