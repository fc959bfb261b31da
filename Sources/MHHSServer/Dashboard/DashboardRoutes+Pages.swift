import Foundation
import Hummingbird
import MHHSCore
import MHHSMessages
import MHHSMigration
import MHHSSettlement

extension DashboardRoutes {
    /// Migration progress by arrangement, segment and LDSO over dates (operators; an LDSO its
    /// own area).
    static func migrationPage(_ request: Request, _ caller: APICaller, api: APIContext) async throws -> String {
        guard caller.isOperator || caller.participant.role == .distributor else {
            throw api.deny(caller, request, "migration progress is for operators and LDSOs (their own area)")
        }
        let (from, to) = try await span(request, api: api)
        let dates = (from.dayNumber...to.dayNumber).map { SettlementDate(dayNumber: $0) }
        let progress = try await MigrationProgress.build(dates: dates, at: api.clock(), register: api.register)
        let rows = progress.rows.filter { caller.isOperator || $0.distributor == caller.participant.mpid }
        var page = DashboardPage(title: "Migration progress", caller: caller)
        page.form("/dashboard", [("from", "From", from.description), ("to", "To", to.description)])
        let arrangements: [SettlementArrangement] = [.legacyNHH, .legacyHH, .mhhs]
        let labels = dates.map { String($0.description.suffix(5)) }
        func points(_ date: SettlementDate, _ filter: (MigrationProgress.Row) -> Bool) -> Int {
            rows.filter { $0.date == date && filter($0) }.reduce(0) { $0 + $1.points }
        }
        page.chart(
            "MPANs per settlement arrangement, \(from) to \(to)",
            [
                "labels": .array(labels.map(JSONValue.string)), "unit": "MPANs",
                "stacks": .array(
                    arrangements.map { arrangement in
                        [
                            "name": .string(arrangement.rawValue),
                            "values": .array(dates.map { date in .number(String(points(date) { $0.arrangement == arrangement })) }),
                        ]
                    }),
            ])
        let segments = MarketSegment.allCases.filter { segment in rows.contains { $0.segment == segment } }
        page.chart(
            "MHHS share of MPANs per market segment (%)",
            [
                "labels": .array(labels.map(JSONValue.string)), "unit": "%",
                "lines": .array(
                    segments.enumerated().map { index, segment in
                        [
                            "name": .string("segment \(segment.rawValue)"), "color": .string(["#1f77b4", "#ff7f0e", "#2ca02c"][index % 3]),
                            "values": .array(
                                dates.map { date in
                                    let all = points(date) { $0.segment == segment }
                                    let mhhs = points(date) { $0.segment == segment && $0.arrangement == .mhhs }
                                    return .number(all == 0 ? "0" : String(format: "%.1f", Double(mhhs) * 100 / Double(all)))
                                }),
                        ]
                    }),
            ])
        var table: [[String]] = []
        for distributor in Set(rows.map(\.distributor)).sorted() {
            for segment in segments {
                let last = rows.filter { $0.date == to && $0.distributor == distributor && $0.segment == segment }
                let total = last.reduce(0) { $0 + $1.points }
                guard total > 0 else { continue }
                let byArrangement = arrangements.map { arrangement in
                    last.filter { $0.arrangement == arrangement }.reduce(0) { $0 + $1.points }
                }
                let energy = last.reduce(Int64(0)) { $0 + $1.annualWh }
                let mhhsEnergy = last.filter { $0.arrangement == .mhhs }.reduce(Int64(0)) { $0 + $1.annualWh }
                table.append(
                    [distributor.value, segment.rawValue] + byArrangement.map(String.init) + [
                        String(format: "%.1f%%", Double(byArrangement[2]) * 100 / Double(total)),
                        energy == 0 ? "-" : String(format: "%.1f%%", Double(mhhsEnergy) * 100 / Double(energy)),
                    ])
            }
        }
        page.table(
            ["LDSO", "segment", "legacy NHH", "legacy HH", "MHHS", "MHHS share", "MHHS share of annual energy"], table,
            caption: "On \(to), per LDSO and segment")
        return page.html
    }

