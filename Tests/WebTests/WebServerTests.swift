import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Ingest
import Search
import TestSupport
@testable import Web
import XCTest

/// The reading room driven over HTTP: pages, the JSON API (equal to `search --json`),
/// escaping of hostile documents, refused traversal, and 400s for bad parameters.
final class WebServerTests: XCTestCase {
    static let hostileID = "00000000000000aa"
    static let pdfID = "00000000000000bb"
    static let quotedID = "00000000000000cc"
    static let replyID = "00000000000000dd"

    /// A small index: a record backed by a page of the sample, and a hostile one.
    static let indexPath: String = {
        let path = CorpusBinary.temporaryIndex()
        let writer = try! IndexWriter(path: path)
        let pdf = Sample.path("releases/NYPD_FOIL_2020-PL-00417_Part1.pdf")
        try! writer.add([
            Record(id: pdfID, kind: .email, subject: "Clearview demo today",
                   from: Correspondent(name: "Karen O'Neill", address: "karen.oneill@nypd.org"),
                   to: [Correspondent(name: "David Kaplan", address: "david.kaplan@nypd.org")],
                   date: RecordDate(iso: "2018-10-18T16:40:00"), agencies: ["NYPD"], vendors: ["Clearview AI"],
                   source: Source(path: pdf, sha256: String(repeating: "a", count: 64), pages: 2...2),
                   text: "The vendor matched two of our cold case photos."),
            Record(id: hostileID, kind: .document, subject: "<script>alert('subject')</script>",
                   agencies: ["NYPD"], source: Source(path: "/nonexistent/evil.pdf", sha256: String(repeating: "b", count: 64), pages: 1...1),
                   text: "matched <img src=x onerror=alert(1)> & \"quotes\" <a href=\"javascript:alert(2)\">link</a> <svg onload=alert(3)> "
                       + "<style>body{display:none}</style> invoice\u{202E}fdp.exe"),
            Record(id: quotedID, kind: .email, subject: "A tip", from: Correspondent(name: "Jane \"JJ Doe", address: nil),
                   source: Source(path: "/nonexistent/tip.eml", sha256: String(repeating: "c", count: 64)),
                   text: "A tip about the squad.", messageID: "<tip@mail.example>"),
            Record(id: replyID, kind: .email, subject: "Re: <i>A tip</i>", from: Correspondent(name: "Desk", address: "desk@nypd.org"),
                   date: RecordDate(iso: "2018-10-19T09:00:00"), source: Source(path: "/nonexistent/re.eml", sha256: String(repeating: "d", count: 64)),
                   text: "Thanks for the tip.", messageID: "<re@mail.example>", inReplyTo: "<tip@mail.example>",
                   references: ["<first@mail.example>", "<tip@mail.example>"]),
            // The reply released again as a print: a copy, which the reply stands for.
            Record(id: "copy", kind: .email, subject: "Re: <i>A tip</i>", from: Correspondent(name: "Desk", address: "desk@nypd.org"),
                   date: RecordDate(iso: "2018-10-19T09:00:00"),
                   source: Source(path: "/nonexistent/re-print.pdf", sha256: String(repeating: "e", count: 64), pages: 1...1),
                   text: "Thanks for the tip."),
        ])
        try! writer.commit()
        return path
    }()

    func withApp<Value: Sendable>(_ test: @Sendable @escaping (any TestClientProtocol) async throws -> Value) async throws -> Value {
        let server = WebServer(index: try SearchIndex(path: Self.indexPath))
        return try await Application(router: server.router()).test(.router, test)
    }

    func testTheSearchPageShowsHitsAndFacetLinks() async throws {
        try await withApp { client in
            try await client.execute(uri: "/?q=matched", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                let page = String(buffer: response.body)
                XCTAssertTrue(page.contains("2 matches"))
                XCTAssertTrue(page.contains("<a href=\"/doc/\(Self.pdfID)?q=matched\">Clearview demo today</a>"), "a hit's page marks what matched")
                XCTAssertTrue(page.contains("<mark>matched</mark>"), "matches are highlighted")
                XCTAssertTrue(page.contains("href=\"/?q=matched%20vendor%3A%22Clearview%20AI%22\""), "a facet link adds its filter")
            }
        }
    }

