import Foundation

/// The zone of a quoted date printed without one, where the email it copies is printed
/// in the same file. An attribution ("On 9/29/2018 12:59 AM, Dana Ruiz wrote:")
/// states its time in the zone of whichever mailer wrote it — the reply's writer's, the
/// printer's, a traveller's — while the email it copies prints its own offset; thread
/// keys read a quoted date at the reply's offset, which is only the likeliest. When an
/// email of the file from the same sender, on the topic, before the reply, was sent that
/// very minute read at a whole-hour offset (a zone), and no other email fits another
/// offset, the copy's date is read at that offset.
enum QuotedZones {
    /// Offsets a zone may have, in minutes east of UTC: UTC−12 to UTC+14.
    static let offsets = -720...840

    /// The records of one file, each quoted date read at the zone its email was sent in
    /// where the file shows it.
    static func resolved(_ records: [Record]) -> [Record] {
        // (Each email's minute in UTC, once: a file may hold thousands.)
        let sent = records.map { record in record.date.flatMap { date in date.offsetMinutes.flatMap { offset in minutes(date).map { $0 - offset } } } }
        return records.indices.map { index in
            var record = records[index]
            for k in record.quoted.indices {
                let tried = [record.date?.offsetMinutes, k > 0 ? record.quoted[k - 1].date?.offsetMinutes : nil].compactMap { $0 }
                if let offset = offset(of: record.quoted[k], in: index, tried: tried, among: records, sent: sent) {
                    record.quoted[k].date = record.quoted[k].date?.assuming(offsetMinutes: offset)
                }
            }
            return record
        }
    }

    /// The offset at which `copy`'s date (quoted in `emails[reply]`) is the minute an email
    /// of `emails` was sent (`sent`, in UTC); nil when the date states one, when no email
    /// fits or two fit at different offsets, and when one fits as the date is read already
    /// (at an offset `tried`, or as printed).
    private static func offset(of copy: QuotedCopy, in reply: Int, tried: [Int], among emails: [Record], sent: [Int?]) -> Int? {
        guard let date = copy.date, date.offsetMinutes == nil, let printed = minutes(date), let sender = copy.from else { return nil }
        let topic = EmailSplitter.normalizedSubject(copy.subject ?? emails[reply].subject)
        var fits: Set<Int> = []
        for index in emails.indices where index != reply {
            // (The minutes first: they rule out nearly every email, and cheaply.)
            guard let utc = sent[index], let offset = emails[index].date?.offsetMinutes else { continue }
            let zone = printed - utc
            let readAlready = zone == offset || tried.contains(zone)
            guard readAlready || (offsets.contains(zone) && zone % 60 == 0), let from = emails[index].from,
                  sameSender(sender, from),
                  EmailSplitter.sameThread(topic, EmailSplitter.normalizedSubject(emails[index].subject)),
                  sent[reply].map({ utc < $0 }) ?? true
            else { continue }
            if readAlready { return nil }
            fits.insert(zone)
        }
        return fits.count == 1 ? fits.first : nil
    }

    /// The same sender, as `EmailSplitter.samePerson` compares them; or, where one is
    /// known by a name alone and the other by an address alone, an address that spells
    /// the name's last word (Anouk St. Clair, det.stclair@…).
    private static func sameSender(_ a: Correspondent, _ b: Correspondent) -> Bool {
        if EmailSplitter.samePerson(a, b) { return true }
        guard a.name == nil || b.name == nil, a.address == nil || b.address == nil,
              let name = a.name ?? b.name, let local = (a.address ?? b.address)?.split(separator: "@").first
        else { return false }
        func letters(_ text: some StringProtocol) -> String { PageFurniture.key(text.folding(options: .diacriticInsensitive, locale: nil)) }
        let surname = letters(name.split(separator: " ").last ?? "")
        return surname.count >= 3 && letters(local).contains(surname)
    }

    /// Minutes since 1970 of a date's wall-clock minute, when it has a time.
    private static func minutes(_ date: RecordDate) -> Int? {
        date.time.map { date.daysSince1970 * 1440 + $0.hour * 60 + $0.minute }
    }
}
