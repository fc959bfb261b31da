import ArgumentParser
import Foundation
import MHHSCore
import MHHSMessages
import MHHSSettlement
import MHHSStorage

/// `mhhs lss run|show`: the Load Shaping Service.
struct LSSCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lss", abstract: "The Load Shaping Service: daily load shapes per category from actual SP data (IF-022/IF-023).",
        subcommands: [Run.self, Show.self])

    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build the load shapes of a UTC day from the SP data received by --at, store them, and write IF-022/IF-023.")

        @Option(help: "The UTC day, YYYY-MM-DD.")
        var date: String

        @Option(help: "The run's time (default now): the register as known then and the SP data received by then.")
        var at: String?

        @Option(help: "[A] The fewest actual values a period's mean may use before falling back to the national category.")
        var minimumSample: Int = LSSConfiguration().minimumSample

        @Option(help: "Write IF-022.json and IF-023.json into this folder.")
        var out: String?

        @Option(help: "The LSS's DIP id on the messages.")
        var senderDipId: String = ReportSender.standardLSS.dipID

        @OptionGroup var publish: PublishOptions
        @OptionGroup var store: StoreOptions

        func validate() throws {
            _ = try SettlementDate(date)
            if let at { _ = try parseInstant(at) }
            guard minimumSample >= 1 else { throw ValidationError("--minimum-sample must be at least 1") }
        }

        func run() async throws {
            let day = UTCDay(sameCalendarDateAs: try SettlementDate(date))
            let runAt = try at.map(parseInstant) ?? SystemClock.now
            let configuration = LSSConfiguration(minimumSample: minimumSample)
            let run = try await store.withSettlementStores { stores in
                try await LSSRunner(register: stores.register, spData: stores.spData, shapes: stores.shapes, configuration: configuration)
                    .run(day: day, at: runAt)
            }
            var flags: [LoadShapeFlag: Int] = [:]
            for shape in run.shapes { for flag in shape.flags { flags[flag, default: 0] += 1 } }
            print("run \(run.id) (SP data version \(run.spDataVersion)): \(run.shapes.count) categories")
            print("periods by flag: " + LoadShapeFlag.allCases.map { "\($0.rawValue) \(flags[$0] ?? 0)" }.joined(separator: ", "))
            guard !run.shapes.isEmpty else {
                // IF-022/023 need at least one category: there is nothing to write or publish.
                print("no metering point settled under MHHS on \(day): no load shapes to publish")
                return
            }
            let sender = ReportSender(dipID: senderDipId, environmentTag: "PRD")
            let if022 = LoadShapeMessages.if022(run, sender: sender, at: runAt)
            let if023 = LoadShapeMessages.if023(run, sender: sender, at: runAt)
            if let out {
                let folder = URL(fileURLWithPath: out)
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try Data(JSONWriter.bytes(.array([if022]))).write(to: folder.appendingPathComponent("IF-022.json"))
                try Data(JSONWriter.bytes(.array([if023]))).write(to: folder.appendingPathComponent("IF-023.json"))
                print("wrote \(folder.path)/IF-022.json and IF-023.json")
            }
            if try await publish.publish([if022], channel: "IF-022") != nil, try await publish.publish([if023], channel: "IF-023") != nil {
                print("published IF-022 and IF-023 through the hub")
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a day's load shape for one category (the latest run).")

        @Option(help: "The UTC day, YYYY-MM-DD.")
        var date: String

        @Option(help: "GROUP/CT/SEGMENT/DOMESTIC/MQ, e.g. _A/W/S/T/AI or national/L/A/F/RI; omit to list the categories.")
        var category: String?

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let day = UTCDay(sameCalendarDateAs: try SettlementDate(date))
            let wanted = try category.map { try LoadShapeCategory(text: $0) }
            let run = try await store.withSettlementStores { try await $0.shapes.latestRun(onOrBefore: day, publishedBy: nil) }
            guard let run, run.day == day else { throw ValidationError(LoadShapeError.noShapes(day: day.description).description) }
            guard let wanted else {
                print("run \(run.id) at \(run.runAt), minimum sample \(run.minimumSample)")
                print("category,day_kwh,annual_kwh,flags")
                for shape in run.shapes {
                    let flags = LoadShapeFlag.allCases.compactMap { flag in
                        let count = shape.flags.filter { $0 == flag }.count
                        return count == 0 ? nil : "\(flag.rawValue)\(count)"
                    }
                    print(
                        "\(shape.category),\(DecimalText.format(shape.totals.day, fractionDigits: 3)),"
                            + "\(DecimalText.format(shape.totals.annual, fractionDigits: 3)),\(flags.joined(separator: " "))")
                }
                return
            }
            guard let shape = run.shape(for: wanted) else {
                throw ValidationError("run \(run.id) has no shape for \(wanted) (mhhs lss show --date \(date) lists them)")
            }
            print("# \(shape.category) \(day) run \(run.id)")
            print("sp,kwh,flag,samples")
            for slot in shape.values.indices {
                print(
                    "\(DIPDateTime(day.periodEnd(slot: slot)).text),\(DecimalText.format(shape.values[slot], fractionDigits: 3)),"
                        + "\(shape.flags[slot].rawValue),\(shape.samples[slot])")
            }
            let t = shape.totals
            func kWh(_ value: Int64?) -> String { value.map { DecimalText.format($0, fractionDigits: 3) } ?? "null" }
            print(
                "# day \(kWh(t.day)) (peak \(kWh(t.dayPeak)), off-peak \(kWh(t.dayOffPeak))); 7-day \(kWh(t.sevenDay)) "
                    + "(peak \(kWh(t.sevenDayPeak)), off-peak \(kWh(t.sevenDayOffPeak))); annual \(kWh(t.annual))")
        }
    }
}
