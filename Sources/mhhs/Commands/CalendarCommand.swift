import ArgumentParser
import MHHSCore

/// `mhhs calendar …`: working days, bank holidays and the settlement timetable.
struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "The England & Wales working-day calendar and the settlement run timetable.",
        subcommands: [Runs.self, Due.self, Holidays.self, Periods.self]
    )

    /// Options shared by the timetable commands.
    struct TimetableOptions: ParsableArguments {
        @Option(help: "The first settlement date on the MHHS timetable (default 2027-07-02).")
        var mhhsSwitchDate: String?

        func timetable() throws -> SettlementTimetable {
            var timetable = SettlementTimetable()
            if let mhhsSwitchDate { timetable.mhhsSwitchDate = try SettlementDate(mhhsSwitchDate) }
            return timetable
        }
    }

    /// `mhhs calendar runs --date D [--timetable legacy|mhhs]`: each run of D with its date.
    struct Runs: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The settlement runs of a date and when each falls due.")

        @Option(help: "The settlement date, YYYY-MM-DD.")
        var date: String

        @Option(help: "legacy or mhhs (default: the timetable in force for the date).")
        var timetable: String?

        @OptionGroup var options: TimetableOptions

        func validate() throws {
            do { _ = try SettlementDate(date) } catch { throw ValidationError("\(error)") }
            if let timetable {
                do { _ = try SettlementTimetable.RunSet.Name(code: timetable) } catch { throw ValidationError("\(error)") }
            }
        }

        func run() throws {
            let settlementDate = try SettlementDate(date)
            let name = try timetable.map { try SettlementTimetable.RunSet.Name(code: $0) }
            let schedule = try options.timetable().schedule(for: settlementDate, runSet: name)
            print("Settlement date \(settlementDate) (\(schedule.first?.runSet.rawValue ?? "-") timetable)")
            for entry in schedule {
                print("\(entry.run.rawValue) \(entry.dueDate)")
            }
        }
    }

    /// `mhhs calendar due --on D`: every run that falls due on a working day.
    struct Due: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The settlement runs that fall due on a day.")

        @Option(help: "The day, YYYY-MM-DD.")
        var on: String

        @OptionGroup var options: TimetableOptions

        func run() throws {
            let day = try SettlementDate(on)
            for entry in try options.timetable().runsDue(on: day) {
                print("\(entry.run.rawValue) \(entry.settlementDate) (\(entry.runSet.rawValue))")
            }
        }
    }

    /// `mhhs calendar holidays --year Y`: the bank holidays of a year.
    struct Holidays: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "England & Wales bank holidays of a year.")

        @Option(help: "The year.")
        var year: Int

        func validate() throws {
            guard SettlementDate.supportedYears.contains(year) else { throw ValidationError("year \(year) is outside 1981–9999") }
        }

        func run() {
            for date in WorkingDayCalendar().bankHolidays(year: year) { print(date) }
        }
    }

    /// `mhhs calendar periods --date D`: each SP of a date with its UTC start and end.
    struct Periods: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The settlement periods of a date with their UTC times.")

        @Option(help: "The settlement date, YYYY-MM-DD.")
        var date: String

        func run() throws {
            let settlementDate = try SettlementDate(date)
            print("\(settlementDate) has \(settlementDate.periodCount) settlement periods")
            for period in settlementDate.periods {
                print("SP\(period.value) \(try settlementDate.start(of: period)) \(try settlementDate.end(of: period))")
            }
        }
    }
}
