import Foundation

/// A date as the source gives it: maybe without a time, and with a UTC offset only
/// when the source states one (a printed Outlook date has none, and none is guessed).
/// Encodes as ISO 8601: `2018-12-04`, `2018-12-04T10:32:00`, `2018-12-04T10:32:00-05:00`.
public struct RecordDate: Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int
    /// Hour, minute and second; nil when the source gives only a day.
    public var time: (hour: Int, minute: Int, second: Int)?
    /// Minutes east of UTC, when the source states it.
    public var offsetMinutes: Int?

    public init?(year: Int, month: Int, day: Int, hour: Int? = nil, minute: Int = 0, second: Int = 0,
                 offsetMinutes: Int? = nil) {
        guard (1900...2100).contains(year), (1...12).contains(month),
              (1...RecordDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        if let hour {
            guard (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
            time = (hour, minute, second)
        } else {
            time = nil
        }
        if let offsetMinutes, abs(offsetMinutes) > 14 * 60 { return nil }
        self.year = year
        self.month = month
        self.day = day
        self.offsetMinutes = time == nil ? nil : offsetMinutes
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `YYYY-MM-DD`.
    public var day8601: String { year.zeroPadded(4) + "-" + month.zeroPadded(2) + "-" + day.zeroPadded(2) }

    public var description: String {
        guard let time else { return day8601 }
        var s = day8601 + "T" + time.hour.zeroPadded(2) + ":" + time.minute.zeroPadded(2) + ":" + time.second.zeroPadded(2)
        if let offsetMinutes {
            let sign = offsetMinutes < 0 ? "-" : "+"
            s += sign + (abs(offsetMinutes) / 60).zeroPadded(2) + ":" + (abs(offsetMinutes) % 60).zeroPadded(2)
        }
        return s
    }

    /// Sorts in time order as printed (wall-clock time; offsets are not applied, so a
    /// naive and an offset date compare by what the reader sees).
    public var sortKey: String {
        let t = time ?? (0, 0, 0)
        return year.zeroPadded(4) + month.zeroPadded(2) + day.zeroPadded(2) + "T" + t.hour.zeroPadded(2) + t.minute.zeroPadded(2) + t.second.zeroPadded(2)
    }

    /// Whether this date comes before another: as instants when both state their UTC
    /// offset ("08:44 -0500" is after "09:07 -0400"), else by the wall-clock times printed.
    public func isBefore(_ other: RecordDate) -> Bool {
        if let a = utcSeconds, let b = other.utcSeconds { return a < b }
        return sortKey < other.sortKey
    }

    /// The minute in UTC ("20191105T1245"), when the offset is known: one instant
    /// however a mailer printed it.
    public var utcMinute: String? {
        guard let seconds = utcSeconds else { return nil }
        let minutes = seconds >= 0 ? seconds / 60 : (seconds - 59) / 60
        let (days, minuteOfDay) = (minutes >= 0 ? minutes / 1440 : (minutes - 1439) / 1440, ((minutes % 1440) + 1440) % 1440)
        // Civil date from days since 1970 (Howard Hinnant's algorithm).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return year.zeroPadded(4) + month.zeroPadded(2) + day.zeroPadded(2) + "T" + (minuteOfDay / 60).zeroPadded(2) + (minuteOfDay % 60).zeroPadded(2)
    }

    /// This date read at a UTC offset, when it prints none.
    public func assuming(offsetMinutes offset: Int) -> RecordDate {
        var date = self
        if date.time != nil, date.offsetMinutes == nil { date.offsetMinutes = offset }
        return date
    }

    /// Seconds since 1970 in UTC, when the offset is known.
    private var utcSeconds: Int? {
        guard let time, let offsetMinutes else { return nil }
        return (daysSince1970 * 1440 + time.hour * 60 + time.minute - offsetMinutes) * 60 + time.second
    }

    /// Days from 1 January 1970 to the day as printed.
    public var daysSince1970: Int {
        // Howard Hinnant's algorithm: no calendar needed.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Parses the ISO 8601 forms this type writes: `YYYY-MM-DD`, optionally followed by
    /// `Thh:mm`, `:ss` and a zone (`Z`, `±hh:mm` or `±hhmm`).
    public init?(iso: String) {
        // (Every record a search prints decodes its date.)
        var reader = ASCIIReader(iso[...])
        guard let year = reader.number(4...4), reader.skip("-"), let month = reader.number(2...2), reader.skip("-"),
              let day = reader.number(2...2)
        else { return nil }
        var hour: Int?, minute = 0, second = 0, offset: Int?
        if reader.skip("T") {
            guard let h = reader.number(2...2), reader.skip(":"), let m = reader.number(2...2) else { return nil }
            (hour, minute) = (h, m)
            if reader.skip(":") {
                guard let s = reader.number(2...2) else { return nil }
                second = s
            }
            if reader.skip("Z") {
                offset = 0
            } else if let sign = reader.skip("+") ? 1 : reader.skip("-") ? -1 : nil {
                guard let hours = reader.number(2...2) else { return nil }
                _ = reader.skip(":")
                guard let minutes = reader.number(2...2) else { return nil }
                offset = sign * (hours * 60 + minutes)
            }
        }
        guard reader.atEnd else { return nil }
        self.init(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offsetMinutes: offset)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = RecordDate(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an ISO 8601 date: \(text)"))
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public static func == (a: RecordDate, b: RecordDate) -> Bool { a.description == b.description }
    public func hash(into hasher: inout Hasher) { hasher.combine(description) }
    /// By wall-clock time; two dates printed at the same time (a day alone and its
    /// midnight, or the same time with and without an offset) in the order of their text,
    /// so that of two different dates one is always the smaller, as `==` expects.
    public static func < (a: RecordDate, b: RecordDate) -> Bool {
        // (By numbers first: people and timelines compare dates once a record each.)
        let (x, y) = (a.time ?? (0, 0, 0), b.time ?? (0, 0, 0))
        let (p, q) = ((a.year, a.month, a.day, x.hour, x.minute, x.second), (b.year, b.month, b.day, y.hour, y.minute, y.second))
        return p != q ? p < q : a.description < b.description
    }
}

extension Int {
    /// As `%0Nd` prints it: at least `width` characters, zeros after any sign. (Foundation's
    /// `String(format:)` parses its format on every call; dates are formatted for every
    /// record and every thread key.)
    public func zeroPadded(_ width: Int) -> String {
        let digits = String(magnitude)
        let sign = self < 0 ? "-" : ""
        return sign + String(repeating: "0", count: Swift.max(0, width - sign.count - digits.count)) + digits
    }
}
