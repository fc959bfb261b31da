import Foundation
import MHHSStorage
import Testing

/// A fresh ClickHouse database per test on the cluster `CLICKHOUSE_URL` names (scripts/test
/// starts two shards with scripts/clickhouse). Without it the tests are skipped and say so.
public enum ClickHouseTestDatabase {
    public static let url = ProcessInfo.processInfo.environment["CLICKHOUSE_URL"]
    public static let missingMessage =
        "CLICKHOUSE_URL is not set: skipping the ClickHouse tests (scripts/test starts two shards with scripts/clickhouse)"

    /// Runs `body` with a location whose database is new (created by the store on open) and
    /// dropped on every host afterwards.
    public static func withLocation(_ body: (ClickHouseLocation) async throws -> Void) async throws {
        let base = try ClickHouseLocation(url: try #require(url))
        let name = "mhhs_t_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16))"
        let location = try base.with(database: name)
        let client = ClickHouseClient(location: location)
        do {
            try await body(location)
        } catch {
            try? await drop(client)
            throw error
        }
        try await drop(client)
    }

    static func drop(_ client: ClickHouseClient) async throws {
        for host in client.location.hosts.indices {
            try await client.execute("DROP DATABASE IF EXISTS \(client.location.database)", host: host, database: "default")
        }
    }
}
