import Foundation
import TestSupport
import XCTest

/// One release ingested into one index, and as four shards (`ingest --shard K/4`) served by
/// four xapian-tcpsrv on loopback and read through a stub: the same answers, field by field;
/// a shard that is down or silent is named within the timeout, or left out on request.
final class ShardTests: XCTestCase {
    static let root = FileManager.default.temporaryDirectory.appendingPathComponent("shards-\(UUID())")
    static let single = root.appendingPathComponent("single").path
    static let shards = (1...4).map { root.appendingPathComponent("shard\($0)").path }
    static let stub = root.appendingPathComponent("remote.stub").path
    static let script = Sample.packageRoot.appendingPathComponent("scripts/shard-servers.sh").path

    /// The sample (release 1) and a layout-randomised release (release 2), both ways.
    static let built: Result<Void, Error> = Result {
        let generated = root.appendingPathComponent("generated")
        let generator = try CorpusBinary.run([Sample.packageRoot.appendingPathComponent("accuracy/generate.py").path, "--out", generated.path,
                                              "--seeds", "1000-1003", "--max-scans", "1", "--jobs", "1"], executable: "/usr/bin/python3")
        guard generator.status == 0 else { throw Failure("generate.py: \(generator.stderr)") }
        try FileManager.default.moveItem(at: generated.appendingPathComponent("truth.json"), to: root.appendingPathComponent("truth.json"))
        let sample = ["releases", "email", "documents"].map { Sample.path($0) }
        for release in [sample, [generated.path]] {
            for (index, shard) in [(single, nil)] + shards.enumerated().map({ ($1, "\($0 + 1)/4") }) {
                let ingest = try CorpusBinary.run(["ingest", "--index", index] + (shard.map { ["--shard", $0] } ?? []) + release)
                guard ingest.status == 0 else { throw Failure("ingest \(shard ?? "single"): \(ingest.stderr)") }
            }
        }
        // (As a newsroom would: joined where the folders are, then served.)
        let local = root.appendingPathComponent("local.stub")
        try Data(shards.map { "auto \($0)\n" }.joined().utf8).write(to: local)
        let joined = try CorpusBinary.run(["shards", "join", "--index", local.path])
        guard joined.status == 0 else { throw Failure("shards join: \(joined.stderr)") }
        let started = try CorpusBinary.run(["start", stub] + shards, executable: script)
        guard started.status == 0 else { throw Failure("shard-servers.sh: \(started.stderr)") }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    override class func tearDown() {
        _ = try? CorpusBinary.run(["stop", stub], executable: script)
        try? FileManager.default.removeItem(at: root)
    }

    override func setUp() async throws {
        try Self.built.get()
    }

    func json(_ arguments: [String], index: String) throws -> String {
        let result = try CorpusBinary.run(arguments + ["--index", index, "--json"])
        XCTAssertEqual(result.status, 0, "\(arguments) on \(index): \(result.stderr)")
        return result.stdout
    }

    /// Every field of the query language, each command that reads: byte for byte the same.
    func testFourRemoteShardsAnswerAsOneIndex() throws {
        let records = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(try json(["search", "", "--limit", "1000"], index: Self.single).utf8))
            as? [String: Any])?["hits"] as? [[String: Any]])
        XCTAssertGreaterThan(records.count, 100)
        // A conversation of several records, and one record's request number, from the single index.
        let threads = Dictionary(grouping: records.compactMap { $0["thread"] as? String }, by: { $0 })
        let thread = try XCTUnwrap(threads.max { $0.value.count < $1.value.count }?.key)
        XCTAssertGreaterThan(threads[thread]?.count ?? 0, 2)
        let queries = [
            "", "clearview", "\"trial accounts\"", "from:gmail.com", #"from:"Michael Reyes""#, "to:ice.dhs.gov", #"to:"Karen O'Neill""#,
            "subject:trial", "agency:NYPD", "agency:ICE OR agency:DHS", #"vendor:"Clearview AI""#, "vendor:cognitec", "kind:email",
            "kind:document", "date:2019", "date:2018-10..2019-02", "date:..2019-06-30", "file:Part2", "ocr:yes", "ocr:no",
            "thread:\(thread)", "inclusive:yes", "inclusive:no", "release:1", "release:2", "request:2020-PL-00417",
            "clearview -agency:NYPD", "(vendor:clearview OR vendor:cognitec) date:2019",
        ]
        for query in queries {
            // (In date order, records of one minute by id: the same order both ways; every match,
            // and a page of them, whose facets still count every match.)
            for limit in ["1000", "5"] {
                let arguments = ["search", query, "--sort", "date", "--limit", limit]
                let (sharded, single) = (try json(arguments, index: Self.stub), try json(arguments, index: Self.single))
                XCTAssertEqual(sharded, single, "search \(query) --limit \(limit): \(Self.difference(sharded, single))")
            }
            // By relevance the same matches, totals and facets (equal scores are in document order, which
            // differs; and Xapian picks snippets by weights a multi-database computes its own way).
            let ranked = ["search", query, "--limit", "1000"]
            XCTAssertEqual(try Self.unordered(try json(ranked, index: Self.stub)), try Self.unordered(try json(ranked, index: Self.single)), "search \(query) by relevance")
            XCTAssertEqual(try json(["timeline", query, "--by", "agency"], index: Self.stub), try json(["timeline", query, "--by", "agency"], index: Self.single),
                           "timeline \(query)")
        }
        for arguments in [["people", "vendor:clearview"], ["people", ""], ["requests"], ["stats"], ["thread", thread], ["show", records[7]["id"] as! String]] {
            XCTAssertEqual(try json(arguments, index: Self.stub), try json(arguments, index: Self.single), "\(arguments)")
        }
        let list = Self.root.appendingPathComponent("vendors.txt")
        try Data("Clearview AI\nCognitec\nvendor:\"Clearview AI\" from:gmail.com\n\"unclosed\n".utf8).write(to: list)
        XCTAssertEqual(try CorpusBinary.run(["batch", list.path, "--index", Self.stub, "--json"]).stdout,
                       try CorpusBinary.run(["batch", list.path, "--index", Self.single, "--json"]).stdout)
        for query in ["vendor:clearview", "release:2"] {
            var manifests: [String] = []
            for index in [Self.single, Self.stub] {
                let out = Self.root.appendingPathComponent("export-\(UUID())").path
                let export = try CorpusBinary.run(["export", query, "--index", index, "--out", out, "--format", "dir"])
                XCTAssertEqual(export.status, 0, export.stderr)
                manifests.append(try String(contentsOfFile: out + "/manifest.csv", encoding: .utf8))
            }
            XCTAssertEqual(manifests[0], manifests[1], "export \(query)")
            XCTAssertGreaterThan(manifests[0].split(whereSeparator: \.isNewline).count, 5)
        }
    }

    /// A search's answer with its hits as a set.
    static func unordered(_ json: String) throws -> NSDictionary {
        let answer = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        var unordered = answer
        unordered["hits"] = NSSet(array: (answer["hits"] as? [[String: Any]] ?? []).map { hit in
            NSDictionary(dictionary: hit.filter { $0.key != "snippet" })
        })
        return NSDictionary(dictionary: unordered)
    }

    /// Where two search answers part: totals, the first hit that differs, facets.
    static func difference(_ a: String, _ b: String) -> String {
        guard let x = try? JSONSerialization.jsonObject(with: Data(a.utf8)) as? [String: Any],
              let y = try? JSONSerialization.jsonObject(with: Data(b.utf8)) as? [String: Any] else { return "not JSON" }
        let (hx, hy) = (x["hits"] as? [[String: Any]] ?? [], y["hits"] as? [[String: Any]] ?? [])
        var notes = ["totals \(x["total"] ?? "") and \(y["total"] ?? "")"]
        if let i = Array(zip(hx, hy)).firstIndex(where: { NSDictionary(dictionary: $0) != NSDictionary(dictionary: $1) }) {
            notes.append("hit \(i): \(hx[i]["id"] ?? "") and \(hy[i]["id"] ?? "")")
        }
        if NSDictionary(dictionary: x["facets"] as? [String: Any] ?? [:]) != NSDictionary(dictionary: y["facets"] as? [String: Any] ?? [:]) { notes.append("facets differ") }
        return notes.joined(separator: "; ")
    }

    /// The same shards on this machine, listed in Xapian's own stub folder (`XAPIANDB`):
    /// the same answers; and a list of shards is read only.
    func testLocalShardsInAStubFolderAndNoWritingThroughIt() throws {
        let folder = Self.root.appendingPathComponent("local-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(Self.shards.map { "auto \($0)\n" }.joined().utf8).write(to: folder.appendingPathComponent("XAPIANDB"))
        let arguments = ["search", "vendor:clearview", "--sort", "date", "--limit", "1000"]
        XCTAssertEqual(try json(arguments, index: folder.path), try json(arguments, index: Self.single))
        let ingest = try CorpusBinary.run(["ingest", "--index", folder.path, Sample.path("email")])
        XCTAssertEqual(ingest.status, 1)
        XCTAssertTrue(ingest.stderr.contains("lists shards, read together but not written through"), ingest.stderr)
        let watch = try CorpusBinary.run(["watch", "add", "clearview", "vendor:clearview", "--index", folder.path])
        XCTAssertEqual(watch.status, 1)
        XCTAssertTrue(watch.stderr.contains("lists shards"), watch.stderr)
    }

    /// An email printed in two PDFs, one on each of two shards, beside a reply that quotes it:
    /// apart, the shards hold it twice and thread it once; joined (`corpus shards join`),
    /// read through a stub of the folders and served by xapian-tcpsrv, as one index.
    func testAnEmailPrintedInTwoPDFsOnTwoShardsIsOneMessageOnceJoined() throws {
        let folder = Self.root.appendingPathComponent("join-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let email = ["From: Lopez, Anne <anne@nypd.org>", "Sent: Tuesday, December 4, 2018 10:32 AM", "To: Sales <sales@clearview.ai>",
                     "Subject: Trial accounts", "", "The Clearview trial accounts for the", "Real Time Crime Center are ready."]
        let reply = ["From: Sales <sales@clearview.ai>", "Sent: Tuesday, December 4, 2018 2:05 PM", "To: Lopez, Anne <anne@nypd.org>",
                     "Subject: RE: Trial accounts", "", "Thank you, we will set them up today.", ""] + email
        let (part1, part2) = (folder.appendingPathComponent("Part1.pdf").path, folder.appendingPathComponent("Part2.pdf").path)
        GeneratedPDF.write(pages: [email, ["From: Lopez, Anne <anne@nypd.org>", "Sent: Friday, December 7, 2018 9:00 AM", "To: desk@nypd.org",
                                           "Subject: Budget", "", "The invoice is attached."]], to: part1)
        GeneratedPDF.write(pages: [reply, email], to: part2)
        let single = folder.appendingPathComponent("single").path
        XCTAssertEqual(try CorpusBinary.run(["ingest", "--index", single, part1, part2]).status, 0)
        for (shard, file) in [("a", part1), ("b", part2)] {
            let ingest = try CorpusBinary.run(["ingest", "--index", folder.appendingPathComponent(shard).path, file])
            XCTAssertEqual(ingest.status, 0, ingest.stderr)
        }
        let stub = folder.appendingPathComponent("local.stub").path
        try Data("auto a\nauto b\n".utf8).write(to: URL(fileURLWithPath: stub))
        let search = ["search", "", "--sort", "date", "--limit", "100"]
        let expected = try json(search, index: single)
        let hits = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(expected.utf8)) as? [String: Any])?["hits"] as? [[String: Any]])
        XCTAssertEqual(hits.count, 3, expected)
        let original = try XCTUnwrap(hits.first { $0["subject"] as? String == "Trial accounts" })
        XCTAssertEqual(original["duplicates"] as? Int, 1, expected)
        XCTAssertEqual(original["inclusive"] as? Bool, false, "quoted whole by the reply")
        XCTAssertNotEqual(try json(search, index: stub), expected, "two shards apart")

        let joined = try CorpusBinary.run(["shards", "join", "--index", stub])
        XCTAssertEqual(joined.status, 0, joined.stderr)
        XCTAssertTrue(joined.stdout.contains("1 record(s) now a copy of the same email found in another shard"), joined.stdout)
        let id = try XCTUnwrap(original["id"] as? String)
        let served = folder.appendingPathComponent("remote.stub").path
        let started = try CorpusBinary.run(["start", served, folder.appendingPathComponent("a").path, folder.appendingPathComponent("b").path],
                                           executable: Self.script)
        XCTAssertEqual(started.status, 0, started.stderr)
        defer { _ = try? CorpusBinary.run(["stop", served], executable: Self.script) }
        for index in [stub, served] {
            let answer = try json(search, index: index)
            XCTAssertEqual(answer, expected, "\(index): \(Self.difference(answer, expected))")
            for arguments in [["thread", id], ["show", id], ["stats"], ["search", "inclusive:no"], ["people", ""]] {
                XCTAssertEqual(try json(arguments, index: index), try json(arguments, index: single), "\(arguments) over \(index)")
            }
        }
        XCTAssertEqual(try CorpusBinary.run(["shards", "join", "--index", stub]).stdout, "Nothing to join: the 2 shards agree.\n")
        let remote = try CorpusBinary.run(["shards", "join", "--index", served])
        XCTAssertEqual(remote.status, 1)
        XCTAssertTrue(remote.stderr.contains("lists a remote shard (127.0.0.1:"), remote.stderr)
    }

    /// A shard server that is down, and one that accepts and never answers: the error
    /// names it, within --shard-timeout; with --allow-partial the others answer, marked.
    func testAShardDownOrSilentIsNamed() throws {
        let lines = try String(contentsOfFile: Self.stub, encoding: .utf8).split(separator: "\n").map(String.init)
        // A port nothing listens on (taken and let go), and a listener that never speaks.
        let down = "remote 127.0.0.1:\(try freePort())"
        let silent = try SilentListener()
        defer { silent.stop() }
        for (name, line) in [("down", down), ("silent", "remote 127.0.0.1:\(silent.port)")] {
            let stub = Self.root.appendingPathComponent("\(name).stub").path
            try Data((lines.prefix(3) + [line]).joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: stub))
            // (Under timeout(1): a hang fails the test instead of stopping it.)
            let failed = try CorpusBinary.run(["60", CorpusBinary.path, "search", "clearview", "--index", stub, "--shard-timeout", "2"],
                                              executable: "/usr/bin/timeout")
            XCTAssertEqual(failed.status, 1, "\(name): \(failed.stderr)")
            XCTAssertTrue(failed.stderr.contains("shard \(line.dropFirst("remote ".count))"), "\(name): \(failed.stderr)")

            let partial = try CorpusBinary.run(["60", CorpusBinary.path, "search", "clearview", "--index", stub, "--shard-timeout", "2",
                                                "--allow-partial", "--json"], executable: "/usr/bin/timeout")
            XCTAssertEqual(partial.status, 0, "\(name): \(partial.stderr)")
            let answer = try XCTUnwrap(partial.json as? [String: Any], partial.stdout)
            let missing = answer["missing_shards"] as? [String] ?? []
            XCTAssertEqual(missing.count, 1)
            XCTAssertTrue(missing.first?.hasPrefix(String(line.dropFirst("remote ".count))) == true, "\(missing)")
            XCTAssertTrue(partial.stderr.contains("partial answer"), partial.stderr)
            let three = Self.root.appendingPathComponent("three.stub").path
            try Data(lines.prefix(3).joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: three))
            let expected = try XCTUnwrap(try CorpusBinary.run(["search", "clearview", "--index", three, "--json"]).json as? [String: Any])
            XCTAssertEqual(answer["total"] as? Int, expected["total"] as? Int)
        }
    }

    /// The reading room over four remote shards: a shard server killed while it serves makes
    /// the next request a 503 naming that shard, within --shard-timeout, not a hang; started
    /// again, it answers again.
    func testAShardKilledWhileServingIsNamed() throws {
        let stub = Self.root.appendingPathComponent("killed.stub").path
        let started = try CorpusBinary.run(["start", stub] + Self.shards, executable: Self.script)
        XCTAssertEqual(started.status, 0, started.stderr)
        defer { _ = try? CorpusBinary.run(["stop", stub], executable: Self.script) }
        let port = try freePort()
        let log = Self.root.appendingPathComponent("serve-\(UUID()).log")
        XCTAssertTrue(FileManager.default.createFile(atPath: log.path, contents: nil), log.path)
        let server = Process()
        server.executableURL = URL(fileURLWithPath: CorpusBinary.path)
        server.arguments = ["serve", "--index", stub, "--port", "\(port)", "--shard-timeout", "2"]
        server.standardError = try FileHandle(forWritingTo: log)
        server.standardOutput = FileHandle.nullDevice
        try server.run()
        defer { server.terminate(); server.waitUntilExit() }
        for _ in 0..<100 where !((try? String(contentsOf: log, encoding: .utf8))?.contains("serving") ?? false) { usleep(100_000) }

        let url = "http://127.0.0.1:\(port)/api/search?q=clearview"
        XCTAssertEqual(try fetch(url).status, 200)
        let victim = try XCTUnwrap(try String(contentsOfFile: stub + ".pids", encoding: .utf8).split(separator: "\n").first)
        let address = try XCTUnwrap(try String(contentsOfFile: stub, encoding: .utf8).split(separator: "\n").first).dropFirst("remote ".count)
        // (xapian-tcpsrv forks a process per connection: the server is those and the listener.)
        for process in try Self.children(of: pid_t(victim)!) + [pid_t(victim)!] { kill(process, SIGKILL) }
        let after = try fetch(url)
        XCTAssertEqual(after.status, 503, after.body)
        XCTAssertTrue(after.body.contains("shard \(address)"), after.body)

        let parts = address.split(separator: ":")
        let shard = Self.shards[0]
        let again = Process()
        again.executableURL = URL(fileURLWithPath: "/usr/bin/xapian-tcpsrv")
        again.arguments = ["--quiet", "--interface", String(parts[0]), "--port", String(parts[1]), shard]
        again.standardOutput = FileHandle.nullDevice
        try again.run()
        defer { for process in ((try? Self.children(of: again.processIdentifier)) ?? []) + [again.processIdentifier] { kill(process, SIGKILL) } }
        var status = 0
        for _ in 0..<50 where status != 200 {
            usleep(200_000)
            status = try fetch(url).status
        }
        XCTAssertEqual(status, 200, "the shard answers again")
    }

    /// The processes whose parent is `pid`, from /proc.
    static func children(of pid: pid_t) throws -> [pid_t] {
        try FileManager.default.contentsOfDirectory(atPath: "/proc").compactMap { entry -> pid_t? in
            guard let child = pid_t(entry), let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return nil }
            // (After the command's closing parenthesis: state, then the parent's id.)
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 1 && pid_t(fields[1]) == pid ? child : nil
        }
    }

    /// An HTTP GET through Python's urllib (under timeout(1)): the status and the body.
    private func fetch(_ url: String) throws -> (status: Int, body: String) {
        let script = """
            import sys, urllib.request, urllib.error
            try:
                r = urllib.request.urlopen(sys.argv[1], timeout=30); print(r.status); print(r.read().decode())
            except urllib.error.HTTPError as e:
                print(e.code); print(e.read().decode())
            """
        let result = try CorpusBinary.run(["60", "/usr/bin/python3", "-c", script, url], executable: "/usr/bin/timeout")
        let lines = result.stdout.split(separator: "\n", maxSplits: 1).map(String.init)
        return (Int(lines.first ?? "") ?? -1, lines.count > 1 ? lines[1] : result.stderr)
    }

    private func freePort() throws -> Int {
        let result = try CorpusBinary.run(["-c", "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"],
                                          executable: "/usr/bin/python3")
        return try XCTUnwrap(Int(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
    }
}

/// A TCP listener on loopback that accepts connections and never answers (a shard server
/// that hangs), in a Python process of its own.
private final class SilentListener {
    let process = Process()
    let port: Int

    init() throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", """
            import socket, sys, time
            s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(8)
            print(s.getsockname()[1], flush=True)
            held = []
            while True:
                c, _ = s.accept(); held.append(c)
            """]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let byte = out.fileHandleForReading.readData(ofLength: 1)
            guard !byte.isEmpty else { break }
            line.append(byte)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            process.terminate()
            throw CocoaError(.fileReadCorruptFile)
        }
        self.port = port
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }
}
