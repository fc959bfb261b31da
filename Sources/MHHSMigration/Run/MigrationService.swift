import MHHSCore
import MHHSRegistration

/// Plans waves from the register and moves their points through the Registration Service:
/// forward migration by the supplier's `MCA` appointments, reverse migration by IF-003.
public struct MigrationService: Sendable {
    let register: any RegisterRepository
    let migrations: any MigrationRepository
    let registration: RegistrationService
    let calendar: WorkingDayCalendar

    public init(
        register: any RegisterRepository, migrations: any MigrationRepository, registration: RegistrationService,
        calendar: WorkingDayCalendar = WorkingDayCalendar()
    ) {
        self.register = register
        self.migrations = migrations
        self.registration = registration
        self.calendar = calendar
    }

    /// Selects the wave's legacy points from the register on its start date as known at its
    /// creation, and stores it with their dates.
    public func plan(_ wave: MigrationWave) async throws -> [MigrationItem] {
        var found: [MigrationCandidate] = []
        for group in wave.selection.groups ?? GSPGroup.allCases {
            let snapshot = try await register.snapshot(of: group, on: wave.schedule.start, asKnownAt: wave.createdAt)
            found += MigrationCandidate.all(in: snapshot)
        }
        let calendar = self.calendar
        let candidates = found
        return try await migrations.createWave(wave) { booked, active in
            try MigrationPlanner.plan(wave: wave, candidates: candidates, booked: booked, active: active, calendar: calendar)
        }
    }

    /// What one `run` did.
    public struct RunReport: Sendable {
        public var requested: [MigrationItem] = []
        public var migrated: [MigrationItem] = []
        public var failed: [MigrationItem] = []
        /// Points still waiting for their providers' answers.
        public var waiting: [MigrationItem] = []
        public var closures: [LegacyClosure] = []
    }