    /// One run's settlement of a GSP group per SP: supplier volumes stacked, the take and the
    /// correction factor (operators; a supplier its own volumes beside the group's take).
    static func settlementPage(_ request: Request, _ caller: APICaller, api: APIContext) async throws -> String {
        guard caller.isOperator || caller.participant.role == .supplier else {
            throw api.deny(caller, request, "settlement volumes are for operators and suppliers (their own)")
        }
        let all = try await api.runs.runs(on: nil)
        var page = DashboardPage(title: "Settlement per GSP group and SP", caller: caller)
        let chosen: RunManifest?
        if let id = APIRoutes.query(request, "run"), !id.isEmpty {
            chosen = all.first { $0.id == id }
        } else if let text = APIRoutes.query(request, "date"), !text.isEmpty {
            let date = try APIRoutes.date(request, "date")
            chosen = all.last { $0.settlementDate == date }
        } else {
            chosen = all.last
        }
        let group = APIRoutes.query(request, "group").flatMap { try? GSPGroup(code: $0) } ?? .eastern
        let direction = APIRoutes.query(request, "direction") == "E" ? "E" : "I"
        page.form(
            "/dashboard/settlement",
            [
                ("run", "Run", chosen?.id ?? ""), ("group", "GSP group", group.rawValue), ("direction", "Direction (I/E)", direction),
            ])
        guard let run = chosen else {
            page.paragraph("No settlement run to show.")
            return page.html
        }
        let sameDate = all.filter { $0.settlementDate == run.settlementDate }.map(\.id)
        page.raw(
            "<p>Runs of \(run.settlementDate): "
                + sameDate.map { id in
                    let link = DashboardPage.escape("/dashboard/settlement?run=\(id)&group=\(group.rawValue)&direction=\(direction)")
                    return "<a href=\"\(link)\">\(DashboardPage.escape(id))</a>"
                }.joined(separator: " · ") + "</p>\n")
        let periods = run.settlementDate.periodCount
        let volumes = RunResults.volumes(try await api.runs.file(named: SettlementRunFiles.volumes, ofRun: run.id) ?? [])
            .filter { $0.group == group.rawValue && $0.direction == direction }
        var bySupplier: [String: [Int64]] = [:]
        for volume in volumes where (1...periods).contains(volume.period) {
            guard caller.isOperator || volume.supplier == caller.participant.mpid.value else { continue }
            bySupplier[volume.supplier, default: Array(repeating: 0, count: periods)][volume.period - 1] += volume.correctedMilliWh
        }
        var take = Array(repeating: Int64(0), count: periods)
        var factor = Array(repeating: "", count: periods)
        var outcome = Array(repeating: "", count: periods)
        let corrections = String(
            decoding: try await api.runs.file(named: SettlementRunFiles.corrections, ofRun: run.id) ?? [], as: UTF8.self)
        for line in corrections.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count > 7, fields[1] == group.rawValue, fields[3] == direction, let sp = Int(fields[2]), (1...periods).contains(sp)
            else { continue }
            take[sp - 1] = RunResults.milliWh(String(fields[4]))
            factor[sp - 1] = String(fields[6])
            outcome[sp - 1] = String(fields[7])
        }
        let suppliers = bySupplier.sorted {
            $0.value.reduce(0, +) > $1.value.reduce(0, +) || ($0.value.reduce(0, +) == $1.value.reduce(0, +) && $0.key < $1.key)
        }
        func kWh(_ milliWh: Int64) -> JSONValue { .number(RunResults.kWhText(milliWh)) }
        // The take is for operators: a supplier's own volumes beside the group's take would give
        // away the sum of every other supplier's, period by period.
        var lines: [JSONValue] = []
        if caller.isOperator {
            lines.append(["name": "GSP group take", "values": .array(take.map(kWh)), "axis": "left", "color": "#000000"])
        }
        lines.append([
            "name": "correction factor", "values": .array(factor.map { .number($0.isEmpty ? "1" : $0) }), "axis": "right",
            "color": "#d62728",
        ])
        let what =
            caller.isOperator
            ? "corrected volumes by supplier, the take, and the correction factor" : "your corrected volumes and the correction factor"
        page.chart(
            "\(run.id), group \(group.rawValue), \(direction == "I" ? "import" : "export"): \(what)",
            [
                "labels": .array((1...periods).map { .string(String($0)) }), "unit": "kWh", "rightUnit": "correction factor",
                "stacks": .array(suppliers.map { ["name": .string($0.key), "values": .array($0.value.map(kWh))] }), "lines": .array(lines),
            ])
        let shown = (0..<periods).map { period in suppliers.reduce(Int64(0)) { $0 + $1.value[period] } }
        if caller.isOperator {
            page.table(
                ["SP", "take kWh", "Σ corrected kWh", "correction factor", "outcome"],
                (0..<periods).map {
                    [String($0 + 1), RunResults.kWhText(take[$0]), RunResults.kWhText(shown[$0]), factor[$0], outcome[$0]]
                },
                caption: "Per settlement period")
        } else {
            page.table(
                ["SP", "your corrected kWh", "correction factor"],
                (0..<periods).map { [String($0 + 1), RunResults.kWhText(shown[$0]), factor[$0]] },
                caption: "Per settlement period")
        }
        return page.html
    }

    /// The latest load shapes of a UTC day: one group's active-import categories plotted, every
    /// category's day total and flags listed.
    static func shapesPage(_ request: Request, _ caller: APICaller, api: APIContext) async throws -> String {
        var page = DashboardPage(title: "Load shapes", caller: caller)
        let date: SettlementDate
        if let text = APIRoutes.query(request, "date"), !text.isEmpty {
            date = try APIRoutes.date(request, "date")
        } else if let last = try await api.runs.runs(on: nil).last {
            date = last.settlementDate
        } else {
            date = LocalSettlementPeriod(containing: api.clock()).date
        }
        let group = APIRoutes.query(request, "group").flatMap { try? GSPGroup(code: $0) } ?? .eastern
        page.form("/dashboard/shapes", [("date", "UTC day", date.description), ("group", "GSP group", group.rawValue)])
        guard let run = try await api.shapes.latestRun(onOrBefore: UTCDay(sameCalendarDateAs: date), publishedBy: api.clock()),
            run.day == UTCDay(sameCalendarDateAs: date)
        else {
            page.paragraph("No load shapes published for \(date).")
            return page.html
        }
        let shapes = run.shapes.filter { $0.category.gspGroup == group }
        let plotted = shapes.filter { $0.category.measurementQuantity.rawValue == "AI" }.prefix(8)
        page.paragraph("\(run.id), run at \(DIPDateTime(run.runAt).text), minimum sample \(run.minimumSample).")
        page.chart(
            "Group \(group.rawValue), active import: each half hour's share of the day (‰), so shapes of any size compare",
            [
                "labels": .array((1...UTCDay.periodCount).map { .string(String($0)) }), "unit": "‰ of the day",
                "lines": .array(
                    plotted.enumerated().map { index, shape in
                        [
                            "name": .string(shape.category.description),
                            "color": .string(
                                ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"][index % 8]),
                            "values": .array(
                                shape.values.map { value in
                                    .number(
                                        shape.totals.day == 0
                                            ? "0" : String(format: "%.2f", Double(value) * 1_000 / Double(shape.totals.day)))
                                }),
                        ]
                    }),
            ])
        page.table(
            ["category", "day Wh", "flags (A actual, D national, E back-stop …)", "samples (min–max)"],
            shapes.map { shape in
                [
                    shape.category.description, String(shape.totals.day), String(shape.flags.map { Character($0.rawValue) }),
                    "\(shape.samples.min() ?? 0)–\(shape.samples.max() ?? 0)",
                ]
            }, caption: "Every category of group \(group.rawValue)")
        return page.html
    }

    /// The runs of a date with what each changed from the one before (a supplier: its rows).
    static func runsPage(_ request: Request, _ caller: APICaller, api: APIContext) async throws -> String {
        guard caller.isOperator || caller.participant.role == .supplier else {
            throw api.deny(caller, request, "run history is for operators and suppliers (their own rows)")
        }
        let all = try await api.runs.runs(on: nil)
        var page = DashboardPage(title: "Run history", caller: caller)
        let date: SettlementDate? =
            if let text = APIRoutes.query(request, "date"), !text.isEmpty { try APIRoutes.date(request, "date") } else {
                all.last?.settlementDate
            }
        page.form("/dashboard/runs", [("date", "Settlement date", date?.description ?? "")])
        guard let date else {
            page.paragraph("No settlement run yet.")
            return page.html
        }
        let runs = all.filter { $0.settlementDate == date }
        var rows: [[String]] = []
        var totals: [JSONValue] = []
        var previous: [UInt8]?
        for run in runs {
            let volumes = try await api.runs.file(named: SettlementRunFiles.volumes, ofRun: run.id) ?? []
            let mine = caller.isOperator ? volumes : APIRoutes.rowsWhere(volumes, column: "supplier", equals: caller.participant.mpid.value)
            let total = RunResults.volumes(mine).filter { $0.direction == "I" }.reduce(Int64(0)) { $0 + $1.correctedMilliWh }
            totals.append(.number(RunResults.kWhText(total)))
            var changed = "-"
            var moved = "-"
            if let previous {
                let diff = RunDiff(from: previous, to: mine)
                changed = String(diff.changes.count)
                moved = RunResults.kWhText(diff.changes.reduce(Int64(0)) { $0 + Int64($1.deltaMilliWh.magnitude) })
            }
            rows.append([
                run.id, run.runType.rawValue, DIPDateTime(run.runAt).text, String(run.spDataVersion), RunResults.kWhText(total), changed,
                moved,
                // The digest covers every supplier's rows: an operator's to see.
                caller.isOperator ? String((run.results[SettlementRunFiles.volumes] ?? "").prefix(12)) : "-",
            ])
            previous = mine
        }
        page.chart(
            "\(date): corrected import per run (kWh)\(caller.isOperator ? "" : ", your volumes")",
            [
                "labels": .array(runs.map { .string($0.id) }), "unit": "kWh",
                "stacks": [["name": "corrected import", "values": .array(totals)]],
            ])
        page.table(
            [
                "run", "type", "run at", "SP data version", "corrected import kWh", "cells changed from the run before", "Σ |change| kWh",
                "volumes sha256",
            ],
            rows, caption: "Runs of \(date), oldest first")
        return page.html
    }

    /// `from`/`to` from the query, else the span of the settlement runs in the store (at most
    /// 62 days), else the fortnight to today.
    static func span(_ request: Request, api: APIContext) async throws -> (SettlementDate, SettlementDate) {
        if APIRoutes.query(request, "from").map({ !$0.isEmpty }) == true {
            let from = try APIRoutes.date(request, "from")
            let to = APIRoutes.query(request, "to").map { !$0.isEmpty } == true ? try APIRoutes.date(request, "to") : from
            guard from <= to, to.dayNumber - from.dayNumber < 62 else {
                throw APIRefusal(status: 400, message: "from must not be after to, and the span at most 62 days")
            }
            return (from, to)
        }
        let runs = try await api.runs.runs(on: nil)
        if let first = runs.map(\.settlementDate).min(), let last = runs.map(\.settlementDate).max() {
            return (max(first, last.adding(days: -61)), last)
        }
        let today = LocalSettlementPeriod(containing: api.clock()).date
        return (today.adding(days: -13), today)
    }
}

extension RunResults {
    /// mWh as kWh with three decimals (Wh precision), e.g. `1234.567`.
    static func kWhText(_ milliWh: Int64) -> String {
        let wh = (milliWh >= 0 ? milliWh + 500 : milliWh - 500) / 1_000
        let sign = wh < 0 ? "-" : ""
        let magnitude = wh.magnitude
        let fraction = String(magnitude % 1_000)
        return "\(sign)\(magnitude / 1_000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }
}
