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

    public static func parse(_ raw: String) -> RecordDate? {
        let text = raw.replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
        guard let (year, month, day, dateRange) = findDay(in: text) else { return nil }
        let afterDay = text[dateRange.upperBound...]
        let timePattern = #/(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?\s?[Mm]\.?)?(?:\s*([+-]\d{2}:?\d{2}|\(?[A-Za-z]{1,4}\)?))?/#
        guard let t = (afterDay.firstMatch(of: timePattern) ?? text[..<dateRange.lowerBound].firstMatch(of: timePattern)) else {
            return RecordDate(year: year, month: month, day: day)
        }
        var hour = Int(t.1)!
        if let meridiem = t.4?.lowercased() {
            if meridiem == "p", hour < 12 { hour += 12 }
            if meridiem == "a", hour == 12 { hour = 0 }
        }
        var offset: Int?
        if let zone = t.5 {
            let z = zone.trimmingCharacters(in: CharacterSet(charactersIn: "()")).lowercased()
            if z.first == "+" || z.first == "-" {
                let digits = z.filter(\.isNumber)
                let minutes = Int(digits.prefix(2))! * 60 + Int(digits.suffix(2))!
                offset = z.first == "-" ? -minutes : minutes
            } else {
                offset = zones[z]
            }
        }
        return RecordDate(year: year, month: month, day: day, hour: hour, minute: Int(t.2)!,
                          second: t.3.map { Int($0)! } ?? 0, offsetMinutes: offset)
    }

    private static func findDay(in text: String) -> (Int, Int, Int, Range<String.Index>)? {
        let monthName = #"(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?"#
        // 4 Dec 2018
        if let m = text.firstMatch(of: try! Regex(#"\b(\d{1,2}) "# + monthName + #",? (\d{4})\b"#).ignoresCase()),
           let day = Int(m.output[1].substring!), let month = months[m.output[2].substring!.lowercased()],
           let year = Int(m.output[3].substring!)
        {
            return (year, month, day, m.range)
        }
        // December 4, 2018 / Dec 4 2018
        if let m = text.firstMatch(of: try! Regex(#"\b"# + monthName + #" (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b"#).ignoresCase()),
           let month = months[m.output[1].substring!.lowercased()], let day = Int(m.output[2].substring!),
           let year = Int(m.output[3].substring!)
        {
            return (year, month, day, m.range)
        }
        // 2018-12-04
        if let m = text.firstMatch(of: #/\b(\d{4})-(\d{1,2})-(\d{1,2})/#) {
            return (Int(m.1)!, Int(m.2)!, Int(m.3)!, m.range)
        }
        // 12/4/2018 or 12/4/18 (US order)
        if let m = text.firstMatch(of: #/\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b/#) {
            var year = Int(m.3)!
            if year < 100 { year += 2000 }
            return (year, Int(m.1)!, Int(m.2)!, m.range)
        }
        return nil
    }
}
