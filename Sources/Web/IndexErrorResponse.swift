import Hummingbird
import Search

/// An index that fails a request says why: a remote shard that does not answer is the
/// service being unavailable (503, naming the shard); anything else is the server's (500).
extension IndexError: HTTPResponseError {
    public var status: HTTPResponse.Status { kind == .shard ? .serviceUnavailable : .internalServerError }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        try HTTPError(status, message: message).response(from: request, context: context)
    }
}
