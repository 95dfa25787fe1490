import Foundation

/// Undoes OCR's usual damage to header values (never to body text, which stays as read).
enum OCRRepair {
    static let addressFixes = compile([
        // A request or Bates number OCR set on the line from the page's edge: "Gabriela
        // Taylor/FIS/NYPD@NYPD 2020-ICFO-37232", "… <raj@hq.dhs.gov>   NYPD_0022038".
        (#"(?:\s+(?:\d{4}-[A-Z]{2,8}-\d{3,6}|[A-Z][A-Z0-9]{1,15}[_-]\d{4,}))+\s*$"#, ""),
        // Spaces around an "@" (not one opening a name's word after a comma: "Mitchell, @yvind").
        (#"(?<=[^\s,;])\s*@\s*"#, "@"),
        // Marks before the name: "- O Briain, Declan" (OCR's reading of "Ó Briain").
        (#"^[\s\-–—_.~=*©®°•]+(?=\p{L})"#, ""),
        // A dot read as a colon inside an address: "lukasz.j:baptiste@", "frank@clearview:ai".
        (#"(?<=[a-z0-9])(?<!mailto):(?=[a-z0-9][a-z0-9._-]*@)"#, "."),
        (#"(?<=@[A-Za-z0-9-]{1,40}):(?=[A-Za-z]{2,6}(?![A-Za-z0-9]))"#, "."),
        // A space read after a dot: "jamal. jackson@gmail.com", "“jorge. walker@" (a bracket
        // read as a quote mark).
        (#"(?<=(?:^|[\s<(«“"‘])[A-Za-z0-9_-]{1,30}\.)\s(?=[A-Za-z0-9._-]+@)"#, ""),
        // ... or before it: "christopher .howard@briefcam.com" (lower case before the space:
        // a name's word, "Christopher", is no part of an address).
        (#"(?<=(?:^|[\s<(«“"‘])[a-z0-9_-]{1,30})\s(?=\.[A-Za-z0-9._-]+@)"#, ""),
        // A space read between an address's last digits: "<jsullivan9 1@aol.com>".
        (#"(?<=[<«(\s][A-Za-z][A-Za-z0-9._-]{0,30}[0-9])\s(?=[0-9]{1,3}@)"#, ""),
        // A dot read as a space right after the opening bracket: "<aisha oliveira@".
        (#"(?<=[<«“][a-z0-9_-]{1,30})\s(?=[a-z0-9._-]+@)"#, "."),
        (#"(?<![\w.])([A-Z]) (?=[a-z]{2,})"#, "$1"),
        (#"(?<=@[A-Za-z0-9-]{1,40})\s*\.\s*(?=[A-Za-z])"#, "."),
        // ... after a domain's other labels only before a last label that ends the address:
        // "oliveirab@usss.dhs. gov".
        (#"(?<=@[A-Za-z0-9-]{1,40}\.[A-Za-z0-9.-]{1,40})\.\s+(?=[a-z]{2,6}(?![A-Za-z0-9.@-]))"#, "."),
        // ... or before a last label that ends the address: "kwong@dmv.ny .gov".
        (#"(?<=@[A-Za-z0-9-]{1,40}\.[A-Za-z0-9.-]{0,40}[A-Za-z0-9])\s+\.(?=[a-z]{2,6}(?![A-Za-z0-9.@-]))"#, "."),
        // An initial "j" between dots read as a bracket: "emeka.}.khoury@", "sean.).nguyen@".
        (#"(?<=[A-Za-z0-9]\.)[}\])](?=\.[A-Za-z0-9._-]*@)"#, "j"),
        // A dot in the domain read as a slash: "ice /dhs.gov".
        (#"(?<=@[A-Za-z0-9.-]{1,40})\s*/\s*(?=[A-Za-z0-9-]+\.[A-Za-z])"#, "."),
        // Specks beside the "@": "karen.richardson(@!sap-ny.org", "castillom@?panynj.gov".
        (#"(?<=[A-Za-z0-9])[(\[{!|'’?]*@[(\[{!|'’?]*(?=[A-Za-z0-9])"#, "@"),
        // A dot in the domain read as an underscore, which no domain holds: "@lapd_lacity.org".
        (#"(?<=@[A-Za-z0-9.-]{1,40})_(?=[A-Za-z0-9-]+\.[A-Za-z])"#, "."),
        // A domain's only dot read as a dash: "@panynj-gov".
        (#"(?<=@[A-Za-z0-9]{2,40})-(?=(gov|com|org|net|edu|us|io|ai)(?![A-Za-z0-9.-]))"#, "."),
        // A dot before the "@" read as a comma: "owen,j.nunez@".
        (#"(?<=[A-Za-z0-9]),(?=[A-Za-z0-9._-]*@)"#, "."),
        // Angle brackets read as other marks (one or two: "Dabrowski, Inés -:ines.dabrowski@…"),
        // or lost: "Castillo, Mei «castillom@panynj.gov -".
        (#"\s+[«»“”"\-–<(\[:‘]{0,2}\s*([A-Za-z0-9][A-Za-z0-9._%+'-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)\s*[>»:\-=*°+’'.,)\]]*\s*(?=;|$)"#, " <$1>"),
    ])

    /// Month names as OCR misreads them: "] an", "J un", ") ul", "0ct", "5ep".
    static let dateFixes = compile([
        (#"(?<![A-Za-z])[J\]\)\|\}]\s?an(?=[a-z]*[\s.,])"#, " Jan"),
        (#"(?<![A-Za-z])[J\]\)\|\}]\s?un(?=[a-z]*[\s.,])"#, " Jun"),
        (#"(?<![A-Za-z])[J\]\)\|\}]\s?u[l1I](?=[a-z]*[\s.,])"#, " Jul"),
        (#"(?<![A-Za-z])0\s?ct"#, "Oct"),
        (#"(?<![A-Za-z])5\s?ep"#, "Sep"),
        (#"(?<=\d)\s?[Oo](?=\d)"#, "0"),
        (#"(?<=\d)[lI|](?=\d)"#, "1"),
        // A numeric date's slashes read as other marks: "2°26°2019", "2:26:2019", "11/26°2018".
        (#"(?<![\d:])(\d{1,2})\s?[°:/.\-]\s?(\d{1,2})\s?[°:/.\-]\s?((?:19|20)\d{2})(?!\d)"#, "$1/$2/$3"),
        // A speck between a day and its month: "4,May 2020", "21-.Feb 2021".
        (#"(?<=\d)\s*(,|\.|-\.|\.-)\s*(?=(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*[\s.,])"#, " "),
        // A comma read as a dot between the day and the year: "Fri, Sep 1. 2017 at 4:57 PM".
        (#"(?<=\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.? \d{1,2})\.(?= (?:19|20)\d{2}\b)"#, ","),
        // A bracket read after the day: "Sun. 21) Apr 2019".
        (#"(?<=\b\d{1,2})[)\]}|](?=\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))"#, ""),
        // A time's colons read as spaces, semicolons or dots, or with a space beside them,
        // after the year: "2019 17 56:40", "12: 32:44", "09:28: 39-0400", "19:27 40-0700",
        // "09:05; 12". (Three parts only: two numbers after a year may be something else.)
        (#"\b((?:19|20)\d{2},? )(\d{1,2})(?: ?[;:.] ?| )([0-5]\d)(?: ?[;:.] ?| )([0-5]\d)(?![\d:])"#, "$1$2:$3:$4"),
        // A zero of the offset read as a letter: "-O400", "-D400".
        (#"(?<=[+-])[OoD](?=\d{3}(?!\d))"#, "0"),
    ])

    /// A day before its month whose digits OCR read as letters: "Sun. lO Mar 2019" (10),
    /// "Tue, I2 Mar" (12): "l", "I" and "|" for 1, "O" and "o" for 0, in a day of one or two
    /// characters right before a month's name, at the start or after the weekday.
    static let dayReadAsLetters = try! NSRegularExpression(
        pattern: #"(?<=^|[.,] {1,3})([0-3lI|][0-9OolI|]|[lI|])(?= +(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*[ .,])"#)

    /// A Lotus Notes name whose slashes OCR read as letters, or with a speck before it:
    /// "Yuki CelikIEROU/ICE@ICE" → "Yuki Celik/EROU/ICE@ICE", "Ni BhriainJRTCCINYPD@NYPD"
    /// → "Ni Bhriain/RTCC/NYPD@NYPD" (a surname does not run on into capitals),
    /// "Yuki Mensah/IBINYPD@NYPD" → "Yuki Mensah/IB/NYPD@NYPD" (the organisation is the domain's),
    /// "Lauren O BriainRTCCINYPD@NYPD" → "Lauren O Briain/RTCC/NYPD@NYPD" (both slashes lost or misread).
    /// A speck before it goes: "‘Megan Green/…", "- Tanisha Stewart/…".
    static func notesName(_ value: String) -> String { repairedNotesNames.value(for: value, repairNotesName) }

    private static func repairNotesName(_ value: String) -> String {
        var text = apply(notesNameFixes, to: capitalOReadAsMark(value))
        guard let at = text.lastIndex(of: "@"), let slash = text[..<at].lastIndex(of: "/") else { return text }
        let domain = text[text.index(after: at)...], unit = text[text.index(after: slash)..<at]
        if domain.count >= 2, unit.count > domain.count + 2, unit.hasSuffix(domain), "Il|1".contains(unit.dropLast(domain.count).last ?? " ") {
            let cut = text.index(at, offsetBy: -(domain.count + 1))
            text.replaceSubrange(cut...cut, with: "/")
        }
        return text
    }

    /// A name's word of one capital O (Ó Briain, O Neill) that OCR read as "©" or "®":
    /// "Lauren © Briain" → "Lauren O Briain". (Only between a word and a capitalised one.)
    static func capitalOReadAsMark(_ value: String) -> String {
        apply(capitalOFix, to: value)
    }

    private static let capitalOFix = compile([(#"(?<=\p{L} )[©®](?= \p{Lu})"#, "O")])

    /// What `notesName` repairs, in order (compiled once: it runs on every line that may
    /// open a memo).
    private static let notesNameFixes = compile([
        (#"(?<=\p{Ll})(?:[Il|1](?=\p{Lu}{2,}[/|])|[Il|1J](?=\p{Lu}[\p{Lu}/|]+@\p{Lu}))"#, "/"),
        (#"^(?:[‘’“”'"•©®°*~=.]{1,2}\s?|[-–—]\s)(?=\p{L})"#, ""),
        // A slash OCR lost between the surname and the unit: "O BriainRTCCINYPD@NYPD".
        (#"(?<=\p{Ll})(?=\p{Lu}{3,}@\p{Lu})"#, "/"),
        // A speck after a slash ("/‘OMAP", "/!ITB"), a space after an apostrophe ("D' Angelo").
        (#"(?<=/)[‘’“”'"!](?=\p{Lu})|(?<=\p{L}['’])\s(?=\p{Lu})"#, ""),
    ])

    /// "mark.delgado@ ice.dhs.gov" → "mark.delgado@ice.dhs.gov"; "J ohn Park" → "John Park".
    static func addresses(_ value: String) -> String { repairedAddresses.value(for: value) { apply(addressFixes, to: $0) } }

    // Each repair's answers are kept: a printed thread repeats every header it quotes, a
    // header's values are read more than once, and a repair runs up to twenty patterns.
    private static let repairedAddresses = TextMemo<String>(capacity: 4096)
    private static let repairedNotesNames = TextMemo<String>(capacity: 1024)
    private static let repairedDates = TextMemo<String>(capacity: 4096)
    private static let repairedSubjects = TextMemo<String>(capacity: 4096)

    /// A name read by OCR, checked against its address, which OCR reads better (plain
    /// letters): "tukasz Young" <young.lukasz@aol.com> → "Lukasz Young", "Fatima Simkovaé"
    /// <fsimkova@…> → "Fatima Simkova"; stray quote marks go. A word is replaced only by
    /// a part of the address one letter away from it, never guessed.
    static func name(_ person: Correspondent) -> Correspondent {
        guard let name = person.name else { return person }
        let local = person.address?.split(separator: "@").first.map { $0.lowercased() } ?? ""
        let runs = local.split(whereSeparator: { !$0.isLetter }).map(String.init)
        func plain(_ text: String) -> String { text.lowercased().folding(options: .diacriticInsensitive, locale: nil) }
        // Specks after the name ("Tamara Wright (i __!> i 2 7") end it; a letter read as a
        // digit ("G6mez-Ruiz") does not.
        var read = capitalOReadAsMark(name).replacingOccurrences(of: #"[“”"]|(?<!\p{L})[‘’']|[‘’'](?!\p{L})"#, with: "", options: .regularExpression)
            .split(separator: " ").enumerated().prefix { index, word in
                // (A capital OCR read as "@" opens the first word: "@yvind Rahman".)
                let letters = index == 0 && word.first == "@" ? word.dropFirst() : word[...]
                return letters.allSatisfy { $0.isLetter || ".,-'’".contains($0) } || (word.filter(\.isNumber).count == 1 && word.filter(\.isLetter).count >= 3)
            }.map { String($0.element) }
        // The capital read as "@" is the first letter of the address's word that goes on as
        // the name does ("@yvind" <oyvindrahman…> → "Oyvind"); without one, the word goes.
        if let first = read.first, first.hasPrefix("@") {
            let rest = plain(String(first.dropFirst()))
            if !rest.isEmpty, let run = runs.first(where: { $0.count > rest.count && $0.dropFirst().hasPrefix(rest) }) {
                read[0] = run.prefix(1).uppercased() + first.dropFirst()
            } else {
                read.removeFirst()
            }
        }
        // A space OCR put inside a word ("Raj Lo pez" <raj.lopez@…>): joined again where the
        // second part goes on in lower case and the address holds the whole word, not the parts.
        var k = 0
        while k + 1 < read.count {
            let (a, b) = (plain(read[k]), plain(read[k + 1]))
            if read[k + 1].first?.isLowercase == true, runs.contains(a + b), !runs.contains(a), !runs.contains(b) {
                read[k] += read[k + 1]
                read.remove(at: k + 1)
            } else {
                k += 1
            }
        }
        func fixed(_ part: Substring) -> String {
            let folded = plain(String(part))
            guard folded.count >= 4, folded.allSatisfy({ $0.isLetter || $0.isNumber }), !runs.contains(where: { $0.contains(folded) }) else { return String(part) }
            // OCR's usual confusions first: "ñ" read as "fi", "m" as "rn" ("Pefia" for Peña).
            let variant = folded.replacingOccurrences(of: "fi", with: "n").replacingOccurrences(of: "rn", with: "m")
            guard let fix = variant != folded && runs.contains(where: { $0.contains(variant) }) ? variant : nearestPart(of: runs, to: folded)
            else { return String(part) }
            return fix.prefix(1).uppercased() + fix.dropFirst()
        }
        // A speck read as a short lowercase word after the name ("Liam Rogers ot") is none of it.
        while read.count > 1, let last = read.last, last.count <= 2, last.allSatisfy({ $0.isLowercase }) { read.removeLast() }
        // (Each part of a double name on its own: "Gómez-Ruiz".)
        let words = read.map { $0.split(separator: "-", omittingEmptySubsequences: false).map(fixed).joined(separator: "-") }
        return Correspondent(name: words.joined(separator: " "), address: person.address)
    }

    /// The part of one of `runs` one edit away from `word`: as long as it if there is
    /// one such part, else one letter shorter or longer if there is one; else nil. (One
    /// letter shorter only without the word's first or last letter, a speck OCR set beside
    /// it: a letter missing inside is as likely the address's loss — "ewrght@" for Wright.)
    private static func nearestPart(of runs: [String], to word: String) -> String? {
        for lengths in [[word.count], [word.count - 1, word.count + 1]] {
            var found = Set<String>()
            for run in runs {
                let letters = Array(run)
                for length in lengths where length >= 1 && length <= letters.count {
                    for start in 0...(letters.count - length) {
                        let part = String(letters[start..<(start + length)])
                        guard length >= word.count || part == String(word.dropFirst()) || part == String(word.dropLast()) else { continue }
                        if PrintedHeader.editDistance(part, word) == 1 { found.insert(part) }
                    }
                }
            }
            if !found.isEmpty { return found.count == 1 ? found.first : nil }
        }
        return nil
    }

    /// A Notes date line ("03/20/2020 03:50 PM") whose slashes OCR lost or read as
    /// spaces or brackets, and whose digits it read as letters: "03 20 2020 03:50 PM",
    /// "0308 2020 05:26 PM", "1) 22 2019 02:38 PM", "03 18 2020 [0:29 PN]". Only a whole
    /// value of month, day, year and a clock time reads so: numbers elsewhere stay as read.
    static let numericDateLine = try! NSRegularExpression(
        pattern: #"^\s*(?:([0-9OoIl|\])\]]{1,2})(?:\s?[°:/.\-)\]|]\s?|\s)([0-9OoIl|\]]{1,2})|([01][0-9])([0-3][0-9]))(?:\s?[°:/.\-)\]|]\s?|\s)((?:19|20)[0-9]{2}),?\s+([0-9\[\]|lI]{1,2})[:.]([0-5][0-9])\s?(?:([AaPp])[MmNn]\]?)?\s*$"#)

    static func date(_ value: String) -> String { repairedDates.value(for: value, repairDate) }

    private static func repairDate(_ value: String) -> String {
        if let m = numericDateLine.firstMatch(in: value, range: NSRange(value.startIndex..., in: value)) {
            func group(_ i: Int) -> String { Range(m.range(at: i), in: value).map { String(value[$0]) } ?? "" }
            func digits(_ text: String) -> String { String(text.map { "Oo".contains($0) ? "0" : "Il|])[".contains($0) ? "1" : $0 }) }
            let (month, day) = m.range(at: 1).location != NSNotFound ? (group(1), group(2)) : (group(3), group(4))
            let meridiem = group(8).isEmpty ? "" : " " + group(8).uppercased() + "M"
            return "\(digits(month))/\(digits(day))/\(group(5)) \(digits(group(6))):\(group(7))" + meridiem
        }
        var text = apply(dateFixes, to: value)
        for match in dayReadAsLetters.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed() {
            guard let range = Range(match.range(at: 1), in: text) else { continue }
            let digits = String(text[range].map { "lI|".contains($0) ? "1" : "Oo".contains($0) ? "0" : $0 })
            text.replaceSubrange(range, with: digits)
        }
        return text
    }

    /// A speck OCR read before a subject goes: "_ RE: Following up", "-  RE: …", "‘FW: RE: …" (an
    /// opening quote mark that no closing one answers); and one read a column after it.
    static func subject(_ value: String) -> String { repairedSubjects.value(for: value) { apply(subjectFixes, to: $0) } }

    static let subjectFixes = compile([
        (#"^(?:[_`|~•©®°.,]{1,2}\s?|[‘'](?![^’']*[’'])\s?|[-–—]\s+)(?=[\p{Lu}\d])"#, ""),
        // A speck in the margin after it, a column away: "Re: Fwd: Subject inquiry  i".
        (#"\s{2,}(?:[^\p{L}\p{N}\s]{1,2}|\p{Ll})$"#, ""),
    ])

    static func compile(_ fixes: [(String, String)]) -> [(NSRegularExpression, String)] {
        fixes.map { (try! NSRegularExpression(pattern: $0.0), $0.1) }
    }

    static func apply(_ fixes: [(NSRegularExpression, String)], to value: String) -> String {
        fixes.reduce(value) { text, fix in
            fix.0.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: fix.1)
        }
    }
}
