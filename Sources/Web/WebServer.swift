import Foundation
import Hummingbird
import Ingest
import Search
import Workers

/// `corpus serve`: a local, read-only reading room over an index. Pages for people
/// (search with facets, timeline, documents with their page images, export) and the
/// contract's JSON for programs. It never writes to the index.
public struct WebServer: Sendable {
    /// Read handles on the index, one per core, taken in turn: a handle serves one
    /// request at a time, so several let requests run in parallel.
    let readers: Readers
    let pageImages: PageImageCache
    /// Poppler's work (page images, page ranges for export) runs in this worker process.
    let pages = PageWorker()
    let exports: URL

    /// A handle for one request (take it once, and use it for the whole request).
    var index: SearchIndex { readers.next() }

    public init(index: SearchIndex) {
        self.init(readers: [index])
    }

    /// Opens `count` read handles on the index at path.
    public init(indexPath: String, shards: Shards.Options = .init(), readers count: Int = ProcessInfo.processInfo.activeProcessorCount) throws {
        self.init(readers: try (0..<max(1, count)).map { _ in try SearchIndex(path: indexPath, buildFacetColumns: true, shards: shards) })
    }

    init(readers: [SearchIndex]) {
        self.readers = Readers(readers)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-serve-\(getpid())")
        pageImages = PageImageCache(folder: scratch.appendingPathComponent("pages"),
                                    members: MemberFiles(folder: scratch.appendingPathComponent("members"), worker: pages))
        exports = scratch.appendingPathComponent("exports")
    }

    /// Whether `host` reaches this machine only (loopback): anything else needs the
    /// user's explicit consent (`serve --allow-remote`).
    public static func isLoopback(_ host: String) -> Bool { RequestGuard.isLoopback(host) }

    /// Serves until the process is stopped.
    public func run(host: String, port: Int, onRunning: @escaping @Sendable () -> Void = {}) async throws {
        let app = Application(
            router: router(boundTo: host),
            configuration: .init(address: .hostname(host, port: port), serverName: "corpus"),
            onServerRunning: { _ in onRunning() })
        try await app.runService()
    }

