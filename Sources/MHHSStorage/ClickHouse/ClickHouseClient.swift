import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Where the SP data's ClickHouse cluster is: `clickhouse://[user[:password]@]host:8123[,host:8123…]/database`
/// with `?cluster=NAME` (default `mhhs`), the cluster of the servers' `remote_servers` whose
/// shards these HTTP endpoints are, listed in the same order. The user and password (HTTP
/// basic authentication) are ClickHouse's `default` user without a password when absent.
public struct ClickHouseLocation: Sendable, Hashable, CustomStringConvertible {
    public let hosts: [String]
    public private(set) var database: String
    public let cluster: String
    let credentials: Credentials?

    struct Credentials: Hashable, Sendable {
        let user: String
        let password: String
    }

    public init(url: String) throws {
        guard url.hasPrefix("clickhouse://") else { throw ClickHouseError.badURL(url) }
        var rest = Substring(url.dropFirst("clickhouse://".count))
        var cluster = "mhhs"
        if let query = rest.firstIndex(of: "?") {
            for pair in rest[rest.index(after: query)...].split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                if parts.count == 2, parts[0] == "cluster" { cluster = String(parts[1]) }
            }
            rest = rest[..<query]
        }
        var credentials: Credentials?
        if let at = rest.lastIndex(of: "@") {
            let userInfo = rest[..<at].split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map {
                String($0).removingPercentEncoding ?? String($0)
            }
            credentials = Credentials(user: userInfo[0], password: userInfo.count > 1 ? userInfo[1] : "")
            rest = rest[rest.index(after: at)...]
        }
        guard let slash = rest.firstIndex(of: "/") else { throw ClickHouseError.badURL(url) }
        let hosts = rest[..<slash].split(separator: ",").map(String.init)
        let database = String(rest[rest.index(after: slash)...])
        guard !hosts.isEmpty, hosts.allSatisfy({ $0.contains(":") && !$0.contains("/") }), Self.isName(database), Self.isName(cluster)
        else {
            throw ClickHouseError.badURL(url)
        }
        self.hosts = hosts
        self.database = database
        self.cluster = cluster
        self.credentials = credentials
    }

    /// Without the password.
    public var description: String {
        "clickhouse://\(credentials.map { "\($0.user)@" } ?? "")\(hosts.joined(separator: ","))/\(database)?cluster=\(cluster)"
    }

    /// The same cluster and credentials with another database.
    public func with(database: String) throws -> ClickHouseLocation {
        guard Self.isName(database) else { throw ClickHouseError.badURL("\(self) with database '\(database)'") }
        var copy = self
        copy.database = database
        return copy
    }

    /// A database or cluster name: letters, digits and `_` (it goes into SQL unquoted).
    static func isName(_ text: String) -> Bool { !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } }
}

/// ClickHouse's HTTP interface: statements and queries as POST bodies, results as bytes,
/// external tables as multipart parts. Only SQL and formats that ClickHouse 18.16 (Debian's)
/// and current releases both understand.
public struct ClickHouseClient: Sendable {
    public let location: ClickHouseLocation
    let http: HTTPClient
    /// Per request: a shard that does not answer in this time fails the request.
    let timeout: TimeAmount

    public init(location: ClickHouseLocation, http: HTTPClient = .shared, timeout: TimeAmount = .seconds(600)) {
        self.location = location
        self.http = http
        self.timeout = timeout
    }

    /// An external table sent with a query (ClickHouse ships it to every shard the query reads).
    public struct ExternalTable: Sendable {
        public let name: String
        /// `name Type, name Type…`
        public let structure: String
        /// RowBinary rows.
        public let rows: [UInt8]

        public init(name: String, structure: String, rows: [UInt8]) {
            self.name = name
            self.structure = structure
            self.rows = rows
        }
    }

