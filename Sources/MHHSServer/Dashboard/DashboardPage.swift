import Foundation
import MHHSCore
import MHHSMessages

/// Server-rendered pages of the dashboard: a layout with navigation, tables, and charts drawn
/// by ``ChartScript`` from JSON embedded in the page.
struct DashboardPage {
    let title: String
    let caller: APICaller?
    var body = ""
    private var charts = 0

    init(title: String, caller: APICaller?) {
        self.title = title
        self.caller = caller
    }

    static func escape(_ text: String) -> String {
        // By scalar, not by character: a quote followed by a combining mark is one Character.
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    mutating func heading(_ text: String) { body += "<h2>\(Self.escape(text))</h2>\n" }
    mutating func paragraph(_ text: String) { body += "<p>\(Self.escape(text))</p>\n" }
    mutating func raw(_ html: String) { body += html }

    /// A chart from `data` (see ``ChartScript``), with a caption.
    mutating func chart(_ caption: String, _ data: JSONValue) {
        charts += 1
        let id = "chart-\(charts)"
        // `</` cannot end the script early: JSONWriter writes `/` plainly, so escape `<`.
        let json = JSONWriter.string(data).replacingOccurrences(of: "<", with: "\\u003c")
        body += "<figure class=\"chart\" data-chart=\"\(id)\"><figcaption>\(Self.escape(caption))</figcaption></figure>\n"
        body += "<script type=\"application/json\" id=\"\(id)\">\(json)</script>\n"
    }

    /// A table; numbers right-aligned.
    mutating func table(_ header: [String], _ rows: [[String]], caption: String? = nil) {
        body += "<table>"
        if let caption { body += "<caption>\(Self.escape(caption))</caption>" }
        body += "<thead><tr>" + header.map { "<th>\(Self.escape($0))</th>" }.joined() + "</tr></thead><tbody>\n"
        for row in rows {
            body +=
                "<tr>"
                + row.map { cell in
                    let numeric = !cell.isEmpty && cell.allSatisfy { $0.isNumber || ".-,%".contains($0) }
                    return numeric ? "<td class=\"n\">\(Self.escape(cell))</td>" : "<td>\(Self.escape(cell))</td>"
                }.joined() + "</tr>\n"
        }
        body += "</tbody></table>\n"
    }

    /// A form of GET fields (name, label, value) that reloads the page.
    mutating func form(_ action: String, _ fields: [(name: String, label: String, value: String)]) {
        body += "<form method=\"get\" action=\"\(Self.escape(action))\">"
        for field in fields {
            body +=
                "<label>\(Self.escape(field.label)) <input name=\"\(Self.escape(field.name))\" value=\"\(Self.escape(field.value))\"></label> "
        }
        body += "<button>Show</button></form>\n"
    }

    var html: String {
        let who = caller.map { "\(Self.escape($0.participant.mpid.value)) (\(Self.escape($0.participant.role.rawValue)))" } ?? ""
        return """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>\(Self.escape(title)) · OpenMHHS</title>
            <style>
            body { font: 14px/1.4 system-ui, sans-serif; margin: 0 2rem 2rem; color: #222; }
            header { display: flex; gap: 1.5rem; align-items: baseline; border-bottom: 1px solid #ccc; padding: .8rem 0; }
            header b { font-size: 1.2rem; } header span { margin-left: auto; color: #666; }
            nav a { margin-right: 1rem; }
            table { border-collapse: collapse; margin: 1rem 0; } caption { text-align: left; font-weight: 600; }
            td, th { border: 1px solid #ddd; padding: 2px 8px; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
            figure { margin: 1rem 0; max-width: 1000px; } figcaption { font-weight: 600; }
            .legend span { margin-right: 1rem; white-space: nowrap; } .legend i { display: inline-block; width: 10px; height: 10px; margin-right: 4px; }
            form label { margin-right: .5rem; }
            </style></head><body>
            <header><b>OpenMHHS</b><nav><a href="/dashboard">Migration</a><a href="/dashboard/settlement">Settlement</a>\
            <a href="/dashboard/shapes">Load shapes</a><a href="/dashboard/runs">Runs</a></nav><span>\(who)\
            \(caller == nil ? "" : " <form method=\"post\" action=\"/dashboard/logout\" style=\"display:inline\"><button>Sign out</button></form>")\
            </span></header>
            <h1>\(Self.escape(title))</h1>
            \(body)
            <script src="/dashboard/chart.js"></script>
            </body></html>
            """
    }
}
