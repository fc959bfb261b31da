import Foundation

/// A one-line progress bar on standard error, redrawn at most ten times a second. When
/// standard error is not a terminal (CI logs) it stays quiet until ``finish(_:)``.
struct ProgressBar {
    let label: String
    let isTerminal = isatty(STDERR_FILENO) == 1
    private var lastDraw = ContinuousClock.now
    private var lastFraction = -1.0

    init(label: String) {
        self.label = label
    }

    mutating func update(done: Int64, total: Int64) {
        guard isTerminal, total > 0 else { return }
        let fraction = min(1, Double(done) / Double(total))
        let now = ContinuousClock.now
        guard fraction - lastFraction >= 0.01, now - lastDraw > .milliseconds(100) || fraction == 1 else { return }
        lastDraw = now
        lastFraction = fraction
        let width = 30
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        FileHandle.standardError.write(Data("\r\(label) \(bar) \(Int(fraction * 100))%".utf8))
    }

    func finish(_ message: String) {
        let prefix = isTerminal ? "\r\u{1B}[2K" : ""
        FileHandle.standardError.write(Data("\(prefix)\(label): \(message)\n".utf8))
    }
}
