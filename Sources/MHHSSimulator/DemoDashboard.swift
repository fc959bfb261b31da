import MHHSCore
import MHHSMigration
import MHHSSettlement

/// The demo's static HTML dashboard: the migration day by day (points per arrangement and the
/// MHHS share as bars), each day's SF and its checks, the R1s, the waves, the run-off, progress
/// per segment and LDSO, and one load shape. Self-contained (inline CSS and SVG), no script.
public enum DemoDashboard {
    public static func html(_ summary: MarketDemo.Summary) -> String {
        var page = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>OpenMHHS demo</title>
            <style>body{font-family:system-ui,sans-serif;margin:2em;max-width:72em}table{border-collapse:collapse;margin:1em 0}
            td,th{border:1px solid #ccc;padding:.25em .6em;text-align:right}th{background:#f3f3f3}td.l,th.l{text-align:left}
            .ok{color:#070}.bad{color:#b00;font-weight:bold}</style></head><body>
            <h1>OpenMHHS demo</h1>
            <p>\(summary.configuration.meteringPoints) synthetic MPANs in 14 GSP groups, \(summary.days.count) settlement days from \(summary.configuration.start), seed \(summary.configuration.seed).</p>
            <h2>Migration and settlement, day by day</h2>
            """
        page += "<table><tr><th class=l>date</th><th>legacy NHH</th><th>legacy HH</th><th>MHHS</th><th class=l>MHHS share</th>"
        page += "<th>migrated</th><th>MDS refusals</th><th class=l>SF run</th><th class=l>LSS run</th><th class=l>checks</th></tr>"
        for day in summary.days {
            let total = max(1, day.arrangements.values.reduce(0, +))
            let mhhs = day.arrangements[.mhhs, default: 0]
            let width = mhhs * 200 / total
            page += "<tr><td class=l>\(day.date)</td><td>\(day.arrangements[.legacyNHH, default: 0])</td>"
            page += "<td>\(day.arrangements[.legacyHH, default: 0])</td><td>\(mhhs)</td>"
            page +=
                "<td class=l><svg width=200 height=12><rect width=200 height=12 fill=#ddd /><rect width=\(width) height=12 fill=#2a7 /></svg> "
            page += "\(mhhs * 100 / total) %</td><td>\(day.migratedByRun)</td><td>\(day.mdsRefusals)</td>"
            page +=
                "<td class=l>\(escape(day.initialSettlement.id))</td><td class=l>\(escape(day.lssRunID))</td><td class=l>\(check(day.check))</td></tr>"
        }
        page += "</table>"
        if !summary.reconciliations.isEmpty {
            page +=
                "<h2>Reconciliation (R1 after late data)</h2><table><tr><th class=l>run</th><th>changed cells</th><th class=l>checks</th></tr>"
            for (run, runCheck, changed) in summary.reconciliations {
                page += "<tr><td class=l>\(escape(run.id))</td><td>\(changed)</td><td class=l>\(check(runCheck))</td></tr>"
            }
            page += "</table>"
        }
        page += "<h2>Waves</h2><table><tr><th class=l>wave</th><th class=l>segments</th><th class=l>start</th></tr>"
        for wave in summary.waves {
            let segments = wave.selection.segments?.map(\.rawValue).joined(separator: " ") ?? "all"
            page += "<tr><td class=l>\(escape(wave.id))</td><td class=l>\(segments)</td><td class=l>\(wave.schedule.start)</td></tr>"
        }
        page += "</table><h2>Run-off</h2><table><tr><th class=l>segment</th><th>legacy open</th><th class=l>last legacy date</th>"
        page += "<th class=l>legacy path needed until</th></tr>"
        for segment in summary.runOff.segments where segment.lastLegacyDate != nil || segment.openLegacyPoints > 0 {
            page += "<tr><td class=l>\(segment.segment)</td><td>\(segment.openLegacyPoints)</td>"
            page += "<td class=l>\(segment.lastDateNeedingLegacyReruns.map(\.description) ?? "open")</td>"
            page +=
                "<td class=l>\(segment.finalLegacyRun.map { "\($0.dueDate) (\($0.run.rawValue) of \($0.settlementDate))" } ?? "—")</td></tr>"
        }
        page +=
            "</table><p>Legacy processing can be switched off from: <b>\(summary.runOff.switchOffDate.map(\.description) ?? "not yet")</b></p>"
        page += "<h2>Progress per arrangement, segment and LDSO</h2><table><tr><th class=l>date</th><th class=l>arrangement</th>"
        page += "<th class=l>segment</th><th class=l>LDSO</th><th>MPANs</th><th>annual kWh</th></tr>"
        for row in summary.progress.rows {
            page += "<tr><td class=l>\(row.date)</td><td class=l>\(row.arrangement.rawValue)</td><td class=l>\(row.segment.rawValue)</td>"
            page += "<td class=l>\(row.distributor.value)</td><td>\(row.points)</td><td>\(row.annualWh / 1_000)</td></tr>"
        }
        page += "</table>"
        if let run = summary.lastShapes, let shape = run.shapes.first(where: { $0.category.gspGroup != nil }) {
            let peak = max(1, shape.values.max() ?? 1)
            let points = shape.values.enumerated().map { "\($0.offset * 10),\(120 - Int($0.element * 110 / peak))" }.joined(separator: " ")
            page += "<h2>Load shape \(escape(shape.category.description)) (\(escape(run.id)))</h2>"
            page += "<svg width=480 height=125><polyline fill=none stroke=#2a7 stroke-width=2 points=\"\(points)\" /></svg>"
            page += "<p>peak \(peak) Wh per metering point per half hour</p>"
        }
        return page + "</body></html>\n"
    }

    static func check(_ check: MarketDemo.RunCheck) -> String {
        let balanced = check.cells - check.unbalancedCells - check.uncorrectableCells
        let uncorrectable = check.uncorrectableCells > 0 ? " (\(check.uncorrectableCells) with nothing to correct)" : ""
        let text =
            "Σ corrected = take in \(balanced)/\(check.cells) cells\(uncorrectable); \(check.settled)/\(check.registered) MPANs settled once"
        return "<span class=\(check.passed ? "ok" : "bad")>\(text)</span>"
    }

    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
