import Foundation

/// Reads a From/To/Cc value into correspondents: `Name <addr>`, `"Last, First" <addr>`,
/// `Last, First <addr>`, `Name [mailto:addr]`, bare addresses, and names printed with
/// no address. Outlook prints lists with `;`, RFC headers and Gmail with `,`.
public enum AddressList {
    static let angleAddress = try! NSRegularExpression(pattern: #"<\s*([^<>\s]+@[^<>\s]+)\s*>"#)
    static let mailtoAddress = try! NSRegularExpression(pattern: #"\[\s*mailto:\s*([^\]\s]+@[^\]\s]+)\s*\]"#)
    static let bareAddress = try! NSRegularExpression(pattern: #"[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"#)
    static let spaces = try! NSRegularExpression(pattern: #"\s+"#)
    /// Words a surname may begin with (as lowercased): "van der Berg", "da Silva", "St. Clair".
    public static let surnameParticles: Set<String> = ["van", "der", "den", "de", "da", "das", "do", "dos", "von", "la", "le", "del", "della", "di", "du", "ten", "ter", "bin", "al", "el", "y", "st", "st."]
    /// A Lotus Notes name: "Michael Reyes/NYPD/NYC@NYPD", "Dana O’Brien/RTCC/NYPD@NYPD" (OCR may
    /// split its domain: "…@NY PD").
    static let notesName = try! NSRegularExpression(pattern: #"^([\p{L}][\p{L} .'’-]{0,40}?)(/[\p{L}0-9 .&'-]{1,30}){1,4}(@[\p{L}0-9.-]{1,30}(?: \p{Lu}{1,6})?)?$"#)

    /// Every address printed in a text (signatures, quoted lines), lowercased.
    static func bareAddresses(in text: String) -> [String] {
        bareAddress.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range, in: text).map { text[$0].lowercased() }
        }
    }

    /// The people a printed list of recipients (or a sender) names.
    public static func parse(_ value: String) -> [Correspondent] { parsed.value(for: value, read) }

    /// (Kept: a printed thread repeats the people of every header it quotes.)
    private static let parsed = TextMemo<[Correspondent]>(capacity: 4096)

    private static func read(_ value: String) -> [Correspondent] {
        let pieces: [String]
        if value.contains(";") {
            pieces = split(value, on: ";")
        } else {
            pieces = mergeSurnames(split(value, on: ","))
        }
        return pieces.compactMap(parseOne)
    }

    /// Splits outside quotes, <…> and (…).
    private static func split(_ value: String, on separator: Character) -> [String] {
        var pieces: [String] = []
        var current = ""
        var inQuotes = false
        var depth = 0
        for ch in value {
            switch ch {
            case "\"": inQuotes.toggle()
            case "<", "(", "[": if !inQuotes { depth += 1 }
            case ">", ")", "]": if !inQuotes { depth = max(0, depth - 1) }
            default: break
            }
            if ch == separator, !inQuotes, depth == 0 {
                pieces.append(current)
                current = ""
            } else {
                current.append(ch)
            }
        }
        pieces.append(current)
        return pieces.map { $0.trimmed() }.filter { !$0.isEmpty }
    }

    /// `Doe, Jane <jane@x>` split on commas gives `Doe` and `Jane <jane@x>`: a lone
    /// word with no address is a surname that belongs to the next piece.
    private static func mergeSurnames(_ pieces: [String]) -> [String] {
        var result: [String] = []
        var i = 0
        while i < pieces.count {
            let piece = pieces[i]
            let loneWord = !piece.contains(" ") && !piece.contains("@") && !piece.contains("<")
            // "De La Cruz, José <jdelacruz@x.org>": a surname of several words, then a
            // first name alone before the address.
            let nameOnly = !piece.contains("@") && !piece.contains("<") && piece.split(separator: " ").count <= 4
                && piece.split(separator: " ").allSatisfy { ($0.first?.isUppercase ?? false) || surnameParticles.contains($0.lowercased()) }
            let next = i + 1 < pieces.count ? pieces[i + 1] : ""
            let nextName = next.split(separator: "<").first.map { $0.trimmed() } ?? ""
            // A first name alone, or with a middle initial ("Erin W."): not a whole name.
            let nextWords = nextName.split(separator: " ")
            let givenName = nextWords.count == 1 || (nextWords.count == 2 && nextWords[1].filter(\.isLetter).count == 1)
            let firstNameThenAddress = nameOnly && next.contains("<") && !nextName.isEmpty && givenName && !hasAddressSign(nextName)
            // "van der Berg, Malik" or "De La Cruz, Erin W." alone: one person, surname first.
            let surnameThenFirstName = pieces.count == 2 && i == 0 && nameOnly && !next.contains("@") && givenName
            if firstNameThenAddress || surnameThenFirstName || (loneWord && i + 1 < pieces.count && !next.hasPrefix("<") && !hasAddressSign(nextName)) {
                result.append(piece + ", " + pieces[i + 1])
                i += 2
            } else {
                result.append(piece)
                i += 1
            }
        }
        return result
    }

    /// A redacted address ("<█████>", "porady@REDACTED") and a release's exemption
    /// mark beside it ("B6") are not part of the name.
    static let redaction = try! NSRegularExpression(pattern: #"<\s*[█\s]*>|█+|\s+\(?\b[Bb][1-9]\b\)?\s*$"#)

    static func parseOne(_ raw: String) -> Correspondent? {
        var text = raw.trimmed()
        text = redaction.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: " ").trimmed()
        // A Notes name: "Michael Reyes/NYPD/NYC@NYPD" is Michael Reyes, with no address.
        if let m = notesName.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
           let name = Range(m.range(at: 1), in: text)
        {
            return Correspondent(name: String(text[name]).trimmed(), address: nil)
        }
        var address: String?
        let whole = NSRange(text.startIndex..., in: text)
        if let m = angleAddress.firstMatch(in: text, range: whole) ?? mailtoAddress.firstMatch(in: text, range: whole),
           let inner = Range(m.range(at: 1), in: text), let outer = Range(m.range, in: text)
        {
            address = String(text[inner])
            text.removeSubrange(outer)
        } else if let m = bareAddress.firstMatch(in: text, range: whole), let range = Range(m.range, in: text) {
            address = String(text[range])
            text.removeSubrange(range)
        }
        // An address OCR left unreadable ("<cchowdhury@lapd Jacity.org>", "<gabriela. POGaT
        // Sea com>" or "« jiam(kairos.com>" after a name): the name stays, with no address
        // rather than a wrong one.
        if address == nil, let open = text.lastIndex(where: { $0 == "<" || $0 == "«" }), text[open...].contains("@") || open > text.startIndex {
            text.removeSubrange(open..<(text[open...].firstIndex(of: ">").map(text.index(after:)) ?? text.endIndex))
        }
        var name = text.trimmed(where: { " \t\"'<>[]".unicodeScalars.contains($0) })
        name = spaces.stringByReplacingMatches(in: name, range: NSRange(name.startIndex..., in: name), withTemplate: " ")
        if hasAddressSign(name) { name = "" }
        let correspondent = Correspondent(name: displayName(name), address: address)
        return correspondent.name == nil && correspondent.address == nil ? nil : correspondent
    }

    /// An "@" in a name's text that is an address's: not one opening a word of lowercase
    /// letters ("Mitchell, @yvind"), OCR's reading of a capital with a stroke or a ring.
    static func hasAddressSign(_ text: String) -> Bool {
        text.split(separator: " ").contains { $0.contains("@") && !isCapitalReadAsAt($0) }
    }

    static func isCapitalReadAsAt(_ word: Substring) -> Bool {
        word.first == "@" && word.count >= 3 && word.dropFirst().first!.isLowercase && word.dropFirst().allSatisfy(\.isLetter)
    }

    /// `Doe, Jane` → `Jane Doe`; other names as printed.
    static func displayName(_ name: String) -> String {
        let parts = name.split(separator: ",", omittingEmptySubsequences: true).map { $0.trimmed() }
        // A surname may have several words ("De La Cruz, José", "von Hagen, William");
        // "Smith, Jr." is not "Jr. Smith".
        if parts.count == 2, parts[0].split(separator: " ").count <= 3, !parts[1].isEmpty, parts[1].first?.isUppercase == true || isCapitalReadAsAt(parts[1].split(separator: " ")[0]),
           !["jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "esq", "esq.", "phd"].contains(parts[1].lowercased())
        {
            return parts[1] + " " + parts[0]
        }
        return name
    }
}