    /// Runs `sql` on one host (index into the location's hosts) and returns the response body.
    /// `settings` go in the URL; the SQL is the body (no URL length limit).
    @discardableResult
    public func execute(
        _ sql: String, host: Int = 0, database: String? = nil, body: [UInt8] = [], settings: [String: String] = [:],
        external: [ExternalTable] = []
    ) async throws -> [UInt8] {
        let server = location.hosts[host]
        var parameters = ["database": database ?? location.database, "wait_end_of_query": "1"].merging(settings) { $1 }
        var request: HTTPClientRequest
        if external.isEmpty {
            if !body.isEmpty { parameters["query"] = sql }
            request = HTTPClientRequest(url: "http://\(server)/?\(Self.query(parameters))")
            request.body = .bytes(ByteBuffer(bytes: body.isEmpty ? Array(sql.utf8) : body))
        } else {
            for table in external {
                parameters["\(table.name)_structure"] = table.structure
                parameters["\(table.name)_format"] = "RowBinary"
            }
            let boundary = "mhhs-\(UUID().uuidString)"
            var form: [UInt8] = []
            func part(_ name: String, _ filename: String?, _ content: [UInt8]) {
                form += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"".utf8)
                if let filename { form += Array("; filename=\"\(filename)\"".utf8) }
                form += Array("\r\n\r\n".utf8) + content + Array("\r\n".utf8)
            }
            part("query", nil, Array(sql.utf8))
            for table in external { part(table.name, table.name, table.rows) }
            form += Array("--\(boundary)--\r\n".utf8)
            request = HTTPClientRequest(url: "http://\(server)/?\(Self.query(parameters))")
            request.headers.add(name: "Content-Type", value: "multipart/form-data; boundary=\(boundary)")
            request.body = .bytes(ByteBuffer(bytes: form))
        }
        request.method = .POST
        if let credentials = location.credentials {
            let pair = "\(credentials.user):\(credentials.password)"
            request.headers.add(name: "Authorization", value: "Basic " + Data(pair.utf8).base64EncodedString())
        }
        let response: HTTPClientResponse
        let bytes: ByteBuffer
        do {
            response = try await http.execute(request, timeout: timeout)
            bytes = try await response.body.collect(upTo: 1 << 34)
        } catch {
            throw ClickHouseError.unreachable(host: server, reason: "\(error)")
        }
        let content = Array(bytes.readableBytesView)
        guard response.status == .ok else {
            throw ClickHouseError.server(host: server, status: Int(response.status.code), message: Self.message(content))
        }
        return content
    }

    /// The first line of ClickHouse's error text (its body starts `Code: N, …`).
    static func message(_ body: [UInt8]) -> String {
        let text = String(decoding: body.prefix(2_000), as: UTF8.self)
        return text.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? "(no message)"
    }

    static func query(_ parameters: [String: String]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return parameters.keys.sorted().map { key in
            "\(key)=\(parameters[key]!.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        }.joined(separator: "&")
    }
}

/// A ClickHouse request that failed: the shard is named, so an operator knows which one to fix.
public enum ClickHouseError: Error, Equatable, Sendable, CustomStringConvertible {
    case badURL(String)
    case unreachable(host: String, reason: String)
    case server(host: String, status: Int, message: String)
    case malformed(String)
    /// What the shards hold is not what the catalog committed.
    case inconsistent(String)

    public var description: String {
        switch self {
        case .badURL(let url):
            "'\(url)' is not a ClickHouse location (clickhouse://host:8123[,host:8123…]/database[?cluster=NAME])"
        case .unreachable(let host, let reason): "the ClickHouse shard at \(host) did not answer: \(reason)"
        case .server(let host, let status, let message): "the ClickHouse shard at \(host) refused the request (HTTP \(status)): \(message)"
        case .malformed(let what): "ClickHouse answered something unreadable: \(what)"
        case .inconsistent(let what): "the ClickHouse cluster does not hold the SP data the catalog committed: \(what)"
        }
    }
}
