import MHHSCore
import MHHSRegistration

/// The register facts MDS checks, read in one go for every MPAN of an ingest (histories in
/// chunks of 10,000) and folded per date on demand.
public struct MDSRegisterLookup: Sendable {
    var histories: [Int64: [RegisterAssertion]]
    let asKnownAt: UTCInstant

    /// Adds another lookup's histories (of other MPANs, or the same ones).
    mutating func merge(_ other: MDSRegisterLookup) { histories.merge(other.histories) { first, _ in first } }

    public static func load(for items: [IF021Decoder.Item], register: any RegisterRepository, asKnownAt: UTCInstant) async throws
        -> MDSRegisterLookup
    {
        var mpans: [MPAN] = []
        var seen: Set<Int64> = []
        for case .submission(let submission) in items where seen.insert(submission.mpan.value).inserted { mpans.append(submission.mpan) }
        var histories: [Int64: [RegisterAssertion]] = [:]
        for chunk in stride(from: 0, to: mpans.count, by: 10_000) {
            let part = Array(mpans[chunk..<min(chunk + 10_000, mpans.count)])
            for (mpan, history) in zip(part, try await register.assertions(for: part)) where !history.isEmpty {
                histories[mpan.value] = history
            }
        }
        return MDSRegisterLookup(histories: histories, asKnownAt: asKnownAt)
    }

    /// The metering point's state on `date` as MDS needs it; nil only for an MPAN the register
    /// has never had (a date it is not registered on is "not settled under MHHS", ECS1009 for
    /// those periods only).
    public func day(of mpan: MPAN, on date: SettlementDate) -> MeteringPointDay? {
        guard let history = histories[mpan.value], let group = history.first?.gspGroup else { return nil }
        guard let facts = RegisterFold.state(of: history, on: date, asKnownAt: asKnownAt) else {
            return MeteringPointDay(gspGroup: group, settledInMHHS: false, deEnergised: false)
        }
        return MeteringPointDay(
            gspGroup: group, settledInMHHS: facts.arrangement == .mhhs && facts.supplier != nil,
            deEnergised: facts.energisation == .deEnergised)
    }
}

/// MDS receiving IF-021 bytes end to end: decode, check against the register, store.
public struct MDSReceiver: Sendable {
    public let register: any RegisterRepository
    public let store: any SPDataStore
    public let rules: MDSRules

    public init(register: any RegisterRepository, store: any SPDataStore, rules: MDSRules = MDSRules()) {
        self.register = register
        self.store = store
        self.rules = rules
    }

    public struct Receipt: Sendable {
        public let outcome: MDSIngest.Outcome
        public let version: Int64
    }

    /// Ingests one file or request body as one version; a JSON syntax error throws and
    /// stores nothing. Messages are decoded a chunk at a time while the register is read for
    /// the chunks already decoded (the register read runs on the store's own thread).
    public func receive(_ bytes: [UInt8], at instant: UTCInstant) async throws -> Receipt {
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        defer { buffer.deallocate() }
        _ = buffer.initialize(from: bytes)
        let input = UnsafeBufferPointer(rebasing: buffer[0..<bytes.count])
        var items: [IF021Decoder.Item] = []
        var lookup = MDSRegisterLookup(histories: [:], asKnownAt: instant)
        let register = self.register
        try await withThrowingTaskGroup(of: MDSRegisterLookup.self) { reads in
            var chunks = IF021Decoder.Chunks(input)
            while let chunk = try chunks.next(maximum: 5_000) {
                items += chunk
                reads.addTask { try await MDSRegisterLookup.load(for: chunk, register: register, asKnownAt: instant) }
            }
            for try await read in reads { lookup.merge(read) }
        }
        let outcome = MDSIngest(rules: rules).run(items, receivedAt: instant) { lookup.day(of: $0, on: $1) }
        let receipt = try await store.append(outcome.segments, receivedAt: instant)
        return Receipt(outcome: outcome, version: receipt.version)
    }
}
