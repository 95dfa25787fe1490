import Foundation
import Ingest
import Search

/// The reading room's pages, built as strings. Every piece of record text goes through
/// `HTML.escape`; snippets carry private-use marks for matches, turned into <mark>
/// only after escaping.
enum Pages {
    static let markStart = "\u{E000}", markEnd = "\u{E001}"

    static let style = """
        body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#222;background:#fafafa}
        header{background:#1d2b3a;color:#fff;padding:12px 24px} header a{color:#fff;text-decoration:none;font-weight:600}
        form.search{display:flex;gap:8px;margin:16px 24px} form.search input[name=q]{flex:1;font-size:16px;padding:8px}
        .layout{display:flex;gap:24px;margin:0 24px 24px} aside{width:240px;flex-shrink:0} main{flex:1;min-width:0}
        aside h3{font-size:13px;text-transform:uppercase;color:#666;margin:16px 0 4px} aside ul{list-style:none;padding:0;margin:0}
        aside li{display:flex;justify-content:space-between;gap:8px} aside li a{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
        .hit{background:#fff;border:1px solid #e4e4e4;border-radius:6px;padding:10px 14px;margin-bottom:10px}
        .hit h2{font-size:16px;margin:0 0 4px} .meta{color:#555;font-size:13px} .snippet{margin:6px 0} mark{background:#ffe066}
        .tag{display:inline-block;background:#eef2f7;border-radius:3px;padding:0 6px;margin-right:4px;font-size:12px}
        .error{background:#fdecea;border:1px solid #f5c2c0;padding:10px 14px;border-radius:6px}
        .pager a{margin-right:12px} table.fields td{padding:2px 10px 2px 0;vertical-align:top} pre{white-space:pre-wrap;background:#fff;border:1px solid #e4e4e4;padding:12px}
        .pages img{max-width:100%;border:1px solid #ccc;margin-bottom:12px;background:#fff}
        .doc{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:24px;margin:0 24px}
        .news{background:#eef6ee;border:1px solid #cfe3cf;border-radius:6px;padding:8px 12px}
        header nav{display:inline;margin-left:24px} header nav a{font-weight:400;margin-right:16px}
        table.batch{border-collapse:collapse;background:#fff;margin-top:16px} table.batch td,table.batch th{border:1px solid #e4e4e4;padding:4px 8px;text-align:left;vertical-align:top}
        """

    static func layout(title: String, query: String = "", body: String) -> String {
        """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>\(HTML.escape(title))</title><style>\(style)</style></head>
        <body><header><a href="/">corpus</a> — reading room<nav><a href="/">Search</a><a href="/timeline">Timeline</a><a href="/people">People</a><a href="/requests">Requests</a><a href="/batch">Many queries</a></nav></header>
        <form class="search" action="/" method="get"><input name="q" value="\(HTML.escape(query))" placeholder='vendor:"Clearview AI" agency:NYPD date:2018-10..2019-02' autofocus><button>Search</button></form>
        \(body)</body></html>
        """
    }

    /// A link to the search page, escaped for an attribute; query strings are percent-encoded here only.
    static func link(_ path: String, _ parameters: [(String, String)]) -> String {
        HTML.escape(rawLink(path, parameters))
    }

    /// The same link, not yet escaped for HTML.
    static func rawLink(_ path: String, _ parameters: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let query = parameters.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&")
        return query.isEmpty ? path : "\(path)?\(query)"
    }