    /// The day's migration work, at `now`:
    /// 1. every planned point due by `date` gets its supplier's `MCA` appointments of the MHHS
    ///    data and metering services for its segment, effective on its planned date (a point
    ///    whose date has already passed fails instead: migrations are never backdated over
    ///    settled dates; plan it again);
    /// 2. with `actAsProviders`, the wave's providers accept them (IF-034), as a provider
    ///    simulator does in a test or demo market; otherwise their answers come through the hub;
    /// 3. every requested point is checked against the register: migrated once it is MHHS on
    ///    its date, failed once its appointments were answered without migrating it;
    /// 4. a segment with no legacy point left is closed after its last legacy date.
    ///
    /// Each point's new state is stored as soon as its requests are made, and only over the
    /// state it was read in, so a second run at the same time cannot undo the first's. After a
    /// crash between a request and that write, the next run finds the point's pending `MCA`
    /// appointments and takes them up instead of asking again.
    public func run(date: SettlementDate, at now: UTCInstant, actAsProviders: Bool) async throws -> RunReport {
        var report = RunReport()
        let waves = Dictionary(uniqueKeysWithValues: try await migrations.waves().map { ($0.id, $0) })
        let today = LocalSettlementPeriod(containing: now).date
        // In batches: the Registration Service decides a batch's requests in one transaction,
        // and nothing per point outlives its batch (a GB-sized wave never sits in memory).
        for batch in try await migrations.items(status: .planned, plannedOnOrBefore: date).chunked(Self.batchSize) {
            var items = batch
            var asks: [Int: [(RegistrationRequest, RequestSender)]] = [:]
            let histories = try await register.assertions(for: items.map(\.mpan))
            let pending = try await pendingMigrationAppointments(of: items.map(\.mpan), at: now)
            for index in items.indices {
                items[index].updatedAt = now
                do {
                    // One point's refusal (its code in the detail) does not stop the others.
                    guard items[index].plannedDate >= today else {
                        throw MigrationError.invalidPlan(
                            "planned date \(items[index].plannedDate) passed before its appointments were asked for; plan it again")
                    }
                    guard let wave = waves[items[index].wave] else { continue }
                    // Appointments already pending (a run that stopped half way) are taken up;
                    // only the roles without one are asked for.
                    let waiting = pending[items[index].mpan] ?? []
                    let requests = try appointmentRequests(for: items[index], wave: wave, history: histories[index], at: now)
                        .filter { request in !waiting.contains { $0.role.fact == request.0.role?.fact } }
                    items[index].detail = waiting.map(\.id).joined(separator: " ")
                    items[index].status = requests.isEmpty && waiting.isEmpty ? .migrated : .requested
                    if !requests.isEmpty { asks[index] = requests }
                } catch let error as RegistrationError {
                    items[index].status = .failed
                    items[index].detail = error.description
                } catch let error as MigrationError {
                    items[index].status = .failed
                    items[index].detail = error.description
                }
            }
            // The data service first; the metering service only where that was accepted, so a
            // refused data service leaves nothing pending. A refused metering service leaves the
            // data service's request pending until it is answered or lapses; planning the point
            // again takes it up.
            for step in 0..<2 {
                let owners = asks.keys.sorted().filter { items[$0].status == .requested && asks[$0]!.count > step }
                for (owner, result) in zip(owners, try await registration.handleEach(owners.map { asks[$0]![step] })) {
                    switch result {
                    case .success(let outcome):
                        let ids = outcome.appointments.map(\.id)
                        items[owner].detail = ([items[owner].detail] + ids).filter { !$0.isEmpty }.joined(separator: " ")
                    case .failure(let error):
                        items[owner].status = .failed
                        items[owner].detail = error.description
                    }
                }
            }
            for (item, stored) in zip(items, try await migrations.update(items, expecting: .planned)) where stored {
                switch item.status {
                case .requested: report.requested.append(item)
                case .failed: report.failed.append(item)
                case .migrated: report.migrated.append(item)
                case .planned, .reversed: break
                }
            }
        }

        if actAsProviders {
            for batch in try await migrations.items(status: .requested, plannedOnOrBefore: Self.anyDate).chunked(Self.batchSize) {
                let pending = try await pendingMigrationAppointments(of: batch.map(\.mpan), at: now)
                var answers: [(RegistrationRequest, RequestSender)] = []
                for item in batch {
                    let ids = Set(item.detail.split(separator: " ").map(String.init))
                    for appointment in pending[item.mpan] ?? [] where ids.contains(appointment.id) {
                        guard let role = DIPRole(rawValue: appointment.role.rawValue) else { continue }
                        let response = AppointmentResponse(
                            mpan: item.mpan, appointmentID: appointment.id, accepted: true, responseCode: "SP000")
                        answers.append((.appointmentResponse(response), RequestSender(participant: appointment.provider, role: role)))
                    }
                }
                _ = try await registration.handleEach(answers)
            }
        }

        for batch in try await migrations.items(status: .requested, plannedOnOrBefore: Self.anyDate).chunked(Self.batchSize) {
            let stillPending = Set(
                try await register.pendingAppointments(of: batch.map(\.mpan)).filter { $0.requestedAt < now.adding(seconds: 1) }.map(\.id))
            var changed: [MigrationItem] = []
            for (item, history) in zip(batch, try await register.assertions(for: batch.map(\.mpan))) {
                var item = item
                if RegisterFold.state(of: history, on: item.plannedDate, asKnownAt: now)?.arrangement == .mhhs {
                    item.status = .migrated
                } else if item.detail.split(separator: " ").allSatisfy({ !stillPending.contains(String($0)) }) {
                    item.status = .failed
                    item.detail = "appointments \(item.detail) were rejected or lapsed"
                } else {
                    report.waiting.append(item)
                    continue
                }
                item.updatedAt = now
                changed.append(item)
            }
            for (item, stored) in zip(changed, try await migrations.update(changed, expecting: .requested)) where stored {
                if item.status == .migrated { report.migrated.append(item) } else { report.failed.append(item) }
            }
        }
        report.closures = try await closeCompletedSegments(at: now)
        return report
    }

    /// How many points one batch takes through the Registration Service.
    static let batchSize = 500

    /// A date later than any planned one, to ask for every point in a state.
    static let anyDate = SettlementDate(dayNumber: 3_000_000)

    /// The pending `MCA`/`MCS` appointment requests of these points made by `now`, per MPAN.
    func pendingMigrationAppointments(of mpans: [MPAN], at now: UTCInstant) async throws -> [MPAN: [PendingAppointment]] {
        let pending = try await register.pendingAppointments(of: mpans)
        return Dictionary(
            grouping: pending.filter {
                AppointmentRequest.migrationScenarios.contains($0.scenario) && $0.requestedAt < now.adding(seconds: 1)
            },
            by: \.mpan)
    }

