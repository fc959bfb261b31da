import ArgumentParser
import MHHSCore

/// `mhhs mpan …`: MPAN core utilities.
struct MPANCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mpan",
        abstract: "Check MPAN cores.",
        subcommands: [Check.self]
    )

    /// `mhhs mpan check CORE…`: one line per core; exit status 1 if any is invalid.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate 13-digit MPAN cores (length, digits, check digit).")

        @Argument(help: "One or more 13-digit MPAN cores.")
        var cores: [String]

        func run() throws {
            var anyInvalid = false
            for core in cores {
                do {
                    let mpan = try MPAN(core)
                    let area =
                        mpan.distributor.gspGroup.map { " (distributor \(mpan.distributor), GSP group \($0.rawValue) \($0.name))" }
                        ?? " (distributor \(mpan.distributor))"
                    print("\(core) valid\(area)")
                } catch {
                    anyInvalid = true
                    print("\(core) invalid: \(error)")
                }
            }
            if anyInvalid { throw ExitCode(1) }
        }
    }
}