    /// A pasted list of queries (a request's vendors), each one's figures in a row: the
    /// query and its agencies and senders link to their searches.
    static func batch(list: String, results: [Batch.Result], error: String? = nil) -> String {
        var body = """
            <div class="layout"><main><h2>Many queries at once</h2>
            <form class="batch" action="/batch" method="get"><label for="list">One query a line (a request's vendor list, pasted):</label><br>
            <textarea id="list" name="list" rows="10" cols="80">\(HTML.escape(list))</textarea><br><button>Run each</button></form>
            """
        if let error { body += "<p class=\"error\">\(HTML.escape(error))</p>" }
        if !results.isEmpty {
            body += "<table class=\"batch\"><thead><tr><th>line</th><th>query</th><th>matches</th><th>first</th><th>last</th><th>agencies</th><th>senders</th></tr></thead><tbody>"
            for result in results {
                if let error = result.error {
                    body += "<tr class=\"error\"><td>\(result.line)</td><td>\(HTML.escape(result.query))</td><td colspan=\"5\">\(HTML.escape(error))</td></tr>"
                    continue
                }
                func counts(_ values: [FacetCount], field: String) -> String {
                    values.map { value in
                        let narrowed = "(\(result.query)) \(field):\"\(value.value.replacingOccurrences(of: "\"", with: ""))\""
                        return "<a href=\"\(link("/", [("q", narrowed)]))\">\(HTML.escape(value.value))</a> (\(value.count))"
                    }.joined(separator: ", ")
                }
                body += "<tr><td>\(result.line)</td><td><a href=\"\(link("/", [("q", result.query)]))\">\(HTML.escape(result.query))</a></td>"
                    + "<td>\(result.total)</td><td>\(HTML.date(result.first, missing: "", withTime: false))</td><td>\(HTML.date(result.last, missing: "", withTime: false))</td>"
                    + "<td>\(counts(result.agencies, field: "agency"))</td><td>\(counts(result.from, field: "from"))</td></tr>"
            }
            body += "</tbody></table>"
        }
        return layout(title: "corpus — many queries", body: body + "</main></div>")
    }

    /// Everyone in the matching emails, one row a person: spellings, addresses (each linked
    /// to the mail from and to it), agency or vendor, and why spellings were joined.
    static func people(query: String, people: [Person]) -> String {
        var body = "<div class=\"layout\"><main><h2>People\(query.isEmpty ? "" : " in " + HTML.escape(query))</h2>"
        body += "<table class=\"batch\"><thead><tr><th>person</th><th>addresses</th><th>of</th><th>messages</th><th>first</th><th>last</th><th>one person because</th></tr></thead><tbody>"
        for person in people {
            let addresses = person.addresses.map { address in
                let mail = "from:\(address) OR to:\(address)" + (query.isEmpty ? "" : " (\(query))")
                let personal = Gazetteer.isPersonal(Correspondent(name: nil, address: address)) ? " <span class=\"tag\">personal</span>" : ""
                return "<a href=\"\(link("/", [("q", mail)]))\">\(HTML.escape(address))</a>\(personal)"
            }.joined(separator: "<br>")
            let names = ([person.name ?? "?"] + person.names.dropFirst().map { "also " + $0 }).map(HTML.escape).joined(separator: "<br>")
            body += "<tr><td>\(names)</td><td>\(addresses)</td><td>\(HTML.escape(person.agency ?? person.vendor ?? ""))</td><td>\(person.messages)</td>"
                + "<td>\(HTML.date(person.first, missing: ""))</td><td>\(HTML.date(person.last, missing: ""))</td>"
                + "<td>\(person.mergedBecause.map(HTML.escape).joined(separator: "<br>"))</td></tr>"
        }
        return layout(title: "corpus — people", query: query, body: body + "</tbody></table></main></div>")
    }

    /// The public-records requests the records name, each with what its letters say happened.
    static func requests(query: String, requests: [RequestSummary]) -> String {
        var body = "<div class=\"layout\"><main><h2>Requests\(query.isEmpty ? "" : " in " + HTML.escape(query))</h2>"
        if requests.isEmpty { body += "<p>No record names a public-records request number.</p>" }
        for request in requests {
            body += "<div class=\"hit\"><h2><a href=\"\(link("/", [("q", "request:" + request.request)]))\">\(HTML.escape(request.request))</a></h2>"
            body += "<div class=\"meta\">\(request.records) record\(request.records == 1 ? "" : "s") · \(HTML.date(request.first, missing: "")) – \(HTML.date(request.last, missing: ""))"
                + (request.agencies.isEmpty ? "" : " · " + request.agencies.map(HTML.escape).joined(separator: ", ")) + "</div>"
            if !request.events.isEmpty {
                body += "<ul>" + request.events.map { event in
                    let detail = [event.until.map { "until " + HTML.date($0) }, event.reason.map(HTML.escape)].compactMap { $0 }.joined(separator: ", ")
                    return "<li>\(HTML.date(event.date)) — <a href=\"/doc/\(HTML.escape(event.record))\">\(event.event.rawValue)</a>\(detail.isEmpty ? "" : " (\(detail))")</li>"
                }.joined() + "</ul>"
            }
            body += "</div>"
        }
        return layout(title: "corpus — requests", query: query, body: body + "</main></div>")
    }

    static func person(_ c: Correspondent?) -> String {
        HTML.escape(c?.description ?? "?")
    }

    static func snippet(_ text: String) -> String {
        HTML.escape(text).replacingOccurrences(of: markStart, with: "<mark>").replacingOccurrences(of: markEnd, with: "</mark>")
    }

    /// What the last release of the index brought: its records, and each saved search's new
    /// matches, linked to them.
    static func news(_ release: Release, watches: [WatchNews]) -> String {
        var html = "<p class=\"news\"><b>New since release \(release.number - 1):</b> "
            + "<a href=\"\(link("/", [("q", "release:\(release.number)")]))\">\(release.records) record\(release.records == 1 ? "" : "s") from \(release.files) file\(release.files == 1 ? "" : "s")</a>"
            + " in release \(release.number) (\(HTML.escape(String(release.date.prefix(10)))))"
        for watch in watches {
            html += " · \(HTML.escape(watch.name)): <a href=\"\(link("/", [("q", "(\(watch.query)) release:\(release.number)")]))\">\(watch.new) new</a>"
        }
        return html + "</p>"
    }

    static func search(query: String, sort: SearchSort, offset: Int, limit: Int, response: SearchResponse?, error: String? = nil,
                       news: String = "") -> String {
        var body = ""
        if let error {
            body += "<div class=\"layout\"><main><p class=\"error\">\(HTML.escape(error))</p></main></div>"
            return layout(title: "corpus", query: query, body: body)
        }
        guard let response else { return layout(title: "corpus", query: query, body: "") }
        var aside = ""
        for facet in Facet.all {
            guard let values = response.facets[facet.name], !values.isEmpty else { continue }
            aside += "<h3>\(facet.name)</h3><ul>"
            for value in values.prefix(12) {
                let filter = facet.filter(value.value)
                let narrowed = query.isEmpty ? filter : "\(query) \(filter)"
                aside += "<li><a href=\"\(link("/", [("q", narrowed)]))\">\(HTML.escape(value.value))</a><span>\(value.count)</span></li>"
            }
            aside += "</ul>"
        }
        var main = news + "<p class=\"meta\">\(response.total) match\(response.total == 1 ? "" : "es") · sort: "
        main += SearchSort.allCases.map { s in
            s == sort ? "<b>\(s.rawValue)</b>" : "<a href=\"\(link("/", [("q", query), ("sort", s.rawValue)]))\">\(s.rawValue)</a>"
        }.joined(separator: " ")
        main += " · <a href=\"\(link("/timeline", [("q", query)]))\">timeline</a> · <a href=\"\(link("/export", [("q", query)]))\">export these (zip)</a></p>"
        for hit in response.hits {
            var tags = hit.agencies.map { "<span class=\"tag\">\(HTML.escape($0))</span>" }
            tags += hit.vendors.map { "<span class=\"tag\">\(HTML.escape($0))</span>" }
            var source = HTML.escape(hit.source.shortCitation)
            if hit.duplicates > 0 { source += " (and \(hit.duplicates) other file\(hit.duplicates == 1 ? "" : "s"))" }
            let to = hit.to.prefix(3).map { person($0) }.joined(separator: ", ") + (hit.to.count > 3 ? ", …" : "")
            main += """
                <div class="hit"><h2><a href="\(link("/doc/" + hit.id, query.isEmpty ? [] : [("q", query)]))">\(HTML.escape(hit.subject ?? "(no subject)"))</a></h2>
                <div class="meta">\(HTML.date(hit.date)) · \(hit.kind == .email ? "\(person(hit.from)) → \(to)" : "document") · \(source)\(hit.ocr ? " · OCR" : "")\(hit.redactions > 0 ? " · \(hit.redactions) redaction\(hit.redactions == 1 ? "" : "s")" : "")</div>
                <div class="snippet">\(snippet(hit.snippet))</div><div>\(tags.joined())</div></div>
                """
        }
        var pager = ""
        let step = max(1, limit)
        func page(_ start: Int) -> String {
            link("/", [("q", query), ("sort", sort.rawValue), ("offset", String(start))] + (limit == 20 ? [] : [("limit", String(limit))]))
        }
        if offset > 0 { pager += "<a href=\"\(page(max(0, offset - step)))\">← previous</a>" }
        if offset + response.hits.count < response.total { pager += "<a href=\"\(page(offset + step))\">next →</a>" }
        main += "<p class=\"pager\">\(pager)</p>"
        body += "<div class=\"layout\"><aside>\(aside)</aside><main>\(main)</main></div>"
        return layout(title: query.isEmpty ? "corpus" : "\(query) — corpus", query: query, body: body)
    }

    /// A record's page: its fields and text, its conversation beside them when it has
    /// one (each message linked, this one marked, ghosts named), and its page images.
    /// - markedText: the text with the words `query` matched marked (`markStart`, `markEnd`).
    static func document(_ record: Record, conversation: Conversation, query: String = "", markedText: String? = nil) -> String {
        var rows: [(String, String)] = [("Kind", record.kind.rawValue)]
        if record.kind == .email {
            rows.append(("From", person(record.from)))
            if let sender = record.sender { rows.append(("Sender", person(sender) + " <small>(sent for the From mailbox)</small>")) }
            rows.append(("To", record.to.map { person($0) }.joined(separator: "<br>")))
            if !record.cc.isEmpty { rows.append(("Cc", record.cc.map { person($0) }.joined(separator: "<br>"))) }
        }
        rows.append(("Date", HTML.date(record.date, missing: "unknown")))
        rows.append(("Subject", HTML.escape(record.subject ?? "")))
        if !record.agencies.isEmpty { rows.append(("Agencies", HTML.escape(record.agencies.joined(separator: ", ")))) }
        if !record.vendors.isEmpty { rows.append(("Vendors", HTML.escape(record.vendors.joined(separator: ", ")))) }
        func place(_ source: Source) -> String { HTML.escape(source.citation(rangeSeparator: " · ")) }
        rows.append(("Source", place(record.source) + "<br><small>sha256 \(HTML.escape(record.source.sha256))</small>"))
        if !record.otherSources.isEmpty { rows.append(("Also in", record.otherSources.map(place).joined(separator: "<br>"))) }
        if let head = record.copyOf {
            rows.append(("Copy of", "<a href=\"/doc/\(HTML.escape(head))\">\(HTML.escape(head))</a> <small>(the same message, found again)</small>"))
        }
        if record.ocr { rows.append(("OCR", "yes" + (record.ocrConfidence.map { ", mean confidence \($0)%" } ?? ""))) }
        if record.redactions > 0 { rows.append(("Redactions", String(record.redactions))) }
        if let parent = record.parent { rows.append(("Attached to", "<a href=\"/doc/\(HTML.escape(parent))\">\(HTML.escape(parent))</a>")) }
        if !record.attachments.isEmpty {
            rows.append(("Attachments", record.attachments.map { "<a href=\"/doc/\(HTML.escape($0))\">\(HTML.escape($0))</a>" }.joined(separator: ", ")))
        }
        if !record.unreadAttachments.isEmpty {
            rows.append(("Not read", record.unreadAttachments.map { file in
                "\(HTML.escape(file.name)) (\(HTML.escape(file.type)), \(file.size) bytes): \(HTML.escape(file.reason))"
            }.joined(separator: "<br>")))
        }
        let table = rows.map { "<tr><td><b>\($0.0)</b></td><td>\($0.1)</td></tr>" }.joined()
        var images = ""
        if record.source.attachment == nil, let pages = record.source.pages {
            images = pages.map { "<img src=\"/doc/\(HTML.escape(record.id))/page/\($0).png\" alt=\"page \($0)\" loading=\"lazy\">" }.joined()
        }
        var text = "<h3>Text</h3><pre>\(HTML.escape(record.text))</pre>"
        if let markedText {
            // (The first match is an anchor: one key press from the top of the page.)
            var marked = snippet(markedText)
            if let first = marked.range(of: "<mark>") { marked.replaceSubrange(first, with: "<mark id=\"match\">") }
            text = "<h3>Text</h3><p class=\"meta\">The words of <a href=\"\(link("/", [("q", query)]))\">\(HTML.escape(query))</a> are marked: "
                + "<a href=\"#match\">go to the first</a>.</p><pre>\(marked)</pre>"
        }
        let body = """
            <div class="doc"><div><table class="fields">\(table)</table>\(thread(conversation, current: record.id))\(text)</div>
            <div class="pages">\(images.isEmpty ? "<p class=\"meta\">No page images for this record.</p>" : images)</div></div>
            """
        return layout(title: record.subject ?? record.id, query: query, body: body)
    }

    /// The conversation as a nested list in date order, each message under the one it answers.
    static func thread(_ conversation: Conversation, current: String) -> String {
        guard conversation.messages.count > 1 else { return "" }
        var children: [String: [Conversation.Message]] = [:]
        let keys = Set(conversation.messages.map(\.key))
        for message in conversation.messages {
            children[message.replyTo.flatMap { keys.contains($0) ? $0 : nil } ?? "", default: []].append(message)
        }
        // (Where a message holds another whole, those that no later one holds are marked.)
        let someQuotedWhole = conversation.messages.contains { !$0.ghost && !$0.inclusive }
        // (Mail may name itself or loop: each message is shown once, those a loop hides at the top.)
        var shown = Set<String>()
        func list(_ parent: String) -> String {
            list(children[parent] ?? [])
        }
        func list(_ messages: [Conversation.Message]) -> String {
            let messages = messages.filter { shown.insert($0.key).inserted }
            guard !messages.isEmpty else { return "" }
            return "<ul>" + messages.map { message in
                let key = message.key
                let line: String
                if let id = message.id {
                    let text = "\(HTML.date(message.date)) · \(person(message.from)) · \(HTML.escape(message.subject ?? "(no subject)"))"
                        + (message.inclusive && someQuotedWhole ? " · <small title=\"no later message quotes the whole of it\">inclusive</small>" : "")
                    line = id == current ? "<b>\(text)</b>" : "<a href=\"/doc/\(HTML.escape(id))\">\(text)</a>"
                } else if let messageID = message.messageID {
                    line = "<i>not released: &lt;\(HTML.escape(messageID))&gt;, named by \(message.quotedIn.count) message(s)</i>"
                } else {
                    line = "<i>not released: \(HTML.date(message.date)) · \(person(message.from)) · "
                        + "\(HTML.escape(message.subject ?? "(no subject)")), known only as quoted in \(message.quotedIn.count) message(s)</i>"
                }
                return "<li>\(line)\(list(key))</li>"
            }.joined() + "</ul>"
        }
        var tree = list("")
        tree += list(conversation.messages.filter { !shown.contains($0.key) })
        let export = "<a href=\"\(link("/export", [("q", "thread:\(conversation.thread)")]))\">export this thread (zip)</a>"
        return "<h3>Thread (\(conversation.messages.filter { !$0.ghost }.count) records) · \(export)</h3><div class=\"thread\">\(tree)</div>"
    }
}
