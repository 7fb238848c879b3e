import BaoxueContracts
import Foundation
import Hummingbird

/// The county's numbers: the yearly work summary (JSON, Markdown, Word), the figures operators
/// enter for it, and the KPI sheet. Every reader gets their own scope's figures.
extension GatewayHTTP {
    static func addReportRoutes(to api: RouterGroup<GatewayRequestContext>, operations: Operations) {
        let reports = operations.reports
        @Sendable func summary(_ request: Request, _ context: GatewayRequestContext) async throws -> CountySummary {
            let (year, township) = try SummaryForm(query: { parameter(request, $0) }).checked()
            return try await reports.summary(year: year, township: township, actor: try actor(request, context))
        }
        api.get("reports/summary") { request, context -> Response in
            try JSONResponse.make(try await summary(request, context))
        }
        api.get("reports/summary.md") { request, context -> Response in
            let summary = try await summary(request, context)
            let markdown = SummaryDocument(summary: summary, language: HTTPLanguage.of(request)).markdown
            return document(Data(markdown.utf8), type: "text/markdown; charset=utf-8", name: "\(summary.year)年控辍保学工作总结.md", asciiName: "summary-\(summary.year).md")
        }
        api.get("reports/summary.docx") { request, context -> Response in
            let summary = try await summary(request, context)
            let word = try await WordConverter.docx(markdown: SummaryDocument(summary: summary, language: HTTPLanguage.of(request)).markdown)
            return document(word, type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name: "\(summary.year)年控辍保学工作总结.docx", asciiName: "summary-\(summary.year).docx")
        }
        api.get("reports/kpis") { request, context -> Response in
            let (year, township) = try SummaryForm(query: { parameter(request, $0) }).checked()
            return try JSONResponse.make(try await reports.kpis(year: year, township: township, actor: try actor(request, context)))
        }
        for format in ExportFormat.allCases {
            api.get("reports/kpis.\(format.rawValue)") { request, context -> Response in
                let (year, township) = try SummaryForm(query: { parameter(request, $0) }).checked()
                let sheet = try await reports.kpis(year: year, township: township, actor: try actor(request, context))
                let data = format == .xlsx ? try KPICSV.workbook(sheet) : KPICSV.data(sheet)
                return attachment(data, format, name: "关键指标-\(sheet.year).\(format.rawValue)", asciiName: "kpis-\(sheet.year).\(format.rawValue)")
            }
        }
        api.get("reports/inputs") { request, context -> Response in
            let year = try FormField.year(parameter(request, "year"), required: true)!
            return try JSONResponse.make(try await reports.inputs(year: year, actor: try actor(request, context)))
        }
        api.put("reports/inputs/:year/:key") { request, context -> Response in
            let body = try await jsonBody(ReportInputBody.self, request)
            let form = ReportInputForm(year: try context.parameters.require("year"), key: try context.parameters.require("key"), value: body.value, note: body.note)
            let entry = try form.checked()
            return try JSONResponse.make(try await reports.setInput(year: entry.year, key: entry.key, value: entry.value, note: entry.note, actor: try actor(request, context)))
        }
        api.delete("reports/inputs/:year/:key") { request, context -> Response in
            let year = try FormField.year(try context.parameters.require("year"), required: true)!
            let key = try ReportInputForm.key(try context.parameters.require("key"))
            try await reports.clearInput(year: year, key: key, actor: try actor(request, context))
            return Response(status: .noContent)
        }
    }

    static func document(_ data: Data, type: String, name: String, asciiName: String) -> Response {
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-."))) ?? asciiName
        return Response(
            status: .ok,
            headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(asciiName)\"; filename*=UTF-8''\(encoded)"],
            body: ResponseBody(byteBuffer: ByteBuffer(data: data)))
    }
}
