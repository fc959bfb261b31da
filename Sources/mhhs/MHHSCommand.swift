import ArgumentParser

/// The `mhhs` command line: wiring only; the work happens in the library modules.
@main
struct MHHSCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mhhs",
        abstract: "OpenMHHS: GB Market-wide Half-Hourly Settlement, registration to settlement.",
        subcommands: [
            MPANCommand.self, StandingDataCommand.self, LLFCommand.self, CalendarCommand.self, RegistrationCommand.self,
            ParticipantsCommand.self, ServeCommand.self, HubCommand.self, IngestCommand.self, TakeCommand.self, SettleCommand.self,
            RunsCommand.self, ReportCommand.self, LSSCommand.self, DataServiceCommand.self, LegacyCommand.self, MigrationCommand.self,
            DemoCommand.self,
        ]
    )
}
