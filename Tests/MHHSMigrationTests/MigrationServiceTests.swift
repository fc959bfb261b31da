import Foundation
import MHHSCore
import MHHSMigration
import MHHSRegistration
import Testing

/// The migration service's failure paths and its store's guarantees, on SQLite and PostgreSQL,
/// with the half-group fixture's four legacy points (SOUT, segment S).
@Suite("Migration: refusals, failures, reruns and the store")
struct MigrationServiceTests {
    typealias W = MigrationWorld
    typealias S = MigrationScenarioTests

    static func wave(_ id: String, start: String, createdAt: String, providers: [AppointmentRole: MPID] = S.providers, limit: Int? = nil)
        -> MigrationWave
    {
        MigrationWave(
            id: id, createdAt: W.instant(createdAt), selection: WaveSelection(segments: [.smart], limit: limit),
            schedule: WaveSchedule(start: W.date(start), defaultDailyThreshold: 1), providers: providers)
    }

    @Test(arguments: MigrationWorld.Backend.allCases)
    func plansNeverOverbookAndRefuseBadPlans(_ backend: MigrationWorld.Backend) async throws {
        try await MigrationWorld.with(backend) { world in
            try await world.registrations("registrations.csv", recordedAt: "2026-10-01T00:00:00+00:00")
            let service = world.migration(at: "2026-11-10T09:00:00+00:00")
            // One a day for SOUT: the first wave's two points take the 16th and 17th, so the
            // second wave's start on the 16th finds those days booked.
            let first = try await service.plan(Self.wave("A", start: "2026-11-16", createdAt: "2026-11-10T09:00:00+00:00", limit: 2))
            #expect(first.map(\.plannedDate) == [W.date("2026-11-16"), W.date("2026-11-17")])
            let second = try await service.plan(Self.wave("B", start: "2026-11-16", createdAt: "2026-11-10T09:00:00+00:00"))
            #expect(second.map(\.plannedDate) == [W.date("2026-11-18"), W.date("2026-11-19")], "only the two points not in wave A")
            #expect(Set(second.map(\.mpan)).isDisjoint(with: first.map(\.mpan)))

            func refusal(_ wave: MigrationWave) async -> String? {
                do {
                    _ = try await service.plan(wave)
                    return nil
                } catch { return "\(error)" }
            }
            #expect(
                await refusal(Self.wave("A", start: "2026-11-20", createdAt: "2026-11-10T09:00:00+00:00"))
                    == "a wave named A already exists")
            #expect(
                await refusal(Self.wave("C", start: "2026-11-09", createdAt: "2026-11-10T09:00:00+00:00"))?.contains(
                    "before the plan's own date") == true)
            // A new wave over points already in one selects nothing.
            #expect(try await service.plan(Self.wave("D", start: "2026-11-20", createdAt: "2026-11-10T09:00:00+00:00")).isEmpty)
            #expect(try await world.migrations.waves().map(\.id) == ["A", "B", "D"])
        }
    }

    @Test(arguments: MigrationWorld.Backend.allCases)
    func failuresAndReruns(_ backend: MigrationWorld.Backend) async throws {
        try await MigrationWorld.with(backend) { world in
            try await world.registrations("registrations.csv", recordedAt: "2026-10-01T00:00:00+00:00")
            // No MSS provider: refused at planning, nothing stored.
            await #expect {
                _ = try await world.migration(at: "2026-11-10T09:00:00+00:00").plan(
                    Self.wave(
                        "X", start: "2026-11-16", createdAt: "2026-11-10T09:00:00+00:00",
                        providers: [.smartDataService: try MPID("DSAA")]))
            } throws: { "\($0)".contains("no MSS provider") }
            #expect(try await world.migrations.waves().isEmpty)

            // A provider with no DIP id: each point fails with REG0009 and nothing is pending.
            let unknown: [AppointmentRole: MPID] = [.smartDataService: try MPID("NODS"), .smartMeteringService: try MPID("MSAA")]
            _ = try await world.migration(at: "2026-11-10T09:00:00+00:00").plan(
                Self.wave("U", start: "2026-11-16", createdAt: "2026-11-10T09:00:00+00:00", providers: unknown, limit: 1))
            let refused = try await world.migration(at: "2026-11-12T09:00:00+00:00").run(
                date: W.date("2026-11-16"), at: W.instant("2026-11-12T09:00:00+00:00"), actAsProviders: true)
            #expect(refused.failed.count == 1 && refused.failed[0].detail.hasPrefix("REG0009"), "\(refused.failed.map(\.detail))")
            #expect(try await world.register.pendingAppointments(requestedBefore: W.instant("2026-12-01T00:00:00+00:00")).isEmpty)

            // A failed point can be planned again; this time the metering service rejects.
            let again = try await world.migration(at: "2026-11-12T10:00:00+00:00").plan(
                Self.wave("R", start: "2026-11-17", createdAt: "2026-11-12T10:00:00+00:00", limit: 1))
            #expect(again.map(\.mpan) == refused.failed.map(\.mpan))
            let asked = try await world.migration(at: "2026-11-13T09:00:00+00:00").run(
                date: W.date("2026-11-17"), at: W.instant("2026-11-13T09:00:00+00:00"), actAsProviders: false)
            #expect(asked.requested.count == 1 && asked.waiting.count == 1)
            // Run twice the same day: nothing is asked for again.
            let twice = try await world.migration(at: "2026-11-13T09:30:00+00:00").run(
                date: W.date("2026-11-17"), at: W.instant("2026-11-13T09:30:00+00:00"), actAsProviders: false)
            #expect(twice.requested.isEmpty && twice.waiting.count == 1)
            let pending = try await world.register.pendingAppointments(requestedBefore: W.instant("2026-12-01T00:00:00+00:00"))
            #expect(pending.count == 2)
            let registration = RegistrationService(
                repository: world.register, registrationService: try DIPID("1000000001"), marketwideDataService: try DIPID("1000000002"),
                directory: W.directory, environmentTag: "SIT", clock: { W.instant("2026-11-13T10:00:00+00:00") })
            for appointment in pending {
                let role = DIPRole(rawValue: appointment.role.rawValue)!
                let accepted = appointment.role == .smartDataService
                try await registration.handle(
                    .appointmentResponse(
                        AppointmentResponse(
                            mpan: appointment.mpan, appointmentID: appointment.id, accepted: accepted,
                            responseCode: accepted ? "SP000" : "SP001")),
                    from: RequestSender(participant: appointment.provider, role: role))
            }
            let answered = try await world.migration(at: "2026-11-13T11:00:00+00:00").run(
                date: W.date("2026-11-17"), at: W.instant("2026-11-13T11:00:00+00:00"), actAsProviders: false)
            #expect(answered.failed.count == 1 && answered.failed[0].detail.contains("rejected or lapsed"))
            let state = try await world.register.state(
                of: again[0].mpan, on: W.date("2026-11-17"), asKnownAt: W.instant("2026-11-14T00:00:00+00:00"))
            #expect(state?.arrangement == .legacyNHH)

            // A planned point whose date passes before it was asked for fails instead of being backdated.
            _ = try await world.migration(at: "2026-11-13T12:00:00+00:00").plan(
                Self.wave("P", start: "2026-11-18", createdAt: "2026-11-13T12:00:00+00:00", limit: 1))
            let late = try await world.migration(at: "2026-11-20T09:00:00+00:00").run(
                date: W.date("2026-11-20"), at: W.instant("2026-11-20T09:00:00+00:00"), actAsProviders: true)
            #expect(late.failed.map(\.wave) == ["P"] && late.failed[0].detail.contains("plan it again"))
            #expect(try await world.migrations.closures().isEmpty, "legacy points remain")
        }
    }
}
