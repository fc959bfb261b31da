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
        var pending = try await pendingMigrationAppointments(at: now)
        for var item in try await migrations.items(status: .planned, plannedOnOrBefore: date) {
            guard let wave = waves[item.wave] else { continue }
            item.updatedAt = now
            do {
                // One point's refusal (its code in the detail) does not stop the others.
                if let ids = pending[item.mpan], !ids.isEmpty {
                    item.detail = ids.map(\.id).joined(separator: " ")
                } else if item.plannedDate < today {
                    throw MigrationError.invalidPlan(
                        "planned date \(item.plannedDate) passed before its appointments were asked for; plan it again")
                } else {
                    item.detail = try await requestAppointments(for: item, wave: wave, at: now)
                }
                item.status = item.detail.isEmpty ? .migrated : .requested
            } catch let error as RegistrationError {
                item.status = .failed
                item.detail = error.description
            } catch let error as MigrationError {
                item.status = .failed
                item.detail = error.description
            }
            guard try await migrations.update(item, expecting: .planned) else { continue }
            switch item.status {
            case .requested: report.requested.append(item)
            case .failed: report.failed.append(item)
            case .migrated: report.migrated.append(item)
            case .planned, .reversed: break
            }
        }

        if actAsProviders {
            pending = try await pendingMigrationAppointments(at: now)
            for item in try await migrations.items(status: .requested, plannedOnOrBefore: Self.anyDate) {
                let ids = Set(item.detail.split(separator: " ").map(String.init))
                for appointment in pending[item.mpan] ?? [] where ids.contains(appointment.id) {
                    guard let role = DIPRole(rawValue: appointment.role.rawValue) else { continue }
                    let response = AppointmentResponse(
                        mpan: item.mpan, appointmentID: appointment.id, accepted: true, responseCode: "SP000")
                    try await registration.handle(
                        .appointmentResponse(response), from: RequestSender(participant: appointment.provider, role: role))
                }
            }
        }

        let stillPending = Set(try await register.pendingAppointments(requestedBefore: now.adding(seconds: 1)).map(\.id))
        for var item in try await migrations.items(status: .requested, plannedOnOrBefore: Self.anyDate) {
            let state = try await register.state(of: item.mpan, on: item.plannedDate, asKnownAt: now)
            if state?.arrangement == .mhhs {
                item.status = .migrated
            } else if item.detail.split(separator: " ").allSatisfy({ !stillPending.contains(String($0)) }) {
                item.status = .failed
                item.detail = "appointments \(item.detail) were rejected or lapsed"
            } else {
                report.waiting.append(item)
                continue
            }
            item.updatedAt = now
            guard try await migrations.update(item, expecting: .requested) else { continue }
            if item.status == .migrated { report.migrated.append(item) } else { report.failed.append(item) }
        }
        report.closures = try await closeCompletedSegments(at: now)
        return report
    }

    /// A date later than any planned one, to ask for every point in a state.
    static let anyDate = SettlementDate(dayNumber: 3_000_000)

    /// The pending `MCA`/`MCS` appointment requests per MPAN.
    func pendingMigrationAppointments(at now: UTCInstant) async throws -> [MPAN: [PendingAppointment]] {
        let pending = try await register.pendingAppointments(requestedBefore: now.adding(seconds: 1))
        return Dictionary(grouping: pending.filter { AppointmentRequest.migrationScenarios.contains($0.scenario) }, by: \.mpan)
    }

    /// Sends the two `MCA` requests; returns their appointment ids (space-separated), or "" when
    /// the point is already MHHS on its date. Both providers are found before either is asked.
    func requestAppointments(for item: MigrationItem, wave: MigrationWave, at now: UTCInstant) async throws -> String {
        guard let state = try await register.state(of: item.mpan, on: item.plannedDate, asKnownAt: now) else {
            throw RegistrationError.unknownMPAN("\(item.mpan) on \(item.plannedDate)")
        }
        if state.arrangement == .mhhs { return "" }
        guard let supplier = state.supplier, let segment = state.marketSegment else {
            throw RegistrationError.missing("\(item.mpan) has no supplier or market segment on \(item.plannedDate)")
        }
        let roles = [AppointmentRole.dataService(for: segment), .meteringService(for: segment)]
        var providers: [MPID] = []
        for role in roles {
            guard let provider = wave.provider(for: role) else {
                throw MigrationError.invalidPlan("wave \(wave.id) names no \(role.rawValue) provider")
            }
            providers.append(provider)
        }
        var ids: [String] = []
        for (role, provider) in zip(roles, providers) {
            let request = AppointmentRequest(
                mpan: item.mpan, role: role, provider: provider, effectiveFrom: item.plannedDate, scenario: "MCA",
                contractReference: "MIGRATION-\(wave.id)")
            let outcome = try await registration.handle(.appointment(request), from: RequestSender(participant: supplier, role: .supplier))
            ids += outcome.appointments.map(\.id)
        }
        return ids.joined(separator: " ")
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
            _ = try await migrations.update(item, expecting: .migrated)
        }
    }

    /// Closes every segment whose wave points have all migrated and that has no legacy point
    /// left in the register after the last date any of them was legacy.
    func closeCompletedSegments(at now: UTCInstant) async throws -> [LegacyClosure] {
        let status = try await RunOffReport.build(register: register, migrations: migrations, at: now)
        var closed: [LegacyClosure] = []
        for segment in status.segments where segment.closure == nil {
            guard let last = segment.closableAfter else { continue }
            closed.append(try await migrations.close(LegacyClosure(segment: segment.segment, lastLegacyDate: last, closedAt: now)))
        }
        return closed
    }
}
