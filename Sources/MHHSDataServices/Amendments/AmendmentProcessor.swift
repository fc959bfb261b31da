import MHHSCore
import MHHSMessages
import MHHSSettlement

/// A data service's answer to a supplier's consumption amendment (IF-027): an IF-028 accepting
/// or rejecting it and, when accepted, the corrected data as new IF-021s (a new version of
/// each amended half hour at MDS; the half hours outside the span are not resent).
///
/// [A] Each amendment's gross revised consumption replaces the whole span, spread over its half
/// hours pro rata to the load shape (quality `E8`/`EA6`, reason 9, `arc` the supplier's
/// reason). A request is all or nothing: one bad amendment rejects it, and nothing is resent.
public struct AmendmentProcessor: Sendable {
    public var run: DataServiceRun

    public init(run: DataServiceRun) { self.run = run }

    public struct Outcome: Sendable {
        public var response: JSONValue
        public var submissions: [ConsumptionSubmission]
        public var accepted: Bool
        public var messages: [String]
    }

    public static let reasons: Set<String> = ["A", "E", "M", "R", "S", "T", "X"]

    /// [A] The longest span one amendment may cover (a year and a month: a quarterly or annual
    /// read period, with room).
    public static let longestSpanSeconds: Int64 = 400 * 86_400

    public func process(_ request: AmendmentRequest, profile: MeteringPointProfile?, message: JSONValue, at instant: UTCInstant) -> Outcome
    {
        var problems: [String] = []
        if let profile {
            if profile.marketSegment != run.service.segment {
                problems.append("MPAN \(request.mpan) is in segment \(profile.marketSegment.rawValue), not served by this data service")
            }
        } else {
            problems.append("MPAN \(request.mpan) is not registered")
        }
        for (index, amendment) in request.amendments.enumerated() {
            let label = "amendment \(index + 1)"
            if amendment.start >= amendment.end { problems.append("\(label): the start is not before the end") }
            if amendment.start.secondsSinceEpoch % settlementPeriodSeconds != 0
                || amendment.end.secondsSinceEpoch % settlementPeriodSeconds != 0
            {
                problems.append("\(label): the span must start and end on a half hour")
            }
            if amendment.grossRevisedWh < 0 { problems.append("\(label): gross revised consumption cannot be negative") }
            if amendment.end.secondsSinceEpoch - amendment.start.secondsSinceEpoch > Self.longestSpanSeconds {
                problems.append("\(label): a span may be at most \(Self.longestSpanSeconds / 86_400) days")
            }
            if let reason = amendment.reason, !Self.reasons.contains(reason) { problems.append("\(label): reason \(reason) is not DI-166") }
        }
        for (first, second) in zip(
            request.amendments.sorted { $0.start < $1.start }, request.amendments.sorted { $0.start < $1.start }.dropFirst())
        where second.start < first.end {
            problems.append("amendments overlap at \(second.start)")
        }
        guard problems.isEmpty, let profile else {
            return Outcome(
                response: response(request, message: message, accepted: false, messages: problems, at: instant), submissions: [],
                accepted: false, messages: problems)
        }
        let category = profile.category(request.quantity, configuration: run.estimator.lss)
        var byDay: [UTCDay: [ConsumptionPeriod]] = [:]
        let code = run.service.code(for: .amendment)
        for amendment in request.amendments {
            let count = Int((amendment.end.secondsSinceEpoch - amendment.start.secondsSinceEpoch) / settlementPeriodSeconds)
            let ends = (1...count).map { amendment.start.adding(seconds: Int64($0) * settlementPeriodSeconds) }
            let weights = Apportionment.filled(ends.map { run.estimator.shapes.value(for: category, periodEnding: $0) })
            let reason = amendment.reason.flatMap { $0.utf8.first } ?? 0
            for (end, part) in zip(ends, Apportionment.split(amendment.grossRevisedWh, weights: weights)) {
                byDay[UTCDay(dayNumber: end.adding(seconds: -1).utcDayNumber), default: []].append(
                    ConsumptionPeriod(end: end, energyWh: part, quality: code, estimationReason: 9, amendmentReason: reason))
            }
        }
        let submissions = byDay.keys.sorted().map { day in
            run.submission(
                profile: profile, quantity: request.quantity, day: day, periods: byDay[day]!.sorted { $0.end < $1.end }, at: instant,
                tag: "a")
        }
        let messages = ["Accepted: \(submissions.count) day(s) resubmitted"]
        return Outcome(
            response: response(request, message: message, accepted: true, messages: messages, at: instant), submissions: submissions,
            accepted: true, messages: messages)
    }

    /// The IF-028: the request's B902List echoed, R0 the outcome, addressed to the supplier.
    func response(_ request: AmendmentRequest, message: JSONValue, accepted: Bool, messages: [String], at instant: UTCInstant) -> JSONValue
    {
        let common = message["payload"]?["CommonBlock"]
        let compactDate = DIPDateTime(instant).text.prefix(10).filter(\.isNumber)
        let suffix = String(request.senderUniqueReference.filter { $0.isLetter || $0.isNumber }.suffix(40))
        return .object([
            "payload": .object([
                "CommonBlock": .object([
                    "S0": .object([
                        "interfaceID": .string("IF-028"), "schemaVersion": .string("011"), "eventCode": .string("[ConsumptionAmendment]"),
                    ]),
                    "S1": .object([
                        "environmentTag": common?["S1"]?["environmentTag"] ?? .string("PRD"), "subText": .null,
                        "senderUniqueReference": .string(
                            "S-IF-028-\(run.dipID)-\(run.service.role.rawValue)-\(compactDate)-r\(suffix)t\(instant.secondsSinceEpoch)"),
                        "senderTimestamp": .string(DIPDateTime(instant).text), "senderDIPID": .string(run.dipID),
                        "senderRoleID": .string(run.service.role.rawValue),
                        "senderCorrelationID": request.senderUniqueReference.count <= 60 ? .string(request.senderUniqueReference) : .null,
                        "DIPConnectionProviderID": .null,
                    ]),
                    "A0": .object([
                        "primaryRecipients": .array([.string(request.supplierDIPID)]), "secondaryRecipients": .array([]),
                        "always": .array([]),
                    ]),
                    "M0": common?["M0"] ?? .object(["MPANCore": .string(request.mpan.description)]),
                    "R0": .object([
                        "responseCode": .string(accepted ? "A" : "R"),
                        "responseMessages": .array(messages.map { .string(String($0.prefix(200))) }),
                    ]),
                ]),
                "CustomBlock": .object(["B902List": message["payload"]?["CustomBlock"]?["B902List"] ?? .array([])]),
            ])
        ])
    }
}
