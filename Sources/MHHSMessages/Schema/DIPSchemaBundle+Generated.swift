// GENERATED FILE: do not edit. Regenerate from the repository root with
//   scripts/gen-dip-schema.py ../shared/reference/dip-api
// Source: Elexon DIP API specification, VERSION ceafc54379ab28d9d9ffdeda950b815cc7ba5bf1 Wed Apr 15 16:51:31 2026 +0100

extension DIPSchemaBundle {
    /// The specification's VERSION file (commit and date) the bundle was generated from.
    static let specificationVersion = "ceafc54379ab28d9d9ffdeda950b815cc7ba5bf1 Wed Apr 15 16:51:31 2026 +0100"

    /// Minified JSON: `definitions` (one per `$ref` target), `interfaces` (per-event validators,
    /// payload fallback, payload event codes) and `reports` (ECS report content formats), held
    /// in 4 parts to keep every file short.
    static let json = [part1, part2, part3, part4].joined()
}
