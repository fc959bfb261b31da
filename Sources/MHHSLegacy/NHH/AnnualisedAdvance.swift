import MHHSCore
import MHHSRegistration

/// The legacy NHH data collector's EAC/AA update from meter register reads.
///
/// Between two reads of a point's register, the advance is the energy used. [A] A read is taken
/// at the end of its date, so the advance covers the dates after the first read up to and
/// including the second's. Then:
/// - the **annualised advance** AA = advance ÷ Σ profile coefficients of the point's class and
///   group over those dates (the share of a year's consumption they hold), so dates profiled on
///   AA add up to the advance itself (to the rounding of each period);
/// - the **new EAC**, from the day after the second read, = previous EAC × (1 − w) + AA × w,
///   where the weight w = min(1, Σ coefficients × ``weightScale``) [A: a year's advance or more
///   replaces the EAC; a shorter one moves it in proportion to the share of the year it covers].
///
/// Both are recorded in the register as the point's annual consumption: the AA effective from
/// the day after the first read, the EAC from the day after the second. The register is
/// bitemporal, so runs made before the reads were known (SF) keep the old EAC and later
/// reconciliation runs settle the read period on its AA, as legacy reconciliation does.
public struct EACUpdate: Sendable {
    public struct Read: Sendable, Hashable {
        public let line: Int
        public let mpan: MPAN
        public let date: SettlementDate
        /// The cumulative register value, Wh.
        public let registerWh: Int64
    }

    /// One advance and what it gave.
    public struct Result: Sendable, Hashable {
        public let mpan: MPAN
        public let from: SettlementDate
        public let to: SettlementDate
        public let advanceWh: Int64
        /// Σ profile coefficients over `from…to`, pico-fractions of a year.
        public let coefficientSum: Int64
        public let annualisedAdvanceWh: Int64
        public let previousEACWh: Int64
        public let eacWh: Int64
    }

    public struct Refusal: Sendable, Hashable {
        public let mpan: MPAN
        public let line: Int
        public let reason: String
    }

    public struct FormatError: Error, Sendable, Hashable, CustomStringConvertible {
        public let line: Int
        public let message: String
        public var description: String { "line \(line): \(message)" }
    }

    public static let header = "mpan,read_date,register_kwh"
    /// The register source of an AA assertion.
    static let aaSource = "NHHDC AA"

    public let reads: [Read]
    /// [A] Scales the EAC weight: 1 000 000 (millionths) gives w = the year share.
    public let weightScaleMillionths: Int64