    /// The routes, behind the guard for a server bound to `host` (RequestGuard).
    public func router(boundTo host: String = "127.0.0.1") -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: RequestGuard(boundTo: host))
        router.get("/") { request, _ in try self.searchPage(request) }
        router.get("/timeline") { request, _ in try self.timelinePage(request) }
        router.get("/batch") { request, _ in try self.batchPage(request) }
        router.get("/people") { request, _ in try self.peoplePage(request) }
        router.get("/requests") { request, _ in try self.requestsPage(request) }
        router.get("/doc/:id") { request, context in try self.documentPage(try Self.recordID(context), query: Self.parameter(request, "q") ?? "") }
        router.get("/doc/:id/page/:number") { _, context in try await self.pageImage(context) }
        router.get("/export") { request, context in try await self.exportZip(request, context: context) }
        router.get("/api/search") { request, _ in Self.json(ByteBuffer(bytes: try self.search(request, highlight: ("", "")).json)) }
        router.get("/api/doc/:id") { _, context in try self.json(try self.record(try Self.recordID(context))) }
        router.get("/api/timeline") { request, _ in try self.json(try self.timeline(request)) }
        router.get("/api/batch") { request, _ in try self.json(BatchOutput(queries: try self.batch(request))) }
        router.get("/api/people") { request, _ in try self.json(PeopleOutput(people: try self.people(request))) }
        router.get("/api/requests") { request, _ in try self.json(RequestsOutput(requests: try self.requests(request))) }
        return router
    }

    // MARK: requests

    /// A query-string parameter, decoded as HTML forms encode it: "+" is a space, "%2B"
    /// a plus. (The search box is a GET form: `vendor:"Clearview AI"` arrives as
    /// `vendor%3A%22Clearview+AI%22`.)
    static func parameter(_ request: Request, _ name: String) -> String? {
        for pair in (request.uri.query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (part: Substring) in part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding }
            if decode(parts[0]) == name { return parts.count > 1 ? decode(parts[1]) ?? "" : "" }
        }
        return nil
    }

    static func integer(_ request: Request, _ name: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text = parameter(request, name), !text.isEmpty else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw HTTPError(.badRequest, message: "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    static func choice<T: RawRepresentable>(_ request: Request, _ name: String, default value: T) throws -> T where T.RawValue == String {
        guard let text = parameter(request, name), !text.isEmpty else { return value }
        guard let choice = T(rawValue: text) else { throw HTTPError(.badRequest, message: "\(name)=\(text) is not understood") }
        return choice
    }

    /// Record ids are 16 hex digits; anything else (a path, "../") never reaches the index.
    static func recordID(_ context: BasicRequestContext) throws -> String {
        guard let id = context.parameters.get("id"), id.count == 16, id.allSatisfy(\.isHexDigit) else {
            throw HTTPError(.badRequest, message: "not a record id")
        }
        return id
    }

    func search(_ request: Request, highlight: (String, String)) throws -> SearchResponse {
        let query = Self.parameter(request, "q") ?? ""
        let limit = try Self.integer(request, "limit", default: 20, range: 0...1000)
        let offset = try Self.integer(request, "offset", default: 0, range: 0...10_000_000)
        let sort: SearchSort = try Self.choice(request, "sort", default: .relevance)
        do {
            return try index.latest { try $0.search(SearchRequest(query: query, limit: limit, offset: offset, sort: sort, highlight: highlight)) }
        } catch let error as QuerySyntaxError {
            throw HTTPError(.badRequest, message: error.description)
        }
    }

    func timeline(_ request: Request) throws -> Timeline {
        let by: TimelineGrouping = try Self.choice(request, "by", default: .vendor)
        let interval: TimelineInterval = try Self.choice(request, "interval", default: .month)
        do {
            return try index.latest { try $0.timeline(query: Self.parameter(request, "q") ?? "", by: by, interval: interval) }
        } catch let error as QuerySyntaxError {
            throw HTTPError(.badRequest, message: error.description)
        }
    }

    /// A pasted list's queries, each run (`list`: one a line; at most `maxBatchLines`).
    func batch(_ request: Request) throws -> [Batch.Result] {
        let lines = Batch.lines(of: Data((Self.parameter(request, "list") ?? "").utf8), csv: false)
        guard lines.count <= Self.maxBatchLines else {
            throw HTTPError(.badRequest, message: "\(lines.count) queries: at most \(Self.maxBatchLines) at once (corpus batch FILE runs any number)")
        }
        return try index.latest { $0.batch(lines) }
    }

    static let maxBatchLines = 200

    func people(_ request: Request) throws -> [Person] {
        do {
            return try index.latest { try $0.people(query: Self.parameter(request, "q") ?? "") }
        } catch let error as QuerySyntaxError {
            throw HTTPError(.badRequest, message: error.description)
        }
    }

    func requests(_ request: Request) throws -> [RequestSummary] {
        do {
            return try index.latest { try $0.requests(query: Self.parameter(request, "q") ?? "") }
        } catch let error as QuerySyntaxError {
            throw HTTPError(.badRequest, message: error.description)
        }
    }

    struct PeopleOutput: Encodable { var people: [Person] }
    struct RequestsOutput: Encodable { var requests: [RequestSummary] }

    struct BatchOutput: Encodable { var queries: [Batch.Result] }

    func record(_ id: String) throws -> Record {
        try found(id) { try $0.record(id: id) }
    }

    /// What `work` reads of record `id` in the latest revision; 404 when there is no such record.
    func found<T>(_ id: String, _ work: (SearchIndex) throws -> T) throws -> T {
        do {
            return try index.latest(work)
        } catch let error as IndexError where error.kind == .notFound {
            throw HTTPError(.notFound, message: "no record \(id)")
        }
    }

    // MARK: responses

    func json<T: Encodable>(_ value: T) throws -> Response {
        Self.json(ByteBuffer(bytes: try RecordCoding.encoder.encode(value)))
    }

    static func json(_ body: ByteBuffer) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: body))
    }

    /// Runs blocking work (an export, poppler through a worker) on a thread of its own.
    static func offThePool(_ work: @escaping @Sendable () throws -> Void) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, Error>) in
            Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
        }
    }

    static func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: page)))
    }

    func searchPage(_ request: Request) throws -> Response {
        let query = Self.parameter(request, "q") ?? ""
        do {
            let response = try search(request, highlight: (Pages.markStart, Pages.markEnd))
            let offset = try Self.integer(request, "offset", default: 0, range: 0...10_000_000)
            let sort: SearchSort = try Self.choice(request, "sort", default: .relevance)
            let limit = try Self.integer(request, "limit", default: 20, range: 0...1000)
            // (The front page says what the last release brought, when there was one before it.)
            let news = query.isEmpty && offset == 0 ? try index.latest { reader -> String in
                guard let last = try reader.releases().last, last.number > 1 else { return "" }
                return Pages.news(last, watches: try reader.news(in: last.number))
            } : ""
            return Self.html(Pages.search(query: query, sort: sort, offset: offset, limit: limit, response: response, news: news))
        } catch let error as HTTPError where error.status == .badRequest {
            return Self.html(Pages.search(query: query, sort: .relevance, offset: 0, limit: 20, response: nil, error: error.body ?? "bad request"),
                             status: .badRequest)
        }
    }

    func timelinePage(_ request: Request) throws -> Response {
        let timeline = try timeline(request)
        let query = Self.parameter(request, "q") ?? ""
        return Self.html(timeline.html(title: query.isEmpty ? "Contacts by \(timeline.by.rawValue)" : "\(query) — by \(timeline.by.rawValue)",
                                       search: Pages.rawLink("/", [("q", query)])))
    }

    func batchPage(_ request: Request) throws -> Response {
        let list = Self.parameter(request, "list") ?? ""
        do {
            return Self.html(Pages.batch(list: list, results: try batch(request)))
        } catch let error as HTTPError where error.status == .badRequest {
            return Self.html(Pages.batch(list: list, results: [], error: error.body ?? "bad request"), status: .badRequest)
        }
    }

    func peoplePage(_ request: Request) throws -> Response {
        Self.html(Pages.people(query: Self.parameter(request, "q") ?? "", people: try people(request)))
    }

    func requestsPage(_ request: Request) throws -> Response {
        Self.html(Pages.requests(query: Self.parameter(request, "q") ?? "", requests: try requests(request)))
    }

    /// A record's page; reached from a search, its text shows the words the search matched.
    func documentPage(_ id: String, query: String) throws -> Response {
        // (The record, its thread and its marked text from one revision of the index.)
        let (record, conversation, marked) = try found(id) { reader in
            let record = try reader.record(id: id)
            // (A query that no longer parses, edited by hand in the address bar, marks nothing.)
            let marked = query.isEmpty ? nil : try? reader.highlighted(record, query: query, highlight: (Pages.markStart, Pages.markEnd))
            return (record, try reader.conversation(of: id), marked ?? nil)
        }
        return Self.html(Pages.document(record, conversation: conversation, query: query, markedText: marked))
    }

    func pageImage(_ context: BasicRequestContext) async throws -> Response {
        let id = try Self.recordID(context)
        let name = context.parameters.get("number") ?? ""
        guard name.hasSuffix(".png"), let number = Int(name.dropLast(4)) else { throw HTTPError(.badRequest, message: "not a page image") }
        let record = try record(id)
        guard record.source.attachment == nil, let pages = record.source.pages, pages.contains(number) else {
            throw HTTPError(.notFound, message: "record \(id) has no page \(number)")
        }
        let path: String
        do {
            path = try await pageImages.image(of: record.source, page: number)
        } catch let error as PDFError {
            throw HTTPError(.notFound, message: "page \(number) cannot be shown: \(error.reason)")
        }
        return Response(status: .ok, headers: [.contentType: "image/png", .cacheControl: "max-age=86400"],
                        body: try await FileIO().loadFile(path: path, context: context))
    }

    func exportZip(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let query = Self.parameter(request, "q") ?? ""
        try FileManager.default.createDirectory(at: exports, withIntermediateDirectories: true)
        // Earlier exports of this server are removed once they are ten minutes old.
        for old in (try? FileManager.default.contentsOfDirectory(at: exports, includingPropertiesForKeys: [.contentModificationDateKey])) ?? [] {
            if let date = try? old.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate, date < Date() - 600 {
                try? FileManager.default.removeItem(at: old)
            }
        }
        let zip = exports.appendingPathComponent("\(UUID().uuidString).zip")
        do {
            let (reader, pages) = (index, pages)
            // (An export of many matches takes a while: it waits off the cooperative threads.)
            try await Self.offThePool {
                _ = try reader.latest { reader in
                    try? FileManager.default.removeItem(at: zip)
                    return try reader.export(query: query, to: zip.path, format: .zip, pages: pages)
                }
            }
        } catch let error as QuerySyntaxError {
            throw HTTPError(.badRequest, message: error.description)
        }
        return Response(status: .ok, headers: [.contentType: "application/zip", .contentDisposition: "attachment; filename=\"corpus-export.zip\""],
                        body: try await FileIO().loadFile(path: zip.path, context: context))
    }
}

final class Readers: @unchecked Sendable {
    private let handles: [SearchIndex]
    private let lock = NSLock()
    private var turn = 0

    init(_ handles: [SearchIndex]) { self.handles = handles }

    func next() -> SearchIndex {
        lock.withLock {
            turn = (turn + 1) % handles.count
            return handles[turn]
        }
    }
}