    func testTheAPIReturnsWhatSearchJSONPrints() async throws {
        let cli = try CorpusBinary.run(["search", "--index", Self.indexPath, "vendor:clearview OR NYPD", "--json"])
        XCTAssertEqual(cli.status, 0, cli.stderr)
        let expectedJSON = Data(cli.stdout.utf8)
        try await withApp { client in
            let expected = try JSONSerialization.jsonObject(with: expectedJSON) as? NSDictionary
            XCTAssertNotNil(expected)
            try await client.execute(uri: "/api/search?q=vendor%3Aclearview%20OR%20NYPD", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertEqual(response.headers[.contentType], "application/json; charset=utf-8")
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? NSDictionary
                XCTAssertEqual(json, expected)
            }
            // As the search form sends it: spaces as "+".
            try await client.execute(uri: "/api/search?q=vendor%3Aclearview+OR+NYPD", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertEqual(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? NSDictionary, expected)
            }
            try await client.execute(uri: "/api/doc/\(Self.pdfID)", method: .get) { response in
                let record = try RecordCoding.decoder.decode(Record.self, from: Data(buffer: response.body))
                XCTAssertEqual(record.subject, "Clearview demo today")
            }
            try await client.execute(uri: "/api/timeline?q=&by=agency&interval=month", method: .get) { response in
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                XCTAssertEqual(json?["by"] as? String, "agency")
                XCTAssertEqual((json?["series"] as? [[String: Any]])?.first?["key"] as? String, "NYPD")
            }
        }
    }

    func testAHostileDocumentIsEscapedEverywhere() async throws {
        try await withApp { client in
            for uri in ["/doc/\(Self.hostileID)", "/?q=matched", "/timeline?by=agency"] {
                try await client.execute(uri: uri, method: .get) { response in
                    XCTAssertEqual(response.status, .ok, uri)
                    let page = String(buffer: response.body)
                    for live in ["<script>alert", "<img src=x", "href=\"javascript:", "<svg onload", "<style>body{display:none}", "\u{202E}"] {
                        XCTAssertFalse(page.contains(live), "\(uri): \(live)")
                    }
                    if uri.hasPrefix("/doc") {
                        XCTAssertTrue(page.contains("&lt;script&gt;alert(&#39;subject&#39;)&lt;/script&gt;"))
                        XCTAssertTrue(page.contains("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;"))
                        XCTAssertTrue(page.contains("invoice[U+202E]fdp.exe"), "a direction override is shown, not obeyed")
                    }
                }
            }
        }
    }

    /// Another page in the reporter's browser: an image or fetch of another site's, a form
    /// posted from elsewhere. A link followed from elsewhere still works.
    func testRequestsFromAnotherSiteAreRefused() async throws {
        try await withApp { client in
            let search = "/api/search?q=matched", export = "/export?q=kind%3Aemail"
            let site = RequestGuard.fetchSite, mode = RequestGuard.fetchMode
            let cases: [(String, HTTPRequest.Method, HTTPFields, HTTPResponse.Status)] = [
                (search, .get, [:], .ok),
                (export, .get, [site: "cross-site", mode: "no-cors"], .forbidden),
                (search, .get, [site: "same-site", mode: "cors"], .forbidden),
                ("/?q=matched", .get, [site: "cross-site", mode: "navigate"], .ok),
                ("/?q=matched", .get, [site: "none", mode: "navigate"], .ok),
                (search, .get, [site: "same-origin", mode: "cors"], .ok),
                (search, .post, [.origin: "http://attacker.example"], .forbidden),
                (search, .post, [.origin: "null"], .forbidden),
            ]
            for (uri, method, headers, status) in cases {
                try await client.execute(uri: uri, method: method, headers: headers) { response in
                    XCTAssertEqual(response.status, status, "\(method) \(uri) \(headers)")
                }
            }
            // From its own page, a change gets past the guard (no route takes one yet: 404 or 405).
            try await client.execute(uri: search, method: .post, headers: [.origin: "http://localhost"]) { response in
                XCTAssertNotEqual(response.status, .forbidden)
            }
        }
    }