    /// Parses `mpan,read_date,register_kwh` (three decimals); a malformed file is refused whole.
    public init(csv text: String, weightScaleMillionths: Int64 = 1_000_000) throws(FormatError) {
        var reads: [Read] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.hasSuffix("\r") ? line.dropLast() : line[...]
            if index == 0 {
                guard trimmed == Self.header else { throw FormatError(line: 1, message: "the header must be \(Self.header)") }
                continue
            }
            if trimmed.isEmpty { continue }
            let fields = trimmed.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == 3 else { throw FormatError(line: index + 1, message: "3 fields expected, found \(fields.count)") }
            guard let mpan = try? MPAN(fields[0]) else { throw FormatError(line: index + 1, message: "mpan '\(fields[0])' is not valid") }
            guard let date = try? SettlementDate(fields[1]) else {
                throw FormatError(line: index + 1, message: "read_date '\(fields[1])' is not valid")
            }
            guard let value = try? Energy(dipKWh: fields[2]), value.wattHours >= 0 else {
                throw FormatError(line: index + 1, message: "register_kwh '\(fields[2])' is not a reading with three decimals")
            }
            reads.append(Read(line: index + 1, mpan: mpan, date: date, registerWh: value.wattHours))
        }
        self.reads = reads
        self.weightScaleMillionths = weightScaleMillionths
    }

    /// Works out every point's advances against the register as known at `instant` and records
    /// their AA and EAC in one transaction. A point that is not legacy NHH with a profile class
    /// on its read dates, or whose register went backwards, is refused and left as it was.
    public func apply(register: any RegisterRepository, coefficients: any ProfileCoefficientSource, at instant: UTCInstant)
        async throws -> (results: [Result], refusals: [Refusal])
    {
        var results: [Result] = []
        var refusals: [Refusal] = []
        var assertions: [RegisterAssertion] = []
        var daySums = DaySums(coefficients)
        let byMPAN = Dictionary(grouping: reads, by: \.mpan)
        for mpan in byMPAN.keys.sorted() {
            let reads = byMPAN[mpan]!.sorted { $0.date < $1.date }
            let history = try await register.assertions(for: mpan)
            do throws(Refusal) {
                let (mine, recorded) = try Self.advances(
                    mpan: mpan, reads: reads, history: history, daySums: &daySums, weight: weightScaleMillionths, at: instant)
                results += mine
                assertions += recorded
            } catch {
                refusals.append(error)
            }
        }
        if !assertions.isEmpty { try await register.record(assertions) }
        return (results, refusals)
    }

    static func advances(
        mpan: MPAN, reads: [Read], history: [RegisterAssertion], daySums: inout DaySums, weight: Int64,
        at instant: UTCInstant
    ) throws(Refusal) -> ([Result], [RegisterAssertion]) {
        guard reads.count >= 2 else { throw Refusal(mpan: mpan, line: reads[0].line, reason: "one read gives no advance") }
        guard let group = history.first?.gspGroup else { throw Refusal(mpan: mpan, line: reads[0].line, reason: "not registered") }
        var results: [Result] = []
        var assertions: [RegisterAssertion] = []
        var eac: Int64?
        for (first, second) in zip(reads, reads.dropFirst()) {
            guard second.date > first.date else {
                throw Refusal(mpan: mpan, line: second.line, reason: "two reads on \(second.date)")
            }
            guard let state = RegisterFold.state(of: history, on: second.date, asKnownAt: instant),
                RegisterFold.state(of: history, on: first.date.adding(days: 1), asKnownAt: instant)?.arrangement == .legacyNHH,
                state.arrangement == .legacyNHH, let profileClass = state.profileClass
            else {
                throw Refusal(
                    mpan: mpan, line: second.line, reason: "not legacy NHH with a profile class from \(first.date) to \(second.date)")
            }
            let advance = second.registerWh - first.registerWh
            guard advance >= 0 else {
                throw Refusal(
                    mpan: mpan, line: second.line, reason: "the register went back \(-advance) Wh (fault or rollover): not annualised")
            }
            let sum: Int64
            do {
                sum = try daySums.sum(profileClass: profileClass, group: group, dates: first.date.adding(days: 1)...second.date)
            } catch {
                throw Refusal(mpan: mpan, line: second.line, reason: "\(error)")
            }
            guard sum > 0 else { throw Refusal(mpan: mpan, line: second.line, reason: "the profile has no consumption in the period") }
            // The EAC in force when the period began: earlier AAs are not EACs (and re-applying a
            // file must not read its own AA back as the previous EAC).
            let eacs = history.filter { !$0.source.hasPrefix(Self.aaSource) }
            let previous =
                eac ?? RegisterFold.state(of: eacs, on: first.date.adding(days: 1), asKnownAt: instant)?.annualConsumption?.energy.wattHours
                ?? LegacyNHHVolumes.standardDefaults[profileClass] ?? 0
            let annualised = ExactShares.scaled(advance, times: picoPerYear, over: sum)
            let w = Int128(min(picoPerYear, ExactShares.scaled(sum, times: weight, over: 1_000_000)))
            let updated = ExactShares.roundedRatio(
                Int128(previous) * (Int128(picoPerYear) - w) + Int128(annualised) * w, Int128(picoPerYear))
            eac = updated
            results.append(
                Result(
                    mpan: mpan, from: first.date.adding(days: 1), to: second.date, advanceWh: advance, coefficientSum: sum,
                    annualisedAdvanceWh: annualised, previousEACWh: previous, eacWh: updated))
            // The AA holds over the whole period: it is asserted again wherever an earlier-recorded
            // annual consumption takes effect inside it, which would otherwise override it.
            let period = first.date.adding(days: 1)...second.date
            let changes = history.filter { $0.mask.contains(.annualConsumption) && $0.recordedAt <= instant }.map(\.effectiveFrom)
            let aaDates = [period.lowerBound] + Set(changes.filter { $0 > period.lowerBound && period.contains($0) }).sorted()
            var values = aaDates.map { (annualised, $0, Self.aaSource) }
            values.append((updated, second.date.adding(days: 1), "NHHDC EAC"))
            for (value, from, kind) in values {
                var facts = MeteringPointFacts()
                facts.annualConsumption = AnnualConsumption(energy: Energy(wattHours: value), quality: "A")
                assertions.append(
                    RegisterAssertion(
                        mpan: mpan, gspGroup: group, effectiveFrom: from, recordedAt: instant, mask: .annualConsumption, facts: facts,
                        source: "\(kind) from reads \(first.date)–\(second.date)"))
            }
        }
        return (results, assertions)
    }
}

extension EACUpdate.Refusal: Error {}

/// Each day's coefficient total per class and group, a calendar year at a time (a source may
/// work out a whole year to give one day).
struct DaySums {
    private let coefficients: any ProfileCoefficientSource
    private var years: [String: [Int64]] = [:]

    init(_ coefficients: any ProfileCoefficientSource) { self.coefficients = coefficients }

    mutating func sum(profileClass: Int, group: GSPGroup, dates: ClosedRange<SettlementDate>) throws(ProfileCoefficientError) -> Int64 {
        var total: Int64 = 0
        for dayNumber in dates.lowerBound.dayNumber...dates.upperBound.dayNumber {
            let date = SettlementDate(dayNumber: dayNumber)
            let key = "\(profileClass)|\(group.rawValue)|\(date.year)"
            if years[key] == nil {
                years[key] = try coefficients.year(date.year, profileClass: profileClass, group: group).map { $0.reduce(0, +) }
            }
            total += years[key]![dayNumber - (try! SettlementDate(year: date.year, month: 1, day: 1)).dayNumber]
        }
        return total
    }
}