    /// The two `MCA` requests of a point, from its supplier; none when it is already MHHS on its
    /// date. Both providers are found before either is asked for.
    func appointmentRequests(for item: MigrationItem, wave: MigrationWave, history: [RegisterAssertion], at now: UTCInstant) throws
        -> [(RegistrationRequest, RequestSender)]
    {
        guard let state = RegisterFold.state(of: history, on: item.plannedDate, asKnownAt: now) else {
            throw RegistrationError.unknownMPAN("\(item.mpan) on \(item.plannedDate)")
        }
        if state.arrangement == .mhhs { return [] }
        guard let supplier = state.supplier, let segment = state.marketSegment else {
            throw RegistrationError.missing("\(item.mpan) has no supplier or market segment on \(item.plannedDate)")
        }
        var requests: [(RegistrationRequest, RequestSender)] = []
        for role in [AppointmentRole.dataService(for: segment), .meteringService(for: segment)] {
            guard let provider = wave.provider(for: role) else {
                throw MigrationError.invalidPlan("wave \(wave.id) names no \(role.rawValue) provider")
            }
            let request = AppointmentRequest(
                mpan: item.mpan, role: role, provider: provider, effectiveFrom: item.plannedDate, scenario: "MCA",
                contractReference: "MIGRATION-\(wave.id)")
            requests.append((.appointment(request), RequestSender(participant: supplier, role: .supplier)))
        }
        return requests
    }

    /// Takes a migrated point back to a legacy arrangement from `date` (IF-003), as its
    /// supplier. Refused when the point's segment has run off: a reverse migration is open-ended,
    /// so even one dated before the closure would put the point back on the closed legacy path
    /// for every later date.
    public func reverse(
        _ mpan: MPAN, from date: SettlementDate, to arrangement: SettlementArrangement, cssRegistrationID: String, at now: UTCInstant
    ) async throws {
        guard let state = try await register.state(of: mpan, on: date, asKnownAt: now), let supplier = state.supplier else {
            throw RegistrationError.unknownMPAN("\(mpan) on \(date)")
        }
        if let segment = state.marketSegment, let closure = try await migrations.closures().first(where: { $0.segment == segment }) {
            throw MigrationError.legacyPathClosed(
                "segment \(segment) ran off after \(closure.lastLegacyDate); \(mpan) cannot return to \(arrangement.rawValue)")
        }
        try await registration.handle(
            .change(
                DataItemChange(mpan: mpan, effectiveFrom: date, item: .reverseMigration(arrangement, cssRegistrationID: cssRegistrationID))),
            from: RequestSender(participant: supplier, role: .supplier))
        for var item in try await migrations.items(wave: nil) where item.mpan == mpan && item.status == .migrated {
            item.status = .reversed
            item.detail = "reverse migration to \(arrangement.rawValue) from \(date)"
            item.updatedAt = now
            _ = try await migrations.update([item], expecting: .migrated)
        }
    }

    /// Closes every segment whose wave points have all migrated and that has no legacy point
    /// left in the register after the last date any of them was legacy.
    func closeCompletedSegments(at now: UTCInstant) async throws -> [LegacyClosure] {
        // The whole report (every moved point's history) only once some segment may close.
        let items = try await migrations.items(wave: nil)
        let open = try await RunOffReport.openLegacyPoints(register: register, on: RunOffReport.horizon(of: items, at: now), at: now)
        let closed = Set(try await migrations.closures().map(\.segment))
        let waiting = Set(items.filter { $0.status == .planned || $0.status == .requested }.map(\.segment))
        let candidates = Set(items.map(\.segment)).filter { open[$0, default: 0] == 0 && !closed.contains($0) && !waiting.contains($0) }
        guard !candidates.isEmpty else { return [] }
        let status = try await RunOffReport.build(register: register, migrations: migrations, at: now)
        var recorded: [LegacyClosure] = []
        for segment in status.segments where segment.closure == nil {
            guard let last = segment.closableAfter else { continue }
            recorded.append(try await migrations.close(LegacyClosure(segment: segment.segment, lastLegacyDate: last, closedAt: now)))
        }
        return recorded
    }
}

extension Array {
    /// Consecutive slices of at most `size` elements.
    func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