    /// DNS rebinding: a page whose name was pointed at 127.0.0.1 sends its own name as Host,
    /// over a real connection to the live server. The names and numeric addresses the server
    /// answers to still work.
    func testAHostThatIsNotThisServerIsRefused() async throws {
        let server = WebServer(index: try SearchIndex(path: Self.indexPath))
        try await Application(router: server.router(boundTo: "127.0.0.1"), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
            .test(.live) { client in
                let port = try XCTUnwrap(client.port)
                for (host, status) in [("attacker.example", 403), ("127.0.0.1.attacker.example:\(port)", 403), ("127.0.0.1:\(port)", 200),
                                       ("localhost:\(port)", 200), ("[::1]:\(port)", 200), ("192.168.1.20:\(port)", 200)] {
                    XCTAssertEqual(try Self.rawStatus(port: port, request: "GET /api/search?q=cold HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n"), status, host)
                }
            }
    }

    /// The status line of a request sent as bytes (a client that sets Host itself).
    static func rawStatus(port: Int, request: String) throws -> Int? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard connected == 0 else { return nil }
        _ = request.withCString { send(fd, $0, strlen($0), 0) }
        var reply = [UInt8](repeating: 0, count: 64)
        let count = recv(fd, &reply, reply.count, 0)
        guard count > 12 else { return nil }
        return Int(String(decoding: reply[9..<12], as: UTF8.self))
    }

