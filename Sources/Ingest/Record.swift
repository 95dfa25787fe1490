import Foundation

/// One searchable unit of a release: an email (printed in a PDF, or an .eml/.mbox
/// message) or a whole document. Fields the source does not give are empty or nil,
/// never guessed.
public struct Record: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case email, document
    }

    /// Stable across re-ingests: derived from the Message-ID and the message's content,
    /// or from the source file's sha256 and page range.
    public var id: String
    public var kind: Kind
    public var subject: String?
    public var from: Correspondent?
    /// Who sent the message for the From mailbox, when that is someone else: a `Sender:`
    /// header, or "Jane Doe on behalf of Records Desk" (Jane Doe).
    public var sender: Correspondent?
    public var to: [Correspondent]
    public var cc: [Correspondent]
    public var date: RecordDate?
    public var agencies: [String]
    public var vendors: [String]
    public var source: Source
    /// The same message found in other files (released twice, or as an .eml and inside
    /// an mbox): one record, every place it was found.
    public var otherSources: [Source] = []
    public var ocr: Bool
    /// Mean Tesseract confidence (0–100) over the record's OCR'd pages.
    public var ocrConfidence: Int?
    /// The language those pages were read in, as Tesseract names it ("eng", "eng+spa").
    public var ocrLanguage: String?
    public var redactions: Int
    public var text: String
    public var messageID: String?
    public var inReplyTo: String?
    public var references: [String]
    /// The record this one was attached to, and the records attached to this one.
    public var parent: String?
    public var attachments: [String]
    /// Attachments that are not records (an image, a format corpus does not read), each
    /// with the reason: an email says what it carried even when it cannot be searched.
    public var unreadAttachments: [UnreadAttachment] = []
    /// The conversation this record is part of, set when it is indexed: every record of
    /// a thread has the same id (see Search's `Threads`).
    public var thread: String?
    /// For a printed email: the earlier emails quoted in it, as their headers say, the
    /// latest first.
    public var quoted: [QuotedCopy] = []
    /// For a message of a thread printed as one (a Gmail print, a request tracker's
    /// thread): what the print shows over it all, its subject or the request's title.
    public var printedThread: String?
    /// For a printed email whose date could not be read: the dates of the emails printed
    /// next to it in its file, before and after, which bound when it was sent. Never its
    /// date; threads use them to find what it answers.
    public var datesAround: [RecordDate] = []
    /// When another record stands for the same message (the same email found in another
    /// file): its id. Searches and counts pass this record by; that one names its file.
    public var copyOf: String?
    /// The later messages that quote this one whole (a reply's quoted copy of it, mail
    /// whose text holds its text): none when it is inclusive, holding what it says.
    public var quotedIn: [String] = []
    /// The ingest (numbered release of the index) that added it; nil for a record added
    /// before releases were numbered, or outside an ingest.
    public var release: Int?
    /// The public-records requests it names or was released under (`RequestNumbers`);
    /// nil in records indexed before requests were read, as none.
    public var requests: [String]?

    public init(
        id: String, kind: Kind, subject: String? = nil, from: Correspondent? = nil,
        to: [Correspondent] = [], cc: [Correspondent] = [], date: RecordDate? = nil,
        agencies: [String] = [], vendors: [String] = [], source: Source, ocr: Bool = false,
        ocrConfidence: Int? = nil, redactions: Int = 0, text: String, messageID: String? = nil, inReplyTo: String? = nil,
        references: [String] = [], parent: String? = nil, attachments: [String] = []
    ) {
        self.id = id
        self.kind = kind
        self.subject = subject
        self.from = from
        self.to = to
        self.cc = cc
        self.date = date
        self.agencies = agencies
        self.vendors = vendors
        self.source = source
        self.ocr = ocr
        self.ocrConfidence = ocrConfidence
        self.redactions = redactions
        self.text = text
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.parent = parent
        self.attachments = attachments
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, subject, from, sender, to, cc, date, agencies, vendors, source, ocr, redactions, text
        case ocrConfidence = "ocr_confidence", ocrLanguage = "ocr_language"
        case messageID = "message_id", inReplyTo = "in_reply_to", references, parent, attachments
        case unreadAttachments = "unread_attachments", otherSources = "other_sources", thread, quoted, printedThread = "printed_thread", copyOf = "copy_of", quotedIn = "quoted_in"
        case datesAround = "dates_around", release, requests
    }

    /// Everyone on the record: sender first, then To, then Cc.
    public var correspondents: [Correspondent] {
        (from.map { [$0] } ?? []) + to + cc
    }
}
