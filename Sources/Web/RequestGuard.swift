import Foundation
import HTTPTypes
import Hummingbird
import Search

/// What keeps the reading room from being turned against its user by another page open in
/// the same browser. The index holds a reporter's sources; the server listens on their
/// machine, where any web page they visit can make their browser send it requests.
///
/// - DNS rebinding: a page on another domain that points its name at 127.0.0.1 still sends
///   its own name as Host. Only this server's names are answered: localhost, the name it
///   was bound to, this machine's name, and addresses written as numbers (a browser sends
///   those only when the address itself was typed, which no rebinding can do).
/// - Cross-site requests: a request another site's page makes (an image, a fetch, a form)
///   is refused; a link the reporter follows from elsewhere (a top-level GET) is not. A
///   request that would change something is refused unless it comes from this server's
///   own pages (`Origin`), for browsers that do not say where a request comes from.
/// - Every response, errors included, tells the browser to run no script, load nothing
///   from elsewhere, never frame the page, send no referrer and sniff no type.
struct RequestGuard: RouterMiddleware {
    typealias Context = BasicRequestContext

    /// The Host names answered (lowercased, without port), besides numeric addresses.
    let names: Set<String>

    init(boundTo host: String) {
        names = Set(["localhost", host, ProcessInfo.processInfo.hostName].map(Self.hostName))
    }

    static let headers: [(HTTPField.Name, String)] = [
        (.contentSecurityPolicy, HTML.contentSecurityPolicy + "; frame-ancestors 'none'"),
        (.xContentTypeOptions, "nosniff"),
        (HTTPField.Name("Referrer-Policy")!, "no-referrer"),
        (HTTPField.Name("X-Frame-Options")!, "DENY"),
        (.crossOriginResourcePolicy, "same-origin"),
    ]
    static let fetchSite = HTTPField.Name("Sec-Fetch-Site")!
    static let fetchMode = HTTPField.Name("Sec-Fetch-Mode")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            try check(request)
            response = try await next(request, context)
        } catch let error as HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        for (name, value) in Self.headers { response.headers[name] = value }
        return response
    }

    /// Throws 403 for a request this server must not answer.
    func check(_ request: Request) throws {
        // (HTTP/1.1's Host arrives as the authority. A request without one — HTTP/1.0 —
        // comes from no web page.)
        let host = request.head.authority
        if let host, !answers(host) {
            throw HTTPError(.forbidden, message: "this reading room answers only to its own address, not to \(host)")
        }
        let site = request.headers[Self.fetchSite]
        let followedLink = request.method == .get && request.headers[Self.fetchMode] == "navigate"
        if let site, site == "cross-site" || site == "same-site", !followedLink {
            throw HTTPError(.forbidden, message: "requests made by another site's page are refused")
        }
        if ![.get, .head].contains(request.method), let origin = request.headers[.origin], !ownOrigin(origin, host: host) {
            throw HTTPError(.forbidden, message: "changes from another site (\(origin)) are refused")
        }
    }

    func answers(_ host: String) -> Bool {
        let name = Self.hostName(host)
        return names.contains(name) || Self.isNumericAddress(name)
    }

    /// An `Origin` naming the server the request was sent to, by an address it answers.
    func ownOrigin(_ origin: String, host: String?) -> Bool {
        guard let host, origin.lowercased() == "http://" + host.lowercased() else { return false }
        return answers(host)
    }

    /// "127.0.0.1:8080" → "127.0.0.1", "[::1]:8080" → "::1", "Example.org." → "example.org".
    static func hostName(_ host: String) -> String {
        var name = host.lowercased()
        if name.hasPrefix("["), let end = name.firstIndex(of: "]") {
            name = String(name[name.index(after: name.startIndex)..<end])
        } else if name.filter({ $0 == ":" }).count == 1, let colon = name.firstIndex(of: ":") {
            name = String(name[..<colon])
        }
        return name.hasSuffix(".") ? String(name.dropLast()) : name
    }

    static func isNumericAddress(_ name: String) -> Bool {
        var v4 = in_addr(), v6 = in6_addr()
        return inet_pton(AF_INET, name, &v4) == 1 || inet_pton(AF_INET6, name, &v6) == 1
    }

    /// Whether `host` reaches this machine only: the loopback addresses and localhost.
    static func isLoopback(_ host: String) -> Bool {
        let name = hostName(host)
        return name == "localhost" || name == "::1" || name.hasPrefix("127.") && isNumericAddress(name)
    }
}
