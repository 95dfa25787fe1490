import Ingest
@testable import Search
import XCTest

/// The Xapian bridge through the index: records in, queries out, exact counts.
final class IndexTests: XCTestCase {
    var path: String!

    override func setUp() {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("index-\(UUID())").path
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: path)
    }

    func record(_ n: Int, text: String, from: String, vendors: [String], agencies: [String] = ["NYPD"],
                date: String? = "2019-01-15T10:00:00") -> Record {
        Record(id: "r\(n)", kind: .email, subject: "Subject \(n)", from: Correspondent(name: "Person \(n)", address: from),
               to: [Correspondent(name: "Jessica Moore", address: "jessica.moore@clearview.ai")],
               date: date.flatMap(RecordDate.init(iso:)), agencies: agencies, vendors: vendors,
               source: Source(path: "/tmp/file\(n).eml", sha256: "sha\(n)"), text: text)
    }

    /// A stored record kept by its bytes is the record they hold: the same bytes, the same
    /// record; a record written again, changed, reads as changed; a long one as well.
    func testKeptRecordsAreWhatTheirBytesHold() throws {
        var stored = record(1, text: "Pilot.", from: "a@nypd.org", vendors: [])
        func kept(_ record: Record) throws -> Data {
            try RecordCoding.encoder.encode(RecordCoding.keptRecord(from: RecordCoding.encoder.encode(record)))
        }
        XCTAssertEqual(try kept(stored), try RecordCoding.encoder.encode(stored))
        stored.thread = "7376d36ff06d71a7"
        stored.quotedIn = ["r2"]
        XCTAssertEqual(try kept(stored), try RecordCoding.encoder.encode(stored))
        stored.text = String(repeating: "A long release. ", count: 4000)
        XCTAssertEqual(try kept(stored), try RecordCoding.encoder.encode(stored))
        XCTAssertThrowsError(try RecordCoding.keptRecord(from: Data("{".utf8)))
    }

    func write(_ records: [Record]) throws {
        let writer = try IndexWriter(path: path)
        try writer.add(records)
        try writer.commit()
    }

    func testAddThenQueryWithPhrasesFieldsAndExactMultiValuedFacets() throws {
        try write([
            record(1, text: "see if you can reach 100 searches", from: "hal@clearview.ai", vendors: ["Clearview AI"]),
            record(2, text: "the searches were reached", from: "k.walsh@gmail.com", vendors: ["Clearview AI", "DataWorks Plus"], date: "2019-03-01T09:00:00"),
            record(3, text: "annual maintenance renewal", from: "tbradley@dataworksplus.com", vendors: ["DataWorks Plus"], agencies: [], date: nil),
        ])
        let index = try SearchIndex(path: path)
        XCTAssertEqual(try index.recordCount, 3)

        let phrase = try index.search(SearchRequest(query: "\"reach 100 searches\""))
        XCTAssertEqual(phrase.total, 1)
        XCTAssertEqual(phrase.hits.first?.id, "r1")

        // Stemming: "searching" finds "searches".
        XCTAssertEqual(try index.search(SearchRequest(query: "searching")).total, 2)

        let all = try index.search(SearchRequest(query: "", limit: 1))
        XCTAssertEqual(all.total, 3, "the total counts every match, not the page")
        XCTAssertEqual(all.hits.count, 1)
        XCTAssertEqual(all.facets["vendor"], [FacetCount(value: "Clearview AI", count: 2), FacetCount(value: "DataWorks Plus", count: 2)])
        XCTAssertEqual(all.facets["agency"], [FacetCount(value: "NYPD", count: 2)])
        XCTAssertEqual(Set(all.facets["year"]!.map(\.value)), ["2019"])

        XCTAssertEqual(try index.search(SearchRequest(query: "vendor:clearview")).total, 2, "an alias finds the vendor")
        XCTAssertEqual(try index.search(SearchRequest(query: "vendor:\"DataWorks Plus\" -from:gmail.com")).hits.map(\.id), ["r3"])
        XCTAssertEqual(try index.search(SearchRequest(query: "from:gmail.com")).hits.map(\.id), ["r2"])
        XCTAssertEqual(try index.search(SearchRequest(query: "from:hal@clearview.ai")).hits.map(\.id), ["r1"])
        XCTAssertEqual(try index.search(SearchRequest(query: "to:clearview.ai")).total, 3)
        XCTAssertEqual(try index.search(SearchRequest(query: "date:2019-02..")).hits.map(\.id), ["r2"])
        XCTAssertEqual(try index.search(SearchRequest(query: "date:..2019-01")).hits.map(\.id), ["r1"])
        XCTAssertEqual(try index.search(SearchRequest(query: "date:2019-01-15")).hits.map(\.id), ["r1"])
        XCTAssertEqual(try index.search(SearchRequest(query: "kind:email", sort: .date)).hits.map(\.id), ["r3", "r1", "r2"], "undated first")
        XCTAssertEqual(try index.search(SearchRequest(query: "kind:document")).total, 0)
    }

    /// from: and to: find a person by name however the name was printed, a message from a
    /// bare address by the full name it is signed with, and the address's other mail, signed
    /// or not; never on a first name's key alone.
    func testAPersonByNameHoweverPrinted() throws {
        func email(_ id: String, from: Correspondent, to: [Correspondent] = [], text: String = "the pilot") -> Record {
            Record(id: id, kind: .email, subject: "Pilot", from: from, to: to, source: Source(path: "/r/\(id).eml", sha256: id), text: text)
        }
        try write([
            email("titled", from: Correspondent(name: "Det. Michael Reyes", address: "michael.reyes@nypd.org")),
            email("turned", from: Correspondent(name: "Reyes, Michael", address: "mreyes@nypd.org")),
            email("signed", from: Correspondent(name: nil, address: "mreyes.nyc@gmail.com"), text: "From my phone.\n\nMichael Reyes"),
            email("other", from: Correspondent(name: "Michael Chen", address: "mchen@nypd.org")),
            email("names him", from: Correspondent(name: "Anna Fischer", address: "anna.fischer@cognitec.com"), text: "Please call\nMichael Reyes"),
            email("to him", from: Correspondent(name: "Jessica Moore", address: "jessica.moore@clearview.ai"),
                  to: [Correspondent(name: "Reyes, Michael", address: nil)]),
            email("unsigned", from: Correspondent(name: nil, address: "MReyes.NYC@gmail.com"), text: "ok"),
            email("to his gmail", from: Correspondent(name: "Jessica Moore", address: "jessica.moore@clearview.ai"),
                  to: [Correspondent(name: nil, address: "mreyes.nyc@gmail.com")]),
            email("chen's", from: Correspondent(name: nil, address: "mc.photos@gmail.com"), text: "Thanks\n\nMichael"),
        ])
        let index = try SearchIndex(path: path)
        func ids(_ query: String) throws -> Set<String> { Set(try index.search(SearchRequest(query: query, limit: 20)).hits.map(\.id)) }
        XCTAssertEqual(try ids(#"from:"Michael Reyes""#), ["titled", "turned", "signed", "unsigned"])
        XCTAssertEqual(try ids(#"from:"Det. Michael Reyes""#), ["titled", "turned", "signed", "unsigned"])
        XCTAssertEqual(try ids(#"to:"Michael Reyes""#), ["to him", "to his gmail"])
        XCTAssertEqual(try ids(#"from:"Michael Chen""#), ["other"])
        XCTAssertEqual(try ids("from:michael"), ["titled", "turned", "signed", "other"], "a first name: its words, as printed")
    }

    /// A record's whole text with the words a query matched marked, as the reading room shows
    /// it: every line and character kept, stems matched, nothing for a query that misses it.
    func testTheWholeTextWithTheMatchedWordsMarked() throws {
        let text = "Hi Jess,\n\n  Are the trial accounts ready? <b>Q&A</b>\n> On Monday you wrote: the account\n"
        let record = Record(id: "marked", kind: .email, subject: "Trial", source: Source(path: "/r/m.eml", sha256: "m"), text: text)
        try write([record])
        let index = try SearchIndex(path: path)
        XCTAssertEqual(try index.highlighted(record, query: "account", highlight: ("[", "]")),
                       "Hi Jess,\n\n  Are the trial [accounts] ready? <b>Q&A</b>\n> On Monday you wrote: the [account]\n")
        XCTAssertNil(try index.highlighted(record, query: "invoice", highlight: ("[", "]")))
        XCTAssertNil(try index.highlighted(record, query: "subject:trial", highlight: ("[", "]")), "no word of the text")
    }

    /// Each field of the query table finds the record that holds what it names, and only
    /// that record: the table is what the document is indexed by.
    func testEveryFieldOfTheTableFindsTheRecordThatHoldsIt() throws {
        var held = Record(
            id: "held", kind: .email, subject: "Trial accounts for the unit",
            from: Correspondent(name: "Records Desk", address: "records@nypd.org"),
            to: [Correspondent(name: "Hal Lambert", address: "hal@clearview.ai")], cc: [Correspondent(name: nil, address: "ero@ice.dhs.gov")],
            date: RecordDate(iso: "2019-05-02T10:00:00"), agencies: ["NYPD"], vendors: ["Clearview AI"],
            source: Source(path: "/r/release-part1.pdf", sha256: "s1", pages: 2...3), ocr: true, text: "the accounts work")
        held.sender = Correspondent(name: "Jane Doe", address: nil)
        held.quotedIn = ["a later reply"]
        held.release = 3
        held.requests = ["FOIL-2019-056-14551"]
        let other = Record(id: "other", kind: .document, subject: "Minutes", date: RecordDate(iso: "2017-01-01T00:00:00"),
                           source: Source(path: "/r/minutes.txt", sha256: "s2"), text: "the accounts of the meeting")
        try write([held, other])
        let queries: [String: [String]] = [
            "from": ["from:\"records desk\"", "from:nypd.org", "from:\"Jane Doe\""],
            "to": ["to:lambert", "to:ice.dhs.gov", "to:hal@clearview.ai"],
            "subject": ["subject:\"trial accounts\""],
            "agency": ["agency:NYPD", "agency:\"New York City Police Department\""],
            "vendor": ["vendor:\"Clearview AI\""],
            "kind": ["kind:email"],
            "date": ["date:2019-05", "date:2019-05-02..2019-05-02"],
            "file": ["file:part1", "file:release-part1.pdf"],
            "ocr": ["ocr:yes"],
            "thread": ["thread:held"],
            "inclusive": ["inclusive:no"],
            "release": ["release:3"],
            "request": ["request:FOIL-2019-056-14551", "request:foil-2019-056-14551", "request:2019-056-14551"],
        ]
        XCTAssertEqual(Set(queries.keys), Set(QueryField.all.map(\.name)), "a query for every field of the table")
        let index = try SearchIndex(path: path)
        for query in queries.values.joined() {
            XCTAssertEqual(try index.search(SearchRequest(query: query)).hits.map(\.id), ["held"], query)
        }
        XCTAssertEqual(try index.search(SearchRequest(query: "accounts")).total, 2)
        // A subject's words inflect: one form finds the others. Names are matched word for
        // word, in any case.
        XCTAssertEqual(try index.search(SearchRequest(query: "subject:account")).hits.map(\.id), ["held"])
        XCTAssertEqual(try index.search(SearchRequest(query: "agency:nypd to:Lambert vendor:clearview")).hits.map(\.id), ["held"])
        XCTAssertEqual(try index.search(SearchRequest(query: "vendor:clearviews")).total, 0)
    }

    /// A record's place prints as the contract shows it: pages as `[first, last]`, `null`
    /// for a file without pages; a range whose last page comes first is refused.
    func testASourcesPagesArePrintedAsFirstAndLast() throws {
        func json(_ source: Source) throws -> String { String(decoding: try RecordCoding.encoder.encode(source), as: UTF8.self) }
        XCTAssertEqual(try json(Source(path: "/r/a.pdf", sha256: "s", pages: 3...4)), #"{"pages":[3,4],"path":"/r/a.pdf","sha256":"s"}"#)
        XCTAssertEqual(try json(Source(path: "/r/a.txt", sha256: "s", lines: 7...19)), #"{"lines":[7,19],"pages":null,"path":"/r/a.txt","sha256":"s"}"#)
        let read = try RecordCoding.decoder.decode(Source.self, from: Data(#"{"pages":[5,5],"path":"p","sha256":"s"}"#.utf8))
        XCTAssertEqual(read.pages, 5...5)
        XCTAssertThrowsError(try RecordCoding.decoder.decode(Source.self, from: Data(#"{"pages":[6,5],"path":"p","sha256":"s"}"#.utf8)))
    }

    /// The CLI, the reading room and the timeline print a place and a person one way.
    func testPlacesAndPeopleHaveOnePrintedForm() {
        XCTAssertEqual(Source(path: "a.pdf", sha256: "s", pages: 3...4).rangeLabel, "pp. 3–4")
        XCTAssertEqual(Source(path: "a.pdf", sha256: "s", pages: 5...5).rangeLabel, "p. 5")
        XCTAssertEqual(Source(path: "a.txt", sha256: "s", lines: 7...19).rangeLabel, "lines 7–19")
        XCTAssertNil(Source(path: "a.eml", sha256: "s").rangeLabel)
        XCTAssertEqual(Correspondent(name: "Jane Doe", address: "JDoe@nypd.org").description, "Jane Doe <jdoe@nypd.org>")
        XCTAssertEqual(Correspondent(name: nil, address: "jdoe@nypd.org").description, "jdoe@nypd.org")
        XCTAssertEqual(Correspondent(name: "Det. Jane Doe", address: nil).description, "Det. Jane Doe")
        XCTAssertEqual(Correspondent(name: " ", address: nil).description, "?")
    }

    func testEveryMatchIsWalkedOnceInDateOrder() throws {
        // More records than a page of results, dated out of order, half of them matching.
        let records = (0..<1_500).map { (n: Int) -> Record in
            let date = String(format: "2019-%02d-%02dT10:%02d:00", 1 + (n * 7) % 12, 1 + (n * 13) % 28, n % 60)
            return record(n, text: n % 2 == 0 ? "ledger" : "other", from: "p\(n)@nypd.org", vendors: [], date: date)
        }
        try write(records)
        let index = try SearchIndex(path: path)
        for sort in [SearchSort.date, .dateDescending] {
            var walked: [Record] = []
            try index.forEachRecord(matching: "ledger", sort: sort) { walked.append($0) }
            XCTAssertEqual(walked.count, 750)
            XCTAssertEqual(Set(walked.map(\.id)).count, 750, "each match once")
            let keys = walked.map { $0.date!.sortKey }
            XCTAssertEqual(keys, sort == .date ? keys.sorted() : keys.sorted(by: >))
        }
    }

    func testSnippetsHighlightTheMatchingWords() throws {
        try write([record(1, text: "Please keep running the vendor tool on active cases where we have a probe image.",
                          from: "a@nypd.org", vendors: [])])
        let hit = try SearchIndex(path: path).search(SearchRequest(query: "probe", highlight: ("[", "]"))).hits[0]
        XCTAssertTrue(hit.snippet.contains("[probe]"), hit.snippet)
    }

    func testSnippetsAreOneLineWithTheirSpacesCollapsed() throws {
        try write([record(1, text: "  Please\tkeep \r\n running\u{0B}the\u{0C}vendor   tool & <b>\n\n", from: "a@nypd.org", vendors: []),
                   record(2, text: "Bitte\u{00A0}weiter\u{2003}mit dem Werkzeug\u{2028}arbeiten \u{301}café\n", from: "b@nypd.org", vendors: []),
                   record(3, text: "Ein\u{00A0}Gerät\u{2003}fuer Gesichter\u{3000}\u{3000}heute…", from: "c@nypd.org", vendors: [])])
        let index = try SearchIndex(path: path)
        XCTAssertEqual(try index.search(SearchRequest(query: "vendor")).hits.map(\.snippet), ["Please keep running the vendor tool & <b>"])
        XCTAssertEqual(try index.search(SearchRequest(query: "werkzeug")).hits.map(\.snippet), ["Bitte weiter mit dem Werkzeug arbeiten café"])
        XCTAssertEqual(try index.search(SearchRequest(query: "gesichter")).hits.map(\.snippet), ["Ein Gerät fuer Gesichter heute…"])
    }

    /// Text that holds entities itself (an HTML body kept as source, a forwarded page) is
    /// quoted as it is, marked or not, whole or cut: Xapian escapes a snippet it cuts or
    /// puts marks in, and hands back a short unmarked one as it is.
    /// The whole text keeps what follows its last word, which Xapian's snippet leaves out.
    func testSnippetsQuoteEntitiesInTheTextAsWritten() throws {
        let text = "Smith & Jones wrote &amp; said &quot;hello&quot; it's <b> budget &lt; end &#39;x&#39; end"
        try write([record(1, text: text, from: "a@nypd.org", vendors: [])])
        let index = try SearchIndex(path: path)
        XCTAssertEqual(try index.search(SearchRequest(query: "smith")).hits.map(\.snippet), [text])
        XCTAssertEqual(try index.search(SearchRequest(query: "smith", highlight: ("[", "]"))).hits.map(\.snippet),
                       [text.replacingOccurrences(of: "Smith", with: "[Smith]")])
        let record = try index.record(id: try index.search(SearchRequest(query: "smith")).hits[0].id)
        XCTAssertEqual(try index.highlighted(record, query: "budget", highlight: ("<mark>", "</mark>")),
                       text.replacingOccurrences(of: "budget", with: "<mark>budget</mark>"))
        let ending = Record(id: "ending", kind: .email, subject: "Q", source: Source(path: "/r/q.eml", sha256: "q"), text: "Is the budget <i>final</i>?\n")
        try write([ending])
        XCTAssertEqual(try SearchIndex(path: path).highlighted(ending, query: "budget", highlight: ("[", "]")), "Is the [budget] <i>final</i>?\n")

        let header = "To: Reyes, Michael <michael.reyes@nypd.org> & Smythe &amp; Co <b> &lt;x&gt; rfc822 & <\n"
        let long = Record(id: "long", kind: .email, subject: "L", source: Source(path: "/r/l.eml", sha256: "l"),
                          text: header + String(repeating: "Filler words about nothing in particular. ", count: 20))
        try write([long])
        let cut = try SearchIndex(path: path)
        for (highlight, smythe) in [(("", ""), "Smythe"), (("[", "]"), "[Smythe]"), (("<mark>", "</mark>"), "<mark>Smythe</mark>")] {
            let snippets = try cut.search(SearchRequest(query: "smythe", highlight: highlight, snippetLength: 120)).hits.map(\.snippet)
            XCTAssertEqual(snippets.count, 1)
            let marked = long.text.replacingOccurrences(of: "Smythe", with: smythe).replacingOccurrences(of: "\n", with: " ")
            let quoted = snippets[0].trimmingCharacters(in: CharacterSet(charactersIn: "…"))
            XCTAssertTrue(marked.contains(quoted), "\(highlight): \(snippets[0])")
            XCTAssertTrue(quoted.contains("org> & \(smythe) &amp; Co <b> &lt;x&gt; rfc822 & <"), "\(highlight): \(snippets[0])")
            XCTAssertLessThan(quoted.utf8.count, long.text.utf8.count, "cut to about the length asked for")
        }
    }

    func testReplacingByIdKeepsOneDocumentAndAFileCountsOnceFinished() throws {
        let writer = try IndexWriter(path: path)
        try writer.add([record(1, text: "first version", from: "a@nypd.org", vendors: [])])
        try writer.add([record(1, text: "second version", from: "a@nypd.org", vendors: [])])
        XCTAssertFalse(try writer.isIndexed(sha256: "sha1"), "records alone do not finish a file")
        try writer.finish(sha256: "sha1", pages: 3, ocrPages: 1)
        try writer.commit()
        XCTAssertEqual(try writer.documentCount, 1)
        XCTAssertTrue(try writer.isIndexed(sha256: "sha1"))
        XCTAssertFalse(try writer.isIndexed(sha256: "sha2"))
        let stats = try SearchIndex(path: path).stats()
        XCTAssertEqual([stats.files, stats.pages, stats.ocrPages], [1, 3, 1])
    }

    func testTheWriterCommitsEveryBatch() throws {
        let writer = try IndexWriter(path: path, batchSize: 2)
        try writer.add([record(1, text: "one", from: "a@nypd.org", vendors: []), record(2, text: "two", from: "a@nypd.org", vendors: [])])
        try writer.add([record(3, text: "three", from: "a@nypd.org", vendors: [])])
        XCTAssertEqual(try writer.documentCount, 3, "the writer has applied every queued record")
        XCTAssertEqual(try SearchIndex(path: path).recordCount, 2, "the first batch is committed, the third record waits")
    }

    /// Without --batch, a commit every 500 records while the index is small, growing with it
    /// to 1,000 (and never past: the batch's maps are the writer's memory).
    func testTheDefaultBatchGrowsWithTheIndexUpToAMost() throws {
        XCTAssertEqual([0, 20_000, 75_000, 150_000, 300_000, 1_000_000].map(IndexWriter.defaultBatch(documents:)),
                       [500, 500, 500, 1000, 1000, 1000])
        let writer = try IndexWriter(path: path)
        try writer.add((1...3).map { record($0, text: "record", from: "a@nypd.org", vendors: []) })
        XCTAssertEqual(try writer.documentCount, 3)
        XCTAssertEqual(try SearchIndex(path: path).recordCount, 0, "three of a batch of 500 wait for the commit")
    }

    func testUncommittedRecordsAreNotSeenAndASecondWriterIsRefused() throws {
        let writer = try IndexWriter(path: path)
        try writer.add([record(1, text: "committed", from: "a@nypd.org", vendors: [])])
        try writer.commit()
        try writer.add([record(2, text: "pending", from: "a@nypd.org", vendors: [])])
        XCTAssertEqual(try SearchIndex(path: path).recordCount, 1, "readers see the last commit")
        XCTAssertThrowsError(try IndexWriter(path: path)) { error in
            XCTAssertEqual((error as? IndexError)?.kind, .locked)
        }
    }

    /// Closing says what it could not do, releases the lock while the writer object lives
    /// on, and any later write is an error rather than a silent loss.
    func testAClosedWriterReleasesTheLockAndRefusesWrites() throws {
        let writer = try IndexWriter(path: path)
        try writer.add([record(1, text: "committed", from: "a@nypd.org", vendors: [])])
        try writer.commit()
        try writer.close()
        let next = try IndexWriter(path: path)
        XCTAssertEqual(try next.documentCount, 1)
        XCTAssertThrowsError(try writer.documentCount)
        XCTAssertThrowsError(try writer.add([record(2, text: "late", from: "a@nypd.org", vendors: [])]).self)
        withExtendedLifetime(writer) {}
    }

    func testShowFindsARecordById() throws {
        try write([record(7, text: "body text", from: "a@nypd.org", vendors: [])])
        let index = try SearchIndex(path: path)
        XCTAssertEqual(try index.record(id: "r7").text, "body text")
        XCTAssertThrowsError(try index.record(id: "nope")) { error in
            XCTAssertEqual((error as? IndexError)?.kind, .notFound)
        }
    }

    func testOpeningAMissingIndexSaysWhatToDo() {
        XCTAssertThrowsError(try SearchIndex(path: path)) { error in
            XCTAssertTrue("\(error)".contains("run 'corpus ingest' first"), "\(error)")
        }
    }

    func testAnIndexOfAnotherLayoutIsRefusedNotMisread() throws {
        try write([record(1, text: "old layout", from: "a@nypd.org", vendors: ["Clearview AI"])])
        XCTAssertEqual(try SearchIndex(path: path).recordCount, 1, "this build's own index opens")
        do {
            let db = try XapianDatabase(path: path, writable: true)
            try db.begin()
            try db.setMetadata(Schema.versionKey, "1")
            try db.commit()
        }
        for open in [{ _ = try SearchIndex(path: self.path) }, { _ = try IndexWriter(path: self.path) }] {
            XCTAssertThrowsError(try open()) { error in
                XCTAssertTrue("\(error)".contains("ingest the files again into a new index folder"), "\(error)")
            }
        }
    }
}

/// Every name and alias of every built-in entity answers its field's query: a reporter
/// types whichever one the documents use.
final class EntityQueryTests: XCTestCase {
    func testEveryNameAndAliasFindsItsEntity() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("entities-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let entities = Gazetteer.builtIn.entities
        XCTAssertGreaterThan(entities.count, 40)
        let writer = try IndexWriter(path: path)
        try writer.add(entities.enumerated().map { i, entity in
            Record(id: "e\(i)", kind: .document, agencies: entity.kind == .agency ? [entity.name] : [],
                   vendors: entity.kind == .vendor ? [entity.name] : [],
                   source: Source(path: "/tmp/e\(i).txt", sha256: "sha\(i)"), text: "text \(i)")
        })
        try writer.commit()
        let index = try SearchIndex(path: path)
        for (i, entity) in entities.enumerated() {
            let field = entity.kind == .agency ? "agency" : "vendor"
            for name in [entity.name] + entity.aliases {
                let ids = try index.search(SearchRequest(query: "\(field):\"\(name)\"", limit: 100)).hits.map(\.id)
                XCTAssertTrue(ids.contains("e\(i)"), "\(field):\"\(name)\" does not find \(entity.name)")
            }
        }
        XCTAssertEqual(try index.search(SearchRequest(query: "agency:\"NYC Department of Investigation\"")).hits.map(\.id),
                       try index.search(SearchRequest(query: "agency:DOI")).hits.map(\.id))
    }
}
