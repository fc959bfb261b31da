import MHHSCore
import MHHSMessages

/// IF-045 reminders to suppliers: MHHS metering points with no data service or no metering
/// service appointed, or whose data service does not fit the market segment.
public enum RegistrationReminders {
    /// The reminder events due for one metering point's facts on a date, in event order.
    public static func events(for facts: MeteringPointFacts) -> [String] {
        guard facts.arrangement == .mhhs, facts.supplier != nil, let segment = facts.marketSegment else { return [] }
        var events: [String] = []
        if let dataService = facts.dataService {
            if dataService.role != .dataService(for: segment) { events.append("InvalidMarketSegment") }
        } else {
            events.append("NoDSAppointed")
        }
        if facts.meteringService == nil { events.append("NoMSAppointed") }
        return events
    }

    /// The IF-045 messages for one metering point's view, addressed to its supplier.
    static func messages(view: MeteringPointView, context: RegistrationContext) throws(RegistrationError) -> [OutboundMessage] {
        let events = events(for: view.facts)
        guard !events.isEmpty, let supplier = view.facts.supplier else { return [] }
        let builder = try AppointmentProcess.builder(view: view, context: context)
        let supplierID = try context.dipID(supplier, .supplier)
        return events.enumerated().map { index, event in
            let information: String =
                switch event {
                case "NoDSAppointed": "no \(AppointmentRole.dataService(for: view.facts.marketSegment!).rawValue) is appointed"
                case "NoMSAppointed": "no \(AppointmentRole.meteringService(for: view.facts.marketSegment!).rawValue) is appointed"
                default:
                    "the appointed data service \(view.facts.dataService!.role.rawValue) does not fit segment \(view.facts.marketSegment!)"
                }
            let message = builder.message(
                interface: "IF-045", event: event, index: index + 1, custom: ["B060": ["additionalInformation": .string(information)]])
            return OutboundMessage(recipient: supplierID, recipientRole: .supplier, message: message)
        }
    }
}

extension RegistrationService {
    /// Sends IF-045 reminders for every MHHS metering point of a GSP group that lacks a data or
    /// metering service (or has one that does not fit its segment) on `date`. Returns how many
    /// reminders went to the outbox.
    @discardableResult
    public func sendReminders(group: GSPGroup, on date: SettlementDate) async throws -> Int {
        let now = clock()
        let snapshot = try await repository.snapshot(of: group, on: date, asKnownAt: now)
        var sent = 0
        for index in 0..<snapshot.count where !RegistrationReminders.events(for: snapshot.facts(at: index)).isEmpty {
            let mpan = try MPAN(String(snapshot.mpans[index]))
            let context = makeContext(now: now)
            let outcome = try await repository.update(mpan) { record in
                guard let view = MeteringPointView(mpan: mpan, assertions: record.history, on: date, asKnownAt: now) else {
                    return RegistrationOutcome()
                }
                return RegistrationOutcome(messages: try RegistrationReminders.messages(view: view, context: context), decidedAt: now)
            }
            sent += outcome.messages.count
        }
        return sent
    }
}
