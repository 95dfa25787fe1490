import Foundation

/// What the correspondence of a public-records request says happened to it, message by
/// message: the request submitted, acknowledged, an expected date set, the time extended,
/// denied (with the exemption or reason given), appealed, fulfilled. Read from a record's
/// own words (a quoted earlier letter is that letter's, not this one's), in the phrases
/// records officers write; each event is dated by the record that states it.
public enum RequestEvents {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case submitted, acknowledged, expected, extended, denied, appealed, fulfilled
    }

    /// One event a record states: `date` a date it names (the expected or extended-to
    /// date), `reason` a denial's exemption or ground.
    public struct Event: Codable, Sendable, Equatable {
        public var kind: Kind
        public var date: RecordDate?
        public var reason: String?
    }

    private static func pattern(_ text: String) -> NSRegularExpression {
        try! NSRegularExpression(pattern: text, options: [.caseInsensitive])
    }

    private static let phrases: [(Kind, NSRegularExpression)] = [
        (.submitted, pattern(#"\b(?:i|we) (?:hereby )?(?:request|am requesting|are requesting)\b|\bthis is a request (?:under|pursuant)|\b(?:under|pursuant to) the freedom of information (?:law|act),?[^.]{0,80}?\brequests?\b"#)),
        (.acknowledged, pattern(#"\backnowledg(?:e|es|ing) (?:the )?receipt of your\b|\byour (?:foil |foia )?request (?:has been|was) received\b|\bwe (?:have )?received your (?:foil |foia )?request\b"#)),
        (.expected, pattern(#"\b(?:expect|anticipate|estimate)\w*\b[^.]{0,120}?\b(?:by|on or before|within)\b"#)),
        (.extended, pattern(#"\b(?:extend|extending|extension of)\b[^.]{0,80}?\b(?:time|date|deadline|response)\b|\bneed(?:s)? additional time\b"#)),
        (.denied, pattern(#"\b(?:is|are|been) (?:hereby )?denied\b|\bdenied in part\b|\b(?:must|have to|are compelled to) deny\b|\bdeny(?:ing)? your (?:request|appeal)\b"#)),
        (.appealed, pattern(#"\b(?:i|we) (?:hereby )?appeal\b|\bthis (?:letter )?is an appeal\b|\bappeal (?:of|from) the denial\b"#)),
        (.fulfilled, pattern(#"\benclosed (?:please find|are) (?:the )?(?:responsive |requested )?records\b|\b(?:responsive )?records are (?:enclosed|attached|being released|produced)\b|\bgranted in part\b|\byour request is (?:now )?(?:complete|fulfilled|closed)\b|\bfinal response to your request\b"#)),
    ]

    /// Why a request was denied, when the letter says: an exemption cited, or the usual grounds.
    private static let reasons = pattern(#"§\s*87\s*\(\s*2\s*\)\s*\(\s*[a-z]\s*\)(?:\s*\(\s*[ivx]+\s*\))?|\(b\)\s*\(\s*\d\s*\)(?:\s*\(\s*[A-F]\s*\))?|\bexemption\s+\d\b|\btoo broad\b|\boverly broad\b|\bdoes not reasonably describe\b|\bnot reasonably described\b|\bno responsive records\b"#)

    /// The events `text` states (a record's own words, its quoted copies cut off).
    public static func events(in text: String) -> [Event] {
        let own = QuoteMarkers.ownPart(of: text).split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix(">") }.joined(separator: "\n")
        let range = NSRange(own.startIndex..., in: own)
        var events: [Event] = []
        for (kind, phrase) in phrases {
            guard let match = phrase.firstMatch(in: own, range: range), let found = Range(match.range, in: own) else { continue }
            var event = Event(kind: kind)
            switch kind {
            case .expected, .extended:
                // The date named right after the phrase ("by December 20, 2019").
                event.date = DateParser.parse(String(own[found.upperBound...].prefix(120)))
                if kind == .expected, event.date == nil { continue }
            case .denied:
                let sentence = own[found.lowerBound...].prefix(400)
                let nsSentence = NSRange(sentence.startIndex..., in: own)
                let ground = reasons.matches(in: own, range: nsSentence).compactMap { Range($0.range, in: own).map { String(own[$0]) } }
                    .first ?? reasons.firstMatch(in: own, range: range).flatMap { Range($0.range, in: own).map { String(own[$0]) } }
                // ("Granted in part and denied in part": a partial denial says so.)
                let partly = own[found].lowercased().contains("in part") ? "in part" : nil
                event.reason = [partly, ground].compactMap { $0 }.joined(separator: ", ").nilIfEmpty
            case .fulfilled:
                if own[found].lowercased().contains("in part") { event.reason = "in part" }
            default:
                break
            }
            events.append(event)
        }
        return events
    }
}

private extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
