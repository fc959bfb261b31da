import Hummingbird
import MHHSCore

/// Counts every request by method, route (the matched pattern, so ids do not multiply the
/// series) and status, and times it.
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        let method = request.method.rawValue
        do {
            let response = try await next(request, context)
            record(method, context, Int(response.status.code), started)
            return response
        } catch let error as any HTTPResponseError {
            record(method, context, Int(error.status.code), started)
            throw error
        } catch {
            record(method, context, 500, started)
            throw error
        }
    }

    private func record(_ method: String, _ context: Context, _ status: Int, _ started: ContinuousClock.Instant) {
        metrics.request(
            method: method, route: context.endpointPath ?? "unmatched", status: status, seconds: (ContinuousClock.now - started).seconds)
    }
}
