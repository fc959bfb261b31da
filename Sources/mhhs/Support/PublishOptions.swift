import ArgumentParser
import Foundation
import MHHSMessages

/// `--publish-to URL`: send what a command produces through a running hub, as the participant
/// whose API key is given.
struct PublishOptions: ParsableArguments {
    @Option(help: "A running hub's base URL: post the produced messages to it.")
    var publishTo: String?

    @Option(help: "Your API key at the hub (default: the MHHS_API_KEY environment variable).")
    var apiKey: String?

    @Option(help: "A PEM file with your RSA private key, to sign calls (needed when you registered a public key).")
    var signingKey: String?

    /// Posts `messages` on `channel` when a hub is named; returns how many were accepted.
    func publish(_ messages: [JSONValue], channel: String) async throws -> Int? {
        guard let publishTo, !messages.isEmpty else { return nil }
        guard let key = apiKey ?? ProcessInfo.processInfo.environment["MHHS_API_KEY"], !key.isEmpty else {
            throw ValidationError("give --api-key or set MHHS_API_KEY to publish")
        }
        return try await HubClient(url: publishTo, apiKey: key, signingKey: signingKey).publish(messages, channel: channel)
    }
}