    /// Pages, images, JSON and errors alike: no script runs, nothing loads from elsewhere,
    /// no other site frames or reads them.
    func testEveryResponseCarriesTheBrowserRules() async throws {
        try await withApp { client in
            for uri in ["/", "/doc/\(Self.pdfID)", "/doc/\(Self.pdfID)/page/2.png", "/api/search?q=x", "/doc/0123456789abcdef", "/nowhere",
                        "/api/search?q=%22unbalanced"] {
                try await client.execute(uri: uri, method: .get) { response in
                    let policy = response.headers[.contentSecurityPolicy] ?? ""
                    XCTAssertTrue(policy.contains("default-src 'none'") && policy.contains("frame-ancestors 'none'"), "\(uri): \(policy)")
                    XCTAssertFalse(policy.contains("script-src") || policy.contains("unsafe-eval"), uri)
                    XCTAssertEqual(response.headers[.xContentTypeOptions], "nosniff", uri)
                    XCTAssertEqual(response.headers[HTTPField.Name("X-Frame-Options")!], "DENY", uri)
                    XCTAssertEqual(response.headers[HTTPField.Name("Referrer-Policy")!], "no-referrer", uri)
                    XCTAssertEqual(response.headers[.crossOriginResourcePolicy], "same-origin", uri)
                }
            }
        }
        // The timeline written to a file carries the policy itself.
        let timeline = try SearchIndex(path: Self.indexPath).timeline(query: "", by: .agency, interval: .month)
        let page = timeline.html(title: "<script>alert(4)</script>")
        XCTAssertTrue(page.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'"))
        XCTAssertFalse(page.contains("<script>alert"))
    }

    func testOnlyLoopbackCountsAsLocal() {
        for host in ["127.0.0.1", "127.0.1.1", "::1", "[::1]", "localhost", "LOCALHOST"] { XCTAssertTrue(WebServer.isLoopback(host), host) }
        for host in ["0.0.0.0", "::", "192.168.1.20", "127.example.org", "example.org"] { XCTAssertFalse(WebServer.isLoopback(host), host) }
    }

    func testPathsOutsideTheIndexAreRefused() async throws {
        try await withApp { client in
            for uri in ["/doc/..%2F..%2Fetc%2Fpasswd", "/doc/../../etc/passwd", "/api/doc/%2Fetc%2Fpasswd",
                        "/doc/\(Self.pdfID)/page/..%2F..%2Fetc%2Fpasswd", "/doc/\(Self.pdfID)/page/9.png",
                        "/doc/\(Self.hostileID)/page/1.png", "/doc/0123456789abcdef"] {
                try await client.execute(uri: uri, method: .get) { response in
                    XCTAssertTrue([.badRequest, .notFound].contains(response.status), "\(uri): \(response.status)")
                    XCTAssertFalse(String(buffer: response.body).contains("root:"), uri)
                }
            }
        }
    }

    func testBadParametersGetA400WithAMessage() async throws {
        try await withApp { client in
            let cases = [("/api/search?q=%22unbalanced", "unbalanced quote"), ("/api/search?q=date%3A2019-02-30", "does not exist"),
                         ("/api/search?limit=lots", "limit must be"), ("/api/search?sort=sideways", "sort=sideways"),
                         ("/api/timeline?by=nonsense", "by=nonsense"), ("/?q=kind%3Amemo", "kind: is email or document")]
            for (uri, message) in cases {
                try await client.execute(uri: uri, method: .get) { response in
                    XCTAssertEqual(response.status, .badRequest, uri)
                    XCTAssertTrue(String(buffer: response.body).contains(message), "\(uri): \(String(buffer: response.body))")
                }
            }
        }
    }

    /// A pasted list of queries: each one's row, linked to its search; a bad line says why;
    /// the API gives what the index's batch gives.
    func testAPastedListOfQueries() async throws {
        let list = "matched\n# a comment\ntip\n\"unclosed\n"
        let expected = try SearchIndex(path: Self.indexPath).batch(Batch.lines(of: Data(list.utf8), csv: false))
        XCTAssertEqual(expected.map(\.total), [2, 2, 0])
        try await withApp { client in
            let encoded = list.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            try await client.execute(uri: "/batch?list=\(encoded)", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                let page = String(buffer: response.body)
                XCTAssertTrue(page.contains("<td>1</td><td><a href=\"/?q=matched\">matched</a></td><td>2</td>"), page)
                XCTAssertTrue(page.contains("<td>3</td><td><a href=\"/?q=tip\">tip</a></td>"), page)
                XCTAssertTrue(page.contains("<tr class=\"error\"><td>4</td><td>&quot;unclosed</td><td colspan=\"5\">unbalanced quote"), page)
                XCTAssertTrue(page.contains("<a href=\"/?q=%28matched%29%20agency%3A%22NYPD%22\">NYPD</a> (2)"), "an agency links to the narrowed search: \(page)")
            }
            try await client.execute(uri: "/api/batch?list=\(encoded)", method: .get) { response in
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                let queries = json?["queries"] as? [[String: Any]] ?? []
                XCTAssertEqual(queries.map { $0["total"] as? Int }, expected.map(\.total))
                XCTAssertEqual(queries.map { $0["line"] as? Int }, [1, 3, 4])
            }
            let tooMany = (0...WebServer.maxBatchLines).map { "q\($0)" }.joined(separator: "%0A")
            try await client.execute(uri: "/batch?list=\(tooMany)", method: .get) { response in
                XCTAssertEqual(response.status, .badRequest)
            }
        }
    }

    /// The people page joins one officer's accounts and says why; the requests page lists a
    /// request with the events its letters state, each linked to its record.
    func testPeopleAndRequestsPages() async throws {
        let path = CorpusBinary.temporaryIndex()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try IndexWriter(path: path)
        var acknowledgement = Record(id: "00000000000000f1", kind: .email, subject: "RE: FOIL request",
                                     from: Correspondent(name: "Michael Reyes", address: "michael.reyes@nypd.org"),
                                     date: RecordDate(iso: "2020-01-14T11:30:00-05:00"),
                                     source: Source(path: "/nonexistent/a.eml", sha256: String(repeating: "1", count: 64)),
                                     text: "This will acknowledge receipt of your request.")
        acknowledgement.requests = ["FOIL-2020-056-00123"]
        let personal = Record(id: "00000000000000f2", kind: .email, subject: "From my phone",
                              from: Correspondent(name: nil, address: "mreyes.nyc@gmail.com"), date: RecordDate(iso: "2020-01-15T08:00:00-05:00"),
                              source: Source(path: "/nonexistent/b.eml", sha256: String(repeating: "2", count: 64)),
                              text: "Writing from my personal account.\n\nMichael Reyes")
        try writer.add([acknowledgement, personal])
        try writer.commit()
        try writer.close()
        let server = WebServer(index: try SearchIndex(path: path))
        try await Application(router: server.router()).test(.router) { client in
            try await client.execute(uri: "/people", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                let page = String(buffer: response.body)
                XCTAssertTrue(page.contains("<td>Michael Reyes</td><td><a href=\"/?q=from%3Amichael.reyes%40nypd.org%20OR%20to%3Amichael.reyes%40nypd.org\">michael.reyes@nypd.org</a><br><a href=\"/?q=from%3Amreyes.nyc%40gmail.com%20OR%20to%3Amreyes.nyc%40gmail.com\">mreyes.nyc@gmail.com</a> <span class=\"tag\">personal</span></td>"), page)
                XCTAssertTrue(page.contains("signed &quot;Michael Reyes&quot; in a message from mreyes.nyc@gmail.com"), page)
            }
            try await client.execute(uri: "/requests", method: .get) { response in
                let page = String(buffer: response.body)
                XCTAssertTrue(page.contains("<a href=\"/?q=request%3AFOIL-2020-056-00123\">FOIL-2020-056-00123</a>"), page)
                XCTAssertTrue(page.contains("— <a href=\"/doc/00000000000000f1\">acknowledged</a></li>"), page)
            }
            try await client.execute(uri: "/api/requests", method: .get) { response in
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                XCTAssertEqual((json?["requests"] as? [[String: Any]])?.first?["records"] as? Int, 1)
            }
        }
    }

    /// The front page says what the last release brought, and each saved search's new matches.
    func testTheFrontPageSaysWhatTheLastReleaseBrought() async throws {
        let path = CorpusBinary.temporaryIndex()
        defer { try? FileManager.default.removeItem(atPath: path) }
        func release(_ ids: [String], vendor: String) throws {
            let writer = try IndexWriter(path: path)
            _ = try writer.beginRelease()
            try writer.add(ids.map { id in
                Record(id: id, kind: .email, subject: "Pilot", vendors: [vendor],
                       source: Source(path: "/nonexistent/\(id).eml", sha256: String(repeating: String(id.suffix(1)), count: 64)), text: "pilot")
            })
            try writer.endRelease(files: ids.count, records: ids.count)
            try writer.close()
        }
        try release(["00000000000000a1"], vendor: "Clearview AI")
        let watcher = try IndexWriter(path: path)
        try watcher.addWatch(Watch(name: "clearview", query: #"vendor:"Clearview AI""#))
        try watcher.close()
        try release(["00000000000000a2", "00000000000000a3"], vendor: "Clearview AI")
        let server = WebServer(index: try SearchIndex(path: path))
        try await Application(router: server.router()).test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                let page = String(buffer: response.body)
                XCTAssertTrue(page.contains("<b>New since release 1:</b> <a href=\"/?q=release%3A2\">2 records from 2 files</a> in release 2"), page)
                XCTAssertTrue(page.contains("clearview: <a href=\"/?q=%28vendor%3A%22Clearview%20AI%22%29%20release%3A2\">2 new</a>"), page)
            }
            try await client.execute(uri: "/?q=pilot", method: .get) { response in
                XCTAssertFalse(String(buffer: response.body).contains("New since release"), "on the front page only")
            }
        }
    }

    /// The timeline: a bar per month and series, the events below, each linked to its record,
    /// and a link back to its search; written to a file, it links nothing.
    func testTheTimelineHasBarsEventsAndTheWayBack() async throws {
        try await withApp { client in
            try await client.execute(uri: "/timeline?q=matched&by=agency", method: .get) { response in
                let page = String(buffer: response.body)
                XCTAssertTrue(page.contains("<a href=\"/?q=matched\">← back to the search</a>"), page)
                XCTAssertTrue(page.contains("<title>NYPD · Oct 2018: 1 record</title></rect>"), page)
                XCTAssertTrue(page.contains("text-anchor=\"middle\">Oct 2018</text>"), page)
                XCTAssertTrue(page.contains("<tr><td><time datetime=\"2018-10-18T16:40:00\""), "events dated as a reporter writes them")
                XCTAssertTrue(page.contains("<a href=\"/doc/\(Self.pdfID)\">\(Self.pdfID)</a>"), page)
            }
        }
        let file = try SearchIndex(path: Self.indexPath).timeline(query: "matched", by: .agency, interval: .month).html(title: "matched")
        XCTAssertFalse(file.contains("/doc/"))
        XCTAssertFalse(file.contains("back to the search"))
    }

    /// A page of a PDF inside a zip (as agencies send releases) is drawn from the member,
    /// as the loose PDF's page is.
    func testAPageOfAnArchiveMemberIsDrawnFromTheMember() async throws {
        let path = CorpusBinary.temporaryIndex()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let pdf = Sample.path("releases/NYPD_FOIL_2020-PL-00417_Part1.pdf")
        let zip = path + "-release.zip"
        defer { try? FileManager.default.removeItem(atPath: zip) }
        let zipping = try CorpusBinary.run(["-q", "-j", zip, pdf], executable: "/usr/bin/zip")
        XCTAssertEqual(zipping.status, 0, zipping.stderr)
        let writer = try IndexWriter(path: path)
        try writer.add([Record(id: Self.pdfID, kind: .email, subject: "Clearview demo today",
                               source: Source(path: zip, sha256: String(repeating: "f", count: 64), pages: 2...2,
                                              member: "!/NYPD_FOIL_2020-PL-00417_Part1.pdf"),
                               text: "The vendor matched two of our cold case photos.")])
        try writer.commit()
        try writer.close()
        let loose = try await withApp { client in
            try await client.execute(uri: "/doc/\(Self.pdfID)/page/2.png", method: .get) { Data(buffer: $0.body) }
        }
        let server = WebServer(index: try SearchIndex(path: path))
        try await Application(router: server.router()).test(.router) { client in
            try await client.execute(uri: "/doc/\(Self.pdfID)/page/2.png", method: .get) { response in
                XCTAssertEqual(response.status, .ok, String(buffer: response.body))
                XCTAssertEqual(Data(buffer: response.body), loose)
            }
        }
    }

    func testPageImagesAndExport() async throws {
        try await withApp { client in
            try await client.execute(uri: "/doc/\(Self.pdfID)/page/2.png", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertEqual(response.headers[.contentType], "image/png")
                XCTAssertEqual(Array(Data(buffer: response.body).prefix(4)), [0x89, 0x50, 0x4E, 0x47])
            }
            try await client.execute(uri: "/doc/\(Self.pdfID)", method: .get) { response in
                XCTAssertTrue(String(buffer: response.body).contains("<img src=\"/doc/\(Self.pdfID)/page/2.png\""))
                XCTAssertTrue(String(buffer: response.body).contains(
                    "<time datetime=\"2018-10-18T16:40:00\" title=\"2018-10-18T16:40:00 (no time zone given)\">Oct 18, 2018, 4:40 PM</time>"),
                              "dates as a reporter writes them")
            }
            try await client.execute(uri: "/export?q=kind%3Aemail", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertEqual(response.headers[.contentType], "application/zip")
                XCTAssertEqual(Array(Data(buffer: response.body).prefix(2)), Array("PK".utf8))
            }
        }
    }

    /// The reading room open while an ingest commits every 20 records, ten times while it
    /// answers: every request is answered, and the totals only grow.
    func testServingWhileAnIngestCommitsNeverErrors() async throws {
        let path = CorpusBinary.temporaryIndex()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try IndexWriter(path: path, batchSize: 20)
        try writer.add([Record(id: "0000000000000000", kind: .document, subject: "first", source: Source(path: "/r/0.pdf", sha256: "0"), text: "matched")])
        try writer.commit()
        let server = try WebServer(indexPath: path, readers: 2)
        try await Application(router: server.router()).test(.router) { client in
            let ingest = Task.detached {
                for n in 1...200 {
                    let id = String(format: "%016x", n)
                    try writer.add([Record(id: id, kind: .document, subject: "record \(n)", agencies: ["NYPD"],
                                           source: Source(path: "/r/\(n).pdf", sha256: id), text: "matched \(n)")])
                }
                try writer.commit()
            }
            var totals: [Int] = []
            for _ in 0..<150 {
                let total = try await client.execute(uri: "/api/search?q=matched&limit=50", method: .get) { response -> Int? in
                    XCTAssertEqual(response.status, .ok, String(buffer: response.body))
                    return (try? JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])?["total"] as? Int
                }
                totals.append(try XCTUnwrap(total))
            }
            try await ingest.value
            XCTAssertEqual(totals, totals.sorted(), "a search never sees fewer records than the one before")
        }
        try writer.close()
    }

