import Foundation

/// A person's name as the same person is printed in different places: "Reyes, Michael",
/// "Det. Michael Reyes", "MICHAEL REYES (NYPD)" are one name; "Michael" alone is none.
public enum PersonName {
    /// Ranks and courtesy titles printed before a name.
    private static let titles: Set<String> = [
        "det", "detective", "sgt", "sergeant", "lt", "lieutenant", "capt", "captain", "insp", "inspector", "chief", "officer", "po",
        "p.o", "dep", "deputy", "commissioner", "dr", "mr", "mrs", "ms", "miss", "agent", "sa", "special", "atty", "hon", "prof",
    ]

    /// The name's key: its words lower-cased, a title, initials, parenthesised words and
    /// suffixes dropped, "Last, First" turned ("michael reyes"); nil unless two words are
    /// left (a first name alone names no one).
    public static func key(_ name: String) -> String? {
        keys.value(for: name, computeKey)
    }

    /// The same few names are printed on message after message (and asked of several
    /// times for each): their keys are kept, up to a bound.
    private static let keys = TextMemo<String?>(capacity: 4096)

    private static func computeKey(_ name: String) -> String? {
        var text = name.contains(where: { $0 == "(" || $0 == "[" })
            ? bracketed.stringByReplacingMatches(in: name, range: NSRange(name.startIndex..., in: name), withTemplate: " ") : name
        // "Reyes, Michael" (but not "Michael Reyes, Jr." or a list of names).
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if parts.count == 2, !["jr", "jr.", "sr", "sr.", "ii", "iii", "esq", "esq."].contains(parts[1].lowercased()),
           !parts[0].contains(" ") || parts[1].split(separator: " ").count <= 2 {
            text = parts[1] + " " + parts[0]
        }
        var words = text.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "'" && $0 != "-" && $0 != "." })
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ".")) }.filter { !$0.isEmpty }
        while let first = words.first, titles.contains(first) { words.removeFirst() }
        words = words.filter { $0.count > 1 && !["jr", "sr", "ii", "iii", "esq"].contains($0) }
        guard words.count >= 2, words.count <= 4 else { return nil }
        return words.joined(separator: " ")
    }

    /// Words in parentheses or brackets: "(NYPD)", "[EXTERNAL]".
    private static let bracketed = try! NSRegularExpression(pattern: #"\([^)]*\)|\[[^\]]*\]"#)

    /// Words of a unit's or an organisation's name, never of a person's.
    private static let organisationWords: Set<String> = [
        "department", "squad", "unit", "bureau", "division", "office", "team", "police", "precinct", "section", "agency", "inc",
        "llc", "corp", "corporation", "company", "society", "group", "services", "solutions", "systems", "center", "centre",
    ]

    /// The names a message is signed with: a line of its last lines that is a name alone
    /// ("Michael Reyes", "Det. Michael Reyes"), not a unit's ("NYPD Detective Squad").
    public static func signatures(in body: String) -> [String] {
        Signature.block(of: body).split(whereSeparator: \.isNewline).compactMap { line in
            let text = line.trimmingCharacters(in: CharacterSet(charactersIn: " \t-–—,"))
            let words = text.split(separator: " ")
            guard text.count <= 40, text.first?.isUppercase == true, !text.contains("@"), !text.contains(where: \.isNumber),
                  words.allSatisfy({ $0.first?.isUppercase == true || $0.hasSuffix(".") }),
                  // (An acronym, "NYPD", names an organisation.)
                  !words.contains(where: { $0.count >= 2 && $0.allSatisfy(\.isUppercase) }),
                  !words.contains(where: { organisationWords.contains($0.lowercased()) }) else { return nil }
            return key(text) == nil ? nil : text
        }
    }
}
