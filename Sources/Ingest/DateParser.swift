import Foundation

/// Reads the dates found in releases into `RecordDate`:
/// RFC 5322 (`Tue, 4 Dec 2018 10:32:00 -0500`), Outlook print (`Tuesday, December 4,
/// 2018 10:32 AM`), Gmail print (`Tue, Dec 4, 2018 at 10:32 AM`), US numeric
/// (`12/4/2018 10:32 AM`), ISO (`2018-12-04 10:32`), and day-only forms. An offset is
/// kept only when the text states one.
public enum DateParser {
    static let months: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
        "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    ]
    static let zones: [String: Int] = [
        "gmt": 0, "utc": 0, "ut": 0, "z": 0, "est": -300, "edt": -240, "cst": -360, "cdt": -300,
        "mst": -420, "mdt": -360, "pst": -480, "pdt": -420,
    ]

    static let spaces = try! NSRegularExpression(pattern: #"\s+"#)
    static let timeOfDay = try! NSRegularExpression(
        pattern: #"([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?(?:\s*([AaPp])\.?\s?[Mm]\.?)?(?:\s*([+-][0-9]{2}:?[0-9]{2}|\(?[A-Za-z]{1,4}\)?))?"#)

    /// The day and time a printed date shows, if it shows one.
    public static func parse(_ raw: String) -> RecordDate? { parsed.value(for: raw, read) }

    /// (Kept: a printed thread repeats every date it quotes, and each takes a few regular
    /// expressions to read.)
    private static let parsed = TextMemo<RecordDate?>(capacity: 4096)

    private static func read(_ raw: String) -> RecordDate? {
        let text = spaces.stringByReplacingMatches(in: raw, range: NSRange(raw.startIndex..., in: raw), withTemplate: " ")
        guard let (year, month, day, dateRange) = findDay(in: text) else { return nil }
        // The time right after the day ("…2018 10:32", "…2018 at 10:32"), else right
        // before it ("10:32 AM, Dec 4, 2018"); digits further away are something else
        // (a case number's "1:15" is not a time).
        let after = NSRange(dateRange.upperBound..., in: text), before = NSRange(..<dateRange.lowerBound, in: text)
        let afterDate = timeOfDay.firstMatch(in: text, range: after).flatMap { m in
            m.range.location - after.location <= 6 ? m : nil
        }
        let beforeDate = timeOfDay.matches(in: text, range: before).last.flatMap { m in
            before.location + before.length - (m.range.location + m.range.length) <= 3 ? m : nil
        }
        guard let t = afterDate ?? beforeDate else {
            return RecordDate(year: year, month: month, day: day)
        }
        func group(_ i: Int) -> String? { matched(t.range(at: i), in: text) }
        var hour = Int(group(1)!)!
        if let meridiem = group(4)?.lowercased() {
            if meridiem == "p", hour < 12 { hour += 12 }
            if meridiem == "a", hour == 12 { hour = 0 }
        }
        var offset: Int?
        if let zone = group(5) {
            let z = zone.trimmingCharacters(in: CharacterSet(charactersIn: "()")).lowercased()
            if z.first == "+" || z.first == "-" {
                let digits = z.filter(\.isNumber)
                let (hours, minutes) = (Int(digits.prefix(2))!, Int(digits.suffix(2))!)
                // (No zone is offset by "-0950", OCR's reading of "-0500": the offset is
                // unknown, not guessed.)
                if hours <= 14, minutes % 15 == 0 { offset = (z.first == "-" ? -1 : 1) * (hours * 60 + minutes) }
            } else {
                offset = zones[z]
            }
        }
        // (A time no clock shows — OCR's "73:29:54" for 13:29:54 — is not guessed: the day stands alone.)
        return RecordDate(year: year, month: month, day: day, hour: hour, minute: Int(group(2)!)!,
                          second: group(3).flatMap { Int($0) } ?? 0, offsetMinutes: offset)
            ?? RecordDate(year: year, month: month, day: day)
    }

    /// A date as a print or a scan of one shows it: OCR's usual misreadings undone first.
    public static func parsePrinted(_ raw: String) -> RecordDate? { parse(OCRRepair.date(raw)) }

    /// A Date: header of sent mail, with what RFC 5322 calls obsolete and old mail has:
    /// two- and three-digit years (`7 Apr 94`: 1994; `13 Oct 02`: 2002), no seconds, zone
    /// names (`CST`). A zone nobody knows (`Hora oficial do Brasil`) or `-0000` says the
    /// offset is unknown: the time is kept as printed.
    public static func parseHeader(_ raw: String) -> RecordDate? {
        let text = spaces.stringByReplacingMatches(in: raw, range: NSRange(raw.startIndex..., in: raw), withTemplate: " ")
        guard let m = rfc5322.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return parse(raw) }
        func group(_ i: Int) -> String? { matched(m.range(at: i), in: text) }
        guard let day = group(1).flatMap({ Int($0) }), let month = group(2).flatMap({ months[$0.lowercased()] }),
              var year = group(3).flatMap({ Int($0) }), let hour = group(4).flatMap({ Int($0) }),
              let minute = group(5).flatMap({ Int($0) })
        else { return parse(raw) }
        if group(3)!.count == 2 { year += year < 50 ? 2000 : 1900 } else if group(3)!.count == 3 { year += 1900 }
        var offset: Int?
        if let zone = group(7) {
            if zone.first == "+" || zone.first == "-" {
                let minutes = Int(zone.dropFirst().prefix(2))! * 60 + Int(zone.suffix(2))!
                offset = zone == "-0000" ? nil : (zone.first == "-" ? -minutes : minutes)
            } else {
                offset = zones[zone.lowercased()]
            }
        }
        return RecordDate(year: year, month: month, day: day, hour: hour, minute: minute,
                          second: group(6).flatMap { Int($0) } ?? 0, offsetMinutes: offset)
    }

    static let rfc5322 = try! NSRegularExpression(
        pattern: #"^\s*(?:[A-Za-z]+,?\s*)?([0-9]{1,2})\s+([A-Za-z]{3})[A-Za-z]*\.?\s+([0-9]{2,4})\s+([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?(?:\s*([+-][0-9]{4}|[A-Za-z]{1,5}\b))?"#)

    static let monthName = #"(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?"#
    /// 4 Dec 2018
    static let dayMonthYear = try! NSRegularExpression(pattern: #"\b([0-9]{1,2}) "# + monthName + #",? ([0-9]{4})\b"#, options: .caseInsensitive)
    /// December 4, 2018 / Dec 4 2018
    static let monthDayYear = try! NSRegularExpression(pattern: #"\b"# + monthName + #" ([0-9]{1,2})(?:st|nd|rd|th)?,? ([0-9]{4})\b"#, options: .caseInsensitive)

    /// 2018-12-04
    static let isoDay = try! NSRegularExpression(pattern: #"\b([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})"#)
    /// 12/4/2018 or 12/4/18 (US order)
    static let usDay = try! NSRegularExpression(pattern: #"\b([0-9]{1,2})/([0-9]{1,2})/([0-9]{4}|[0-9]{2})\b"#)

    /// What a pattern's group matched, to the UTF-16 unit: a mark that combines with the
    /// last digit ("32\u{73E}") belongs to its character, never to the number read. (Every
    /// pattern here reads ASCII digits only: `\d` would take other scripts' digits, which
    /// `Int` does not read.)
    static func matched(_ range: NSRange, in text: String) -> String? {
        range.location == NSNotFound ? nil : (text as NSString).substring(with: range)
    }

    private static func findDay(in text: String) -> (Int, Int, Int, Range<String.Index>)? {
        let whole = NSRange(text.startIndex..., in: text)
        func group(_ m: NSTextCheckingResult, _ i: Int) -> String { matched(m.range(at: i), in: text) ?? "" }
        if let m = dayMonthYear.firstMatch(in: text, range: whole), let day = Int(group(m, 1)),
           let month = months[group(m, 2).lowercased()], let year = Int(group(m, 3)), let range = Range(m.range, in: text)
        {
            return (year, month, day, range)
        }
        if let m = monthDayYear.firstMatch(in: text, range: whole), let month = months[group(m, 1).lowercased()],
           let day = Int(group(m, 2)), let year = Int(group(m, 3)), let range = Range(m.range, in: text)
        {
            return (year, month, day, range)
        }
        if let m = isoDay.firstMatch(in: text, range: whole), let range = Range(m.range, in: text) {
            return (Int(group(m, 1))!, Int(group(m, 2))!, Int(group(m, 3))!, range)
        }
        if let m = usDay.firstMatch(in: text, range: whole), let range = Range(m.range, in: text) {
            var year = Int(group(m, 3))!
            // (12/4/98 is 1998: released mail goes back to the nineties.)
            if year < 100 { year += year < 50 ? 2000 : 1900 }
            return (year, Int(group(m, 1))!, Int(group(m, 2))!, range)
        }
        return nil
    }
}