    func testSeveralReadHandlesAnswerConcurrentRequestsAlike() async throws {
        let server = try WebServer(indexPath: Self.indexPath, readers: 3)
        try await Application(router: server.router()).test(.router) { client in
            try await withThrowingTaskGroup(of: Int?.self) { group in
                for _ in 0..<30 {
                    group.addTask {
                        try await client.execute(uri: "/api/search?q=matched", method: .get) { response in
                            XCTAssertEqual(response.status, .ok)
                            return (try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])?["total"] as? Int
                        }
                    }
                }
                for try await total in group { XCTAssertEqual(total, 2) }
            }
        }
    }

    func testTheLiveServerAnswersOnLoopback() async throws {
        let server = WebServer(index: try SearchIndex(path: Self.indexPath))
        try await Application(router: server.router(), configuration: .init(address: .hostname("127.0.0.1", port: 0))).test(.live) { client in
            try await client.execute(uri: "/api/search?q=cold", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                XCTAssertEqual(json?["total"] as? Int, 1)
            }
        }
    }

    func testAFacetValueHoldingAQuoteMarkLinksToItsRecords() async throws {
        try await withApp { client in
            let link = try await client.execute(uri: "/?q=tip", method: .get) { response -> String in
                let page = String(buffer: response.body)
                XCTAssertTrue(page.contains("2 matches"), "the reply's print is the reply, counted once")
                XCTAssertTrue(page.contains("re.eml (and 1 other file)"), page)
                let found = try XCTUnwrap(page.range(of: #"href="(/\?q=tip%20from[^"]*)""#, options: .regularExpression))
                return String(page[found].dropFirst(6).dropLast())
            }
            try await client.execute(uri: link.replacingOccurrences(of: "&amp;", with: "&"), method: .get) { response in
                XCTAssertEqual(response.status, .ok, link)
                XCTAssertTrue(String(buffer: response.body).contains("1 match"), link)
            }
        }
    }

    /// A record's page shows its conversation: each message under the one it answers,
    /// linked (this one marked), a message not released named; a lone record shows none.
    /// Reached from a search, a record's page marks the words matched in its whole text, line
    /// breaks and escaping kept; words of other fields, or a query that misses the record, mark nothing.
    func testARecordsPageMarksTheWordsTheSearchMatched() async throws {
        try await withApp { client in
            try await client.execute(uri: "/doc/\(Self.hostileID)?q=matched+invoice", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                let page = String(buffer: response.body)
                XCTAssertTrue(page.contains("<pre><mark id=\"match\">matched</mark> &lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;"), page)
                XCTAssertTrue(page.contains("&lt;/style&gt; <mark>invoice</mark>[U+202E]fdp.exe</pre>"), page)
                XCTAssertTrue(page.contains("<a href=\"#match\">go to the first</a>"))
                XCTAssertFalse(page.contains("<script>alert"))
            }
            try await client.execute(uri: "/doc/\(Self.quotedID)?q=tip+squad", method: .get) { response in
                XCTAssertTrue(String(buffer: response.body).contains("<pre>A <mark id=\"match\">tip</mark> about the <mark>squad</mark>.</pre>"))
            }
            for uri in ["/doc/\(Self.quotedID)?q=cold", "/doc/\(Self.quotedID)?q=from%3Ajane", "/doc/\(Self.quotedID)?q=%22unclosed", "/doc/\(Self.quotedID)"] {
                try await client.execute(uri: uri, method: .get) { response in
                    XCTAssertEqual(response.status, .ok, uri)
                    XCTAssertTrue(String(buffer: response.body).contains("<pre>A tip about the squad.</pre>"), uri)
                }
            }
        }
    }

    func testARecordsPageShowsItsThread() async throws {
        try await withApp { client in
            try await client.execute(uri: "/doc/\(Self.replyID)", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                let page = String(buffer: response.body)
                let thread = try XCTUnwrap(page.range(of: "<div class=\"thread\">").map { String(page[$0.lowerBound...]) })
                XCTAssertTrue(thread.hasPrefix("<div class=\"thread\"><ul><li><i>not released: &lt;first@mail.example&gt;"), thread)
                XCTAssertTrue(thread.contains("<ul><li><a href=\"/doc/\(Self.quotedID)\">undated · Jane &quot;JJ Doe · A tip</a><ul><li><b>"), thread)
                XCTAssertTrue(thread.contains("Re: &lt;i&gt;A tip&lt;/i&gt;</b>"), "escaped, and marked as the page's own")
                XCTAssertTrue(page.contains("<tr><td><b>Also in</b></td><td>/nonexistent/re-print.pdf · p. 1</td></tr>"), page)
                let threadID = try XCTUnwrap(try SearchIndex(path: Self.indexPath).record(id: Self.replyID).thread)
                XCTAssertTrue(page.contains("<a href=\"/export?q=thread%3A\(threadID)\">export this thread (zip)</a>"), page)
            }
            try await client.execute(uri: "/doc/\(Self.pdfID)", method: .get) { response in
                XCTAssertFalse(String(buffer: response.body).contains("class=\"thread\""))
            }
        }
    }

    func testThePagerStepsByTheLimitAskedFor() async throws {
        try await withApp { client in
            try await client.execute(uri: "/?q=matched&limit=1", method: .get) { response in
                let page = String(buffer: response.body)
                XCTAssertEqual(page.components(separatedBy: "<div class=\"hit\">").count - 1, 1)
                XCTAssertTrue(page.contains("offset=1&amp;limit=1") || page.contains("offset=1&limit=1"), page)
            }
        }
    }

    func testTwoFirstRequestsForOnePageImageBothGetIt() async throws {
        let server = WebServer(index: try SearchIndex(path: Self.indexPath))
        try? FileManager.default.removeItem(at: server.pageImages.folder)
        try await Application(router: server.router()).test(.router) { client in
            try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        try await client.execute(uri: "/doc/\(Self.pdfID)/page/2.png", method: .get) { $0.status }
                    }
                }
                for try await status in group { XCTAssertEqual(status, .ok) }
            }
        }
    }

    func testDatesAsAReporterWritesThem() {
        XCTAssertEqual(HTML.date(RecordDate(iso: "2019-09-30T12:05:00-04:00")),
                       "<time datetime=\"2019-09-30T12:05:00-04:00\" title=\"2019-09-30T12:05:00-04:00 (UTC−04:00)\">Sep 30, 2019, 12:05 PM</time>")
        XCTAssertTrue(HTML.date(RecordDate(iso: "2020-01-02T00:30:00+05:30")).hasSuffix(">Jan 2, 2020, 12:30 AM</time>"))
        XCTAssertTrue(HTML.date(RecordDate(iso: "2020-01-02")).hasSuffix(">Jan 2, 2020</time>"), "a day without a time")
        XCTAssertEqual(HTML.date(nil), "undated")
    }
}
