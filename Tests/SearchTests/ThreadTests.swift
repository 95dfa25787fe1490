import Foundation
import Ingest
@testable import Search
import XCTest

/// Threads joined at ingest from Message-ID, In-Reply-To and References: the same in
/// whatever order and in however many ingests the messages come.
final class ThreadTests: XCTestCase {
    var path: String!

    override func setUp() {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("threads-\(UUID())").path
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: path)
    }

    func mail(_ id: String, replyTo parent: String? = nil, references: [String] = []) -> Record {
        Record(id: id, kind: .email, subject: "Subject \(id)", source: Source(path: "/r/\(id).eml", sha256: id),
               text: "message \(id)", messageID: "<\(id)@mail.example>", inReplyTo: parent.map { "<\($0)@mail.example>" },
               references: references.map { "<\($0)@mail.example>" })
    }

    /// a ← b ← c (c names both), d alone, e and f replies to x, which was not released,
    /// and a printed email with no Message-ID.
    lazy var records: [Record] = [
        mail("a"), mail("b", replyTo: "a"), mail("c", replyTo: "b", references: ["a", "b"]), mail("d"),
        mail("e", replyTo: "x"), mail("f", references: ["x"]),
        Record(id: "printed", kind: .email, subject: "Re: Subject a", source: Source(path: "/r/p.pdf", sha256: "p", pages: 1...1), text: "printed"),
    ]

    /// Writes the records in the given order, committing after each group.
    func threads(ingesting groups: [[Record]]) throws -> [String: String] {
        try ingest(groups, into: path)
        let index = try SearchIndex(path: path)
        return Dictionary(uniqueKeysWithValues: try records.map { ($0.id, try XCTUnwrap(index.record(id: $0.id).thread, $0.id)) })
    }

    func testRepliesShareTheirThreadAndAGhostParentJoinsItsReplies() throws {
        let thread = try threads(ingesting: [records])
        XCTAssertEqual(thread["a"], thread["b"])
        XCTAssertEqual(thread["a"], thread["c"])
        XCTAssertEqual(thread["e"], thread["f"], "two replies to a message not released")
        XCTAssertEqual(Set(thread.values).count, 4, "a–c, d, e–f, the printed email")

        let index = try SearchIndex(path: path)
        for id in ["b", thread["b"]!] {
            XCTAssertEqual(Set(try index.search(SearchRequest(query: "thread:\(id)")).hits.map(\.id)), ["a", "b", "c"], id)
        }
        XCTAssertEqual(try index.search(SearchRequest(query: "thread:printed")).hits.map(\.id), ["printed"])
        XCTAssertEqual(try index.search(SearchRequest(query: "thread:nothing-such")).total, 0)
    }

    func testThreadsAreTheSameInAnyOrderAndAnyNumberOfIngests() throws {
        let once = try threads(ingesting: [records])
        let reversed = try threads(ingesting: [records.reversed()])
        XCTAssertEqual(reversed, once)
        // The reply first, the message joining it later; the ghost's replies apart.
        let byId = Dictionary(uniqueKeysWithValues: records.map { ($0.id, $0) })
        let steps = try threads(ingesting: [["c", "e"], ["d", "printed"], ["a"], ["f", "b"]].map { $0.map { byId[$0]! } })
        XCTAssertEqual(steps, once)
    }

    func testAConversationLinksEachMessageToTheOneItAnswersAndShowsGhosts() throws {
        _ = try threads(ingesting: [records])
        let index = try SearchIndex(path: path)
        let abc = try index.conversation(of: "c")
        XCTAssertEqual(abc.messages.map(\.id), ["a", "b", "c"])
        XCTAssertEqual(abc.messages.map(\.replyTo), [nil, "a", "b"])
        XCTAssertEqual(try index.conversation(of: abc.thread).messages.map(\.id), ["a", "b", "c"], "a thread id names it too")
        let ef = try index.conversation(of: "f")
        XCTAssertEqual(ef.messages.map(\.id), [nil, "e", "f"])
        XCTAssertEqual(ef.messages.first?.ghost, true)
        XCTAssertEqual(ef.messages.first?.messageID, "x@mail.example")
        XCTAssertEqual(ef.messages.first?.quotedIn, ["e", "f"])
        XCTAssertEqual(ef.messages.map(\.replyTo), [nil, "x@mail.example", "x@mail.example"])
        XCTAssertEqual(try index.search(SearchRequest(query: "thread:f")).hits.map(\.thread), [ef.thread, ef.thread])
        XCTAssertThrowsError(try index.conversation(of: "nothing-such"))
    }

    /// Printed emails: a reply joins the email it quotes (same sender or subject, same
    /// minute as printed, whatever the offset); a quoted email not released is a ghost
    /// known by its quoted header; a reply quoting nothing joins by subject and the pair
    /// writing to each other; another subject between the same people stays apart.
    func testPrintedEmailsJoinWhatTheyQuoteAndGhostsKeepTheirQuotedHeader() throws {
        func printed(_ id: String, _ from: String, _ to: String, _ date: String, _ subject: String, quoting quoted: [QuotedCopy] = []) -> Record {
            var record = Record(id: id, kind: .email, subject: subject, from: Correspondent(name: from, address: nil),
                                to: [Correspondent(name: to, address: nil)], date: RecordDate(iso: date),
                                source: Source(path: "/r/release.pdf", sha256: "r", pages: 1...1), text: "printed \(id)")
            record.quoted = quoted
            return record
        }
        func copy(_ from: String, _ date: String, _ subject: String) -> QuotedCopy {
            QuotedCopy(from: Correspondent(name: from, address: nil), date: RecordDate(iso: date), subject: subject)
        }
        let original = printed("p1", "Owen Ramos", "Lena Ortiz", "2019-03-05T09:12:00", "Trial accounts",
                               quoting: [copy("Hal Lambert", "2019-03-04T17:40:00-05:00", "Trial accounts")])
        let reply = printed("p2", "Lena Ortiz", "Owen Ramos", "2019-03-05T13:02:00", "RE: Trial accounts",
                            quoting: [copy("Ramos, Owen", "2019-03-05T09:12:00-05:00", "Trial accounts")])
        let unquoting = printed("p3", "Owen Ramos", "Lena Ortiz", "2019-03-06T08:00:00", "Re: Trial accounts")
        let other = printed("p4", "Owen Ramos", "Lena Ortiz", "2019-03-07T08:00:00", "Budget")
        let writer = try IndexWriter(path: path)
        try writer.add([reply, other, unquoting, original])
        try writer.commit()
        let index = try SearchIndex(path: path)
        let conversation = try index.conversation(of: "p2")
        XCTAssertEqual(conversation.messages.compactMap(\.id), ["p1", "p2", "p3"])
        XCTAssertEqual(try index.conversation(of: "p4").messages.compactMap(\.id), ["p4"])
        let ghost = try XCTUnwrap(conversation.messages.first)
        XCTAssertTrue(ghost.ghost)
        XCTAssertEqual(ghost.from?.name, "Hal Lambert")
        XCTAssertEqual(ghost.quotedIn, ["p1"])
        XCTAssertEqual(conversation.messages.first { $0.id == "p1" }?.replyTo, ghost.key)
        XCTAssertEqual(conversation.messages.first { $0.id == "p2" }?.replyTo, "p1")
        XCTAssertEqual(conversation.messages.first { $0.id == "p3" }?.replyTo, "p1", "a reply that quotes nothing, under what its subject answers")
    }

    /// A forward quotes a reply and, inside it, the email that reply quoted, printed in the
    /// replier's zone (-04:00), not the forwarder's (+08:00): that nested copy is still
    /// linked to its original, which the forward then holds whole.
    func testACopyNestedInAnotherIsReadInTheZoneOfTheMessageThatQuotedIt() throws {
        func printed(_ id: String, _ from: String, _ date: String, _ subject: String, quoting quoted: [QuotedCopy] = []) -> Record {
            var record = Record(id: id, kind: .email, subject: subject, from: Correspondent(name: from, address: nil),
                                to: [], date: RecordDate(iso: date), source: Source(path: "/r/release.pdf", sha256: "r", pages: 1...1),
                                text: "printed \(id)")
            record.quoted = quoted
            return record
        }
        func copy(_ from: String, _ date: String) -> QuotedCopy {
            QuotedCopy(from: Correspondent(name: from, address: nil), date: RecordDate(iso: date), subject: nil)
        }
        let original = printed("original", "Darnell Taylor", "2021-04-23T17:25:09+08:00", "RE: Trial extension")
        let reply = printed("reply", "Declan van der Berg", "2021-04-23T08:04:11-04:00", "RE: Trial extension",
                            quoting: [copy("Darnell Taylor", "2021-04-23T05:25:00")])
        let forward = printed("forward", "Darnell Taylor", "2021-04-23T20:26:09+08:00", "FW: RE: Trial extension",
                              quoting: [copy("Declan van der Berg", "2021-04-23T08:04:11-04:00"), copy("Darnell Taylor", "2021-04-23T05:25:00")])
        let writer = try IndexWriter(path: path)
        try writer.add([original, reply, forward])
        try writer.commit()
        let index = try SearchIndex(path: path)
        XCTAssertEqual(Set(try index.record(id: "original").quotedIn), ["reply", "forward"])
        XCTAssertEqual(try index.conversation(of: "forward").messages.filter(\.ghost).count, 0, "no ghost for the nested copy")
    }

    /// A file read again after an interrupted ingest (its records committed in part, or all
    /// of them) replaces its records with what they were: the records that quote them
    /// whole, the files of their copies and which message each copy is stay; a copy's file
    /// read again changes nothing. (Found by `make killtest`: a resumed ingest lost quoted_in.)
    func testAFileReadAgainKeepsWhatOtherRecordsMadeOfItsRecords() throws {
        func printed(_ id: String, file: String, page: Int, _ date: String, _ subject: String, quoting copy: QuotedCopy? = nil) -> Record {
            var record = Record(id: id, kind: .email, subject: subject, from: Correspondent(name: "Yuki Cook", address: "ycook@ice.dhs.gov"),
                                to: [Correspondent(name: nil, address: "monique.ferraro@nypd.org")], date: RecordDate(iso: date),
                                source: Source(path: "/r/\(file)", sha256: file, pages: page...page), text: "The subject was seen on Grand Concourse.")
            record.quoted = copy.map { [$0] } ?? []
            return record
        }
        let original = printed("original", file: "release.pdf", page: 1, "2017-03-13T09:55:00", "Results")
        var reply = printed("reply", file: "release.pdf", page: 2, "2017-03-13T10:20:00", "RE: Results",
                            quoting: QuotedCopy(from: Correspondent(name: "Yuki Cook", address: "ycook@ice.dhs.gov"), date: RecordDate(iso: "2017-03-13T09:55:00"), subject: "Results"))
        reply.text = "Thanks.\n\nFrom: Yuki Cook\nSent: 3/13/2017 9:55 AM\nSubject: Results\n\nThe subject was seen on Grand Concourse."
        var scan = printed("scan", file: "scan.pdf", page: 1, "2017-03-13T09:55:00", "Results")
        scan.ocr = true
        let first = try IndexWriter(path: path)
        try first.add([original, reply])
        try first.add([scan])
        try first.commit()
        try first.close()
        let before = try SearchIndex(path: path)
        let held = try ["original", "reply", "scan"].map { try before.record(id: $0) }
        XCTAssertEqual(held[0].quotedIn, ["reply"])
        XCTAssertEqual(held[0].otherSources.map(\.path) + held[2].otherSources.map(\.path), ["/r/scan.pdf"], "one of the two prints stands for the message")
        for again in [[original, reply], [reply], [scan], [original, reply, scan]] {
            let resumed = try IndexWriter(path: path)
            try resumed.add(again)
            try resumed.commit()
            try resumed.close()
            let after = try SearchIndex(path: path)
            XCTAssertEqual(try ["original", "reply", "scan"].map { try after.record(id: $0) }, held, again.map(\.id).description)
        }
        // The same message (one id) in two files: the second file read again leaves the first
        // the record's source and the second among its others.
        let inFirst = mail("same"), inSecond = Record(id: "same", kind: .email, subject: "Subject same", source: Source(path: "/r/copy.eml", sha256: "copy"),
                                                        text: "message same", messageID: "<same@mail.example>")
        for records in [[inFirst], [inSecond], [inSecond]] {
            let writer = try IndexWriter(path: path)
            try writer.add(records)
            try writer.commit()
            try writer.close()
        }
        let same = try SearchIndex(path: path).record(id: "same")
        XCTAssertEqual([same.source.path] + same.otherSources.map(\.path), ["/r/same.eml", "/r/copy.eml"])
    }

    /// An email printed with its sender's address alone is quoted under the name the
    /// attribution line gives ("On 2/9/2019 7:06 AM, Stephen da Silva wrote:"): the copy
    /// links to it by what the address spells — a surname of two words run together
    /// (det.dasilva@…, det.stclair@… for Anouk St. Clair), an initial and a surname
    /// (nperez@… for Nikhil Perez); and a copy under an address links to the email known
    /// by a name alone that the address runs together (marcushollings.nyc@… for Marcus T.
    /// Hollings).
    func testACopyUnderANameLinksToTheEmailKnownByItsAddressAlone() throws {
        func printed(_ id: String, _ address: String, _ date: String, page: Int, quoting copy: QuotedCopy? = nil) -> Record {
            var record = Record(id: id, kind: .email, subject: "Re: Facial recognition lead", from: Correspondent(name: nil, address: address),
                                date: RecordDate(iso: date), source: Source(path: "/r/release.pdf", sha256: "r", pages: page...page),
                                text: "printed \(id)")
            record.quoted = copy.map { [$0] } ?? []
            return record
        }
        func copy(_ name: String, _ date: String) -> QuotedCopy {
            QuotedCopy(from: Correspondent(name: name, address: nil), date: RecordDate(iso: date), subject: nil)
        }
        // And the other way: a copy under an address that runs the name together.
        var named = printed("hollings", "", "2018-11-19T10:14:55-05:00", page: 11)
        named.from = Correspondent(name: "Marcus T. Hollings", address: nil)
        var forward = printed("forwarded", "marcushollings.nyc@aol.com", "2018-11-21T20:07:21-05:00", page: 12)
        forward.quoted = [QuotedCopy(from: Correspondent(name: nil, address: "marcushollings.nyc@aol.com"), date: RecordDate(iso: "2018-11-19T10:14:00"), subject: nil)]
        let writer = try IndexWriter(path: path)
        try writer.add([
            printed("da silva", "det.dasilva@gmail.com", "2019-02-09T07:06:46-05:00", page: 9),
            printed("reply", "theresa.brooks@dea.gov", "2019-02-09T07:37:26-05:00", page: 10, quoting: copy("Stephen da Silva", "2019-02-09T07:06:00")),
            printed("perez", "nperez@ice.dhs.gov", "2020-10-06T17:11:34-04:00", page: 4),
            printed("forward", "nperez@ice.dhs.gov", "2020-10-06T18:41:01-04:00", page: 5, quoting: copy("Nikhil Perez", "2020-10-06T17:11:00")),
            printed("st clair", "det.stclair@aol.com", "2019-06-11T09:30:02-04:00", page: 7),
            printed("answer", "omar.lind@vendor.example", "2019-06-11T07:02:58-07:00", page: 8, quoting: copy("Anouk St. Clair", "2019-06-11T09:30:00")),
            named, forward,
        ])
        try writer.commit()
        let index = try SearchIndex(path: path)
        XCTAssertEqual(try index.record(id: "da silva").quotedIn, ["reply"])
        XCTAssertEqual(try index.conversation(of: "reply").messages.filter(\.ghost).count, 0)
        XCTAssertEqual(try index.record(id: "perez").quotedIn, ["forward"])
        XCTAssertEqual(try index.record(id: "st clair").quotedIn, ["answer"])
        XCTAssertEqual(try index.record(id: "hollings").quotedIn, ["forwarded"])
    }

    /// Subjects and people join a reply that quotes nothing to the message it answers
    /// (its subject less one "RE:", in the weeks before), people known by address alone
    /// too; they do not join emails that their quotes place elsewhere. A date quoted without an offset is read
    /// at the quoting reply's offset, as mailers print it.
    func testSubjectsJoinOnlyRepliesNothingElseJoinsAndQuotedDatesKeepTheirZone() throws {
        func printed(_ id: String, _ from: Correspondent, _ to: Correspondent, _ date: String, _ subject: String,
                     quoting quoted: [QuotedCopy] = []) -> Record {
            var record = Record(id: id, kind: .email, subject: subject, from: from, to: [to], date: RecordDate(iso: date),
                                source: Source(path: "/r/release.pdf", sha256: "r", pages: 1...1), text: "printed \(id)")
            record.quoted = quoted
            return record
        }
        func person(_ name: String) -> Correspondent { Correspondent(name: name, address: nil) }
        func copy(_ from: String, _ date: String, _ subject: String?) -> QuotedCopy {
            QuotedCopy(from: person(from), date: RecordDate(iso: date), subject: subject)
        }
        var records = [
            printed("fw", person("Owen Ramos"), person("Lena Ortiz"), "2019-03-05T09:12:00", "FW: Budget"),
            printed("answer", Correspondent(name: nil, address: "lena.ortiz@nypd.org"), person("Owen Ramos"), "2019-03-05T10:00:00", "RE: FW: Budget"),
            printed("fwd", person("Yuki Celik"), person("Rachel Lindqvist"), "2021-12-22T22:44:00", "Fwd: Referral",
                    quoting: [copy("Kwame Delgado", "2021-12-22T11:14:00", "Referral")]),
            printed("re", person("Yuki Celik"), person("Rachel Lindqvist"), "2021-12-26T08:54:00", "RE: Referral",
                    quoting: [copy("Rachel Lindqvist", "2021-12-25T19:31:00", "Referral")]),
            printed("west", person("Declan Nunez"), person("Dmitri Cohen"), "2020-08-04T18:10:46-07:00", "Purchase order"),
            printed("east", person("Dmitri Cohen"), person("Declan Nunez"), "2020-08-07T17:01:32-04:00", "Re: Purchase order",
                    quoting: [copy("Declan Nunez", "2020-08-04T21:10:00", nil)]),
            printed("later", person("Dmitri Cohen"), person("Declan Nunez"), "2020-08-08T09:00:00-04:00", "Fwd: Purchase order",
                    quoting: [copy("Declan Nunez", "2020-08-04T22:10:00", nil)]),
            printed("lead", person("Denise Kowalski"), person("Yolanda MacDonald"), "2017-11-01T09:20:00", "Lead"),
            printed("new lead", person("Denise Kowalski"), person("Samuel Hill"), "2017-12-10T17:15:00", "Lead"),
            printed("april", person("Oyvind Rogers"), person("Emeka Romano"), "2018-04-12T11:31:26-04:00", "Referral"),
            printed("may", person("Oyvind Rogers"), person("Emeka Romano"), "2018-05-29T17:57:23-04:00", "Referral"),
            printed("may reply", person("Emeka Romano"), person("Oyvind Rogers"), "2018-06-02T09:00:00-04:00", "Re: Referral"),
            printed("by address", Correspondent(name: nil, address: "mary-kate.simkova@ice.dhs.gov"), person("Leila Zhang"),
                    "2021-12-15T19:49:46-05:00", "Re: Possible match"),
            printed("quoting by name", person("Leila Zhang"), person("Ann Fox"), "2021-12-15T17:54:44-08:00", "Fwd: Re: Possible match",
                    quoting: [QuotedCopy(from: Correspondent(name: "Mary-Kate Šimková", address: "mary-kate.simkova@ice.dhs.gov"),
                                         date: RecordDate(iso: "2021-12-15T19:49:00"), subject: nil)]),
            printed("yahoo", Correspondent(name: nil, address: "dmitri.rahman70@yahoo.com"), person("Björn Allen"), "2017-09-10T10:41:00", "FOIA Request"),
            printed("rahman", person("Dmitri Rahman"), person("Björn Allen"), "2017-09-12T18:46:00", "RE: FOIA Request"),
            printed("address only", Correspondent(name: nil, address: "ngozi.goldberg@clearview.ai"), person("Ascott"),
                    "2018-04-24T19:57:50-04:00", "Fwd: Login for the trial"),
            printed("quoting a name", person("Ascott"), person("Victor Nelson"), "2018-04-25T08:00:00-04:00", "Fwd: Fwd: Login for the trial",
                    quoting: [copy("Ngozi Goldberg", "2018-04-24T19:57:00", nil)]),
            printed("initial", Correspondent(name: nil, address: "ssullivan@axon.com"), person("Kevin Park"), "2021-08-27T12:17:00", "FW: Login problems"),
            printed("to a name", person("Kevin Park"), person("Søren Sullivan"), "2021-08-27T13:47:00", "RE: FW: Login problems"),
            printed("hill", person("Robert Hill"), Correspondent(name: nil, address: "owong@cellebrite.com"), "2020-05-16T15:34:00",
                    "RE: Budget request FY21"),
            printed("short addresses", Correspondent(name: nil, address: "owong@cellebrite.com"), Correspondent(name: nil, address: "hillr@nypd.org"),
                    "2020-05-16T21:42:00", "RE: Budget request FY21"),
            printed("first name", Correspondent(name: nil, address: "delacruzs@nypd.org"), Correspondent(name: nil, address: "samuel@google.com"),
                    "2022-03-06T12:53:00", "RE: Trial extension"),
            printed("full names", person("Samuel Green"), person("Sofia M. De La Cruz"), "2022-03-06T13:10:00", "RE: Trial extension"),
            printed("work", Correspondent(name: nil, address: "det.gallagher@hotmail.com"), Correspondent(name: nil, address: "kevin.fitzgerald@nypd.org"),
                    "2017-11-05T10:46:03-05:00", "RE: Urgent: FR search needed"),
            printed("personal", Correspondent(name: nil, address: "kevinfitzgerald59@icloud.com"), Correspondent(name: nil, address: "det.gallagher@hotmail.com"),
                    "2017-11-05T18:51:20-05:00", "RE: Urgent: FR search needed"),
            printed("garbled list", Correspondent(name: "Colleen O Briain", address: "colleen.obriain@megvii.com"),
                    Correspondent(name: "Baker, Jorge , Khoury", address: "jorge.baker@brooklynda.org"), "2018-08-06T06:02:52+08:00", "Introduction"),
            printed("first name only", Correspondent(name: "Jorge Baker", address: "jorge.baker@brooklynda.org"),
                    Correspondent(name: "Colleen", address: "colleen.obriain@megvii.com"), "2018-08-07T14:45:44-04:00", "RE: Introduction"),
            printed("michael", Correspondent(name: nil, address: "michael@nypd.org"), Correspondent(name: nil, address: "ana@nypd.org"),
                    "2022-04-04T09:00:00", "RE: Trial extension"),
            printed("another michael", person("Michael Turner"), person("Ana Choi"), "2022-04-05T09:00:00", "RE: Trial extension"),
            printed("to a first name", Correspondent(name: "Jean-Luc Howard", address: "jean-luchoward@yahoo.com"), person("Keisha"),
                    "2021-09-24T09:31:00", "Extension of time"),
            printed("from her full name", Correspondent(name: "Keisha Muller", address: "keisha.muller@mtapd.org"), person("Jean-Luc Howard"),
                    "2021-09-25T14:16:00", "RE: Extension of time"),
            printed("misread subject", person("Aisha Oliveira"), person("Jorge Walker"), "2018-05-31T09:50:10-05:00", "Visit to the DA's ottice"),
            printed("read right", person("Jorge Walker"), person("Aisha Oliveira"), "2018-05-31T21:11:40-04:00", "Re: Visit to the DA's office"),
            printed("misread otherwise", person("Aisha Oliveira"), person("Jorge Walker"), "2018-05-31T21:41:58-05:00", "Re: Re: Visit to the DA's ollice"),
            printed("quoted garbled", person("Ruth Ward"), person("Aisha B. Oliveira"), "2018-06-02T10:00:00", "Fwd: Pricing",
                    quoting: [QuotedCopy(from: Correspondent(name: "Aisha B.", address: "oliveira@chicagopolice.org"), date: RecordDate(iso: "2018-06-01T09:50:00"),
                                         subject: "Pricing Yo: Ruth Ward")]),
            printed("its original", Correspondent(name: "Aisha B. Oliveira", address: "aisha.oliveira@chicagopolice.org"), person("Ruth Ward"),
                    "2018-06-01T09:50:10", "Pricing"),
            printed("from home", Correspondent(name: nil, address: "dmitribaptiste.nyc@gmail.com"), Correspondent(name: nil, address: "delacruzk@nypd.org"),
                    "2021-07-10T13:15:06-04:00", "Meeting Thursday"),
            printed("from the office", Correspondent(name: nil, address: "dmitri.j.baptiste@doi.nyc.gov"), Correspondent(name: nil, address: "delacruzk@nypd.org"),
                    "2021-07-10T22:06:50-04:00", "Re: Meeting Thursday"),
            printed("trial", person("Marcus van der Berg"), person("Hiroshi Singh"), "2019-08-20T08:13:00", "Trial account for Detective Bureau"),
            printed("tria)", person("Hiroshi Singh"), person("Marcus van der Berg"), "2019-08-20T09:07:00", "Re: Tria) account for Detective Bureau"),
            printed("dated", person("Lena Park"), person("Kofi Mensah"), "2019-02-01T10:00:00", "Re: Server access"),
            printed("undated", person("Kofi Mensah"), person("Lena Park"), "", "Re: Re: Server access"),
            printed("undated, far apart", person("Kofi Mensah"), person("Lena Park"), "", "Re: Re: Server access"),
            printed("export", person("Ruth Søndergaard"), person("Theresa Ni Bhriain"), "2018-04-13T17:06:00", "Export from Voyager Labs"),
            printed("answer to a misread name", person("Theresa Ni Bhriain"), person("Sandergaard"), "2018-04-13T19:56:00", "Re: Export from Voyager Labs"),
            printed("vowels misread", person("Andre Joéhannsdottir"), person("Colleen McAllister"), "2019-05-26T11:04:00", "Re: Fwd: Update to the Face API"),
            printed("ward", person("Lena Ward"), person("Yolanda MacDonald"), "2017-11-01T09:20:00", "Facial recognition lead"),
            printed("wei reed", person("Wei Reed"), person("Yolanda MacDonald"), "2017-11-17T20:10:00", "RE: Facial recognition lead"),
            printed("spelt right in a copy", person("Colleen McAllister"), person("Lena Park"), "2019-05-26T20:18:00",
                    "Fwd: Re: Fwd: Update to the Face API", quoting: [copy("Andre Johannsdottir", "2019-05-26T11:04:00", nil)]),
        ]
        // (OCR lost the date: the emails printed around it bound it, close or far apart.)
        records[records.firstIndex { $0.id == "undated" }!].datesAround = [RecordDate(iso: "2019-02-01T10:00:00")!, RecordDate(iso: "2019-02-05T09:00:00")!]
        records[records.firstIndex { $0.id == "undated, far apart" }!].datesAround = [RecordDate(iso: "2019-02-01T10:00:00")!, RecordDate(iso: "2019-06-05T09:00:00")!]
        // (Copied to the one the second email is addressed to: two emails that started two threads.)
        records[records.firstIndex { $0.id == "lead" }!].cc = [person("Samuel Hill")]
        let writer = try IndexWriter(path: path)
        try writer.add(records)
        try writer.commit()
        let index = try SearchIndex(path: path)
        let thread = Dictionary(uniqueKeysWithValues: try records.map { ($0.id, try index.record(id: $0.id).thread) })
        XCTAssertEqual(thread["fw"], thread["answer"])
        XCTAssertNotEqual(thread["fwd"], thread["re"])
        XCTAssertEqual(thread["west"], thread["east"])
        XCTAssertNotEqual(thread["west"], thread["later"], "an hour off")
        XCTAssertNotEqual(thread["lead"], thread["new lead"])
        XCTAssertEqual(thread["may"], thread["may reply"])
        XCTAssertNotEqual(thread["april"], thread["may"], "a reply answers an email of the weeks before")
        XCTAssertEqual(thread["by address"], thread["quoting by name"], "a copy that prints the sender's name and address")
        XCTAssertEqual(thread["yahoo"], thread["rahman"], "a surname read from an address with digits")
        XCTAssertEqual(thread["address only"], thread["quoting a name"], "a name quoted, spelt by the first.last of an address")
        XCTAssertEqual(thread["initial"], thread["to a name"], "an address of an initial and a surname")
        XCTAssertEqual(thread["hill"], thread["short addresses"], "short addresses of a surname and an initial")
        XCTAssertEqual(thread["first name"], thread["full names"], "an address of a first name; a surname of several words")
        XCTAssertEqual(thread["work"], thread["personal"], "first and last name run together in an address")
        XCTAssertNotEqual(thread["michael"], thread["another michael"], "two first names alone join nothing")
        XCTAssertEqual(thread["garbled list"], thread["first name only"], "names OCR garbled or cut short, and their addresses")
        XCTAssertEqual(thread["to a first name"], thread["from her full name"], "a name of one word may be a first name")
        XCTAssertEqual(thread["misread subject"], thread["read right"], "letters OCR confuses in a subject")
        XCTAssertEqual(thread["read right"], thread["misread otherwise"], "letters OCR confuses in a subject")
        XCTAssertEqual(thread["quoted garbled"], thread["its original"], "a copy whose sender OCR garbled but for the surname")
        XCTAssertEqual(thread["from home"], thread["from the office"], "a personal address of the names run together and a tag; a work one with an initial")
        XCTAssertEqual(thread["trial"], thread["tria)"], "a bracket OCR read for an l")
        XCTAssertEqual(thread["undated"], thread["dated"], "an undated reply, by the dates of the emails printed around it")
        XCTAssertNotEqual(thread["undated, far apart"], thread["dated"], "emails printed around it months apart do not place it")
        XCTAssertEqual(thread["export"], thread["answer to a misread name"], "a surname whose vowels OCR misread, in a reply's recipients")
        XCTAssertEqual(thread["spelt right in a copy"], thread["vowels misread"], "a surname whose vowels OCR misread, in a copy")
        XCTAssertNotEqual(thread["ward"], thread["wei reed"], "names whose consonants are few: Ward and Wei Reed")
    }

    /// Messages printed as one thread (a tracker's request, a Gmail print) share it,
    /// whoever wrote and whatever the subject; their subjects and people do not join them
    /// to another print, which only quotes or a message's own keys could.
    func testAPrintedThreadHoldsItsMessagesAndOnlyThem() throws {
        func printed(_ id: String, _ from: String, _ to: String, _ subject: String?, print: String) -> Record {
            var record = Record(id: id, kind: .email, subject: subject, from: Correspondent(name: from, address: nil),
                                to: [Correspondent(name: to, address: nil)],
                                source: Source(path: "/r/tracker.pdf", sha256: "t", pages: 1...1), text: "printed \(id)")
            record.printedThread = print
            return record
        }
        let records = [
            printed("t1", "Dana Reyes", "NYPD Records", "Clearview Contracts", print: "Clearview Contracts (p. 1)"),
            printed("t2", "NYPD Records", "Dana Reyes", nil, print: "Clearview Contracts (p. 1)"),
            printed("t3", "Dana Reyes", "NYPD Records", "Fees", print: "Clearview Contracts (p. 1)"),
            printed("t4", "Dana Reyes", "NYPD Records", "Re: Clearview Contracts", print: "Clearview Contracts (p. 4)"),
        ]
        let writer = try IndexWriter(path: path)
        try writer.add(records)
        try writer.commit()
        let index = try SearchIndex(path: path)
        let thread = try records.map { try index.record(id: $0.id).thread }
        XCTAssertEqual(Set(thread[0..<3]).count, 1)
        XCTAssertNotEqual(thread[0], thread[3])
    }

    /// A message quoted whole by a later one is not inclusive: a printed reply's quoted
    /// copy, or mail whose text holds the text it answers (mail that answers without
    /// quoting holds nothing). The same in one ingest or in two, either order.
    func testAMessageQuotedWholeByALaterOneIsNotInclusive() throws {
        func printed(_ id: String, _ from: String, _ date: String, _ subject: String, quoting quoted: [QuotedCopy] = []) -> Record {
            var record = Record(id: id, kind: .email, subject: subject, from: Correspondent(name: from, address: nil),
                                date: RecordDate(iso: date), source: Source(path: "/r/release.pdf", sha256: "r", pages: 1...1),
                                text: "printed \(id)")
            record.quoted = quoted
            return record
        }
        func mail(_ id: String, replyTo parent: String? = nil, text: String) -> Record {
            Record(id: id, kind: .email, subject: "Trial", source: Source(path: "/r/\(id).eml", sha256: id), text: text,
                   messageID: "<\(id)@mail.example>", inReplyTo: parent.map { "<\($0)@mail.example>" })
        }
        let original = printed("p1", "Owen Ramos", "2019-03-05T09:12:00", "Trial accounts")
        let reply = printed("p2", "Lena Ortiz", "2019-03-05T13:02:00", "RE: Trial accounts",
                            quoting: [QuotedCopy(from: Correspondent(name: "Ramos, Owen", address: nil),
                                                 date: RecordDate(iso: "2019-03-05T09:12:00-05:00"), subject: "Trial accounts")])
        let first = mail("m1", text: "The accounts are ready for\nthe trial on Tuesday.\nOwen")
        let quoting = mail("m2", replyTo: "m1", text: "Thanks.\n\nOn Tue Owen wrote:\n> The accounts are ready for the trial\n> on Tuesday.\n> Owen")
        let bare = mail("m3", replyTo: "m1", text: "Thanks, got it.")
        let all = [original, reply, first, quoting, bare]
        for groups in [[all], [[reply, quoting, bare], [original, first]], [[original], [first, bare], [reply], [quoting]]] {
            try ingest(groups, into: path)
            let index = try SearchIndex(path: path)
            let order = groups.map { $0.map(\.id) }.description
            XCTAssertEqual(try index.record(id: "p1").quotedIn, ["p2"], order)
            XCTAssertEqual(try index.record(id: "m1").quotedIn, ["m2"], order)
            XCTAssertEqual(Set(try index.search(SearchRequest(query: "inclusive:yes")).hits.map(\.id)), ["p2", "m2", "m3"], order)
            XCTAssertEqual(Set(try index.search(SearchRequest(query: "inclusive:no")).hits.filter { !$0.inclusive }.map(\.id)), ["p1", "m1"], order)
            let conversation = try index.conversation(of: "m1")
            XCTAssertEqual(conversation.messages.first { $0.id == "m1" }?.inclusive, false, order)
        }
    }

    /// Mail without a Message-ID is a thread of its own, even beside mail of the same
    /// date, subject and people (test suites and lists have plenty): only printed emails
    /// are joined by what their headers print.
    func testMailWithoutAMessageIDIsNotJoinedByItsDateAndSubject() throws {
        let records = (1...2).map { n in
            Record(id: "m\(n)", kind: .email, subject: "Re: test", from: Correspondent(name: "Bob Lee", address: "bob@x.org"),
                   to: [Correspondent(name: "Ann Fox", address: "ann@x.org")], date: RecordDate(iso: "2001-01-01T10:00:00"),
                   source: Source(path: "/r/m\(n).eml", sha256: "m\(n)"), text: "mail \(n)")
        }
        let writer = try IndexWriter(path: path)
        try writer.add(records)
        try writer.commit()
        let index = try SearchIndex(path: path)
        XCTAssertNotEqual(try index.record(id: "m1").thread, try index.record(id: "m2").thread)
    }
}
