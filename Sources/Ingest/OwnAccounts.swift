import Foundation

/// What the sender of a message says of their own other accounts and name: an officer
/// writing from Gmail who lists both addresses under their name, gives their work address
/// ("my work email is michael.reyes@nypd.org"), or introduces themselves ("This is Det.
/// Michael Reyes, writing from my personal account"). Read from the message's own part
/// only, never from the messages it quotes.
public enum OwnAccounts {
    private static let address = try! NSRegularExpression(pattern: #"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"#)

    /// "my work email is X", "my other account: X", "reach me at my office address X".
    private static let givenAddress = try! NSRegularExpression(
        pattern: #"\bmy\s+(?:work|office|official|department|dept\.?|agency|personal|private|other|gmail|yahoo|home)\s+(?:e-?mail|address|account|e-?mail\s+address)\s*(?:is|:|-)?\s*<?([A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})"#,
        options: [.caseInsensitive])

    /// "This is NAME, writing from my personal account", "It's NAME from my Gmail".
    private static let introduction = try! NSRegularExpression(
        pattern: #"\b(?i:this is|it's|it is|I am|I'm)\s+((?:[A-Z][A-Za-z.'-]*\s+){1,3}[A-Z][A-Za-z'-]+),?\s+(?i:(?:(?:I'm|I am)\s+)?(?:writing|emailing|e-mailing|sending\s+this|reaching\s+out)?\s*(?:to\s+you\s+)?from\s+my\s+(?:personal|private|own|home|gmail|yahoo|other))\b"#)

    /// The other addresses the sender of a message from `sender` gives as their own: listed
    /// with `sender` in the signature, or given in so many words.
    public static func addresses(in body: String, from sender: String) -> [String] {
        let own = QuoteMarkers.ownPart(of: body)
        let sender = sender.lowercased()
        var found: [String] = []
        let signature = Signature.block(of: body)
        // (Each pattern only where the words it needs are there: run on every message, the
        // patterns were a tenth of reading a mailbox, and few messages hold such words.)
        if ByteSearch.ASCIILowered(signature).holds(sender) {
            let listed = matches(address, in: signature, group: 0).map { $0.lowercased() }
            if listed.contains(sender) { found += listed }
        }
        let ownLowered = ByteSearch.ASCIILowered(own)
        if ownLowered.holds("@"), ownLowered.holds("my"), ["mail", "addre", "account"].contains(where: ownLowered.holds) {
            found += matches(givenAddress, in: own, group: 1).map { $0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".")) }
        }
        var seen: Set<String> = [sender]
        return found.filter { seen.insert($0).inserted }
    }

    /// The full names the sender introduces themselves with when writing from an account of
    /// their own (a first name alone names no one).
    public static func introducedNames(in body: String) -> [String] {
        let own = QuoteMarkers.ownPart(of: body)
        let ownLowered = ByteSearch.ASCIILowered(own)
        guard ownLowered.holds("from"), ownLowered.holds("my") else { return [] }
        return matches(introduction, in: own, group: 1).filter { PersonName.key($0) != nil }
    }

    private static func matches(_ pattern: NSRegularExpression, in text: String, group: Int) -> [String] {
        pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: group), in: text).map { String(text[$0]) }
        }
    }
}
