import MHHSCore

/// Builds small D0265 files for tests: one distributor, the given classes and dates, every
/// period's factor `1.0xx` where xx is the period number (so a misplaced factor shows).
enum D0265Fixture {
    static func text(
        distributor: String = "LOND",
        classes: [String] = ["1"],
        dates: [SettlementDate],
        recordCountAdjustment: Int = 0,
        lineEnding: String = "\n"
    ) -> String {
        var lines = ["ZHD||D0265001|R|\(distributor)|G|CAPG|20251021141250||||OPER", "DIS|\(distributor)"]
        for llfClass in classes {
            lines.append("LLF|\(llfClass)")
            for date in dates {
                lines.append("SDT|\(date.compactText)")
                for period in date.periods { lines.append("SPL|\(period.value)|\(factorText(period.value))") }
            }
        }
        lines.append("ZPT|\(lines.count + 1 + recordCountAdjustment)|12345")
        return lines.joined(separator: lineEnding) + lineEnding
    }

    static func factorText(_ period: Int) -> String { period < 10 ? "1.00\(period)" : "1.0\(period)" }
}
