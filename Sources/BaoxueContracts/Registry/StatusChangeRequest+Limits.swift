extension StatusChangeRequest {
    /// Most documents one change may list, and the longest name and reason accepted.
    public static let maximumDocuments = 20
    public static let maximumDocumentLength = 50
    public static let maximumReasonLength = 500

    /// What is wrong with the request's free-text fields: too many or too long, control
    /// characters, or a document "name" that looks like a file path (documents are named, never
    /// read from disk, so `../` or `/` has no business there).
    public var limitProblems: [FieldProblem] {
        var problems = Self.documentProblems(documents)
        if let reason, reason.count > Self.maximumReasonLength || reason.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" }) {
            problems.append(FieldProblem(field: "reason", reason: "最多\(Self.maximumReasonLength)个字符，不含控制字符 (at most \(Self.maximumReasonLength) characters, no control characters)"))
        }
        if let grade {
            if !SchoolGrade.all.contains(grade) {
                problems.append(FieldProblem(field: "grade", reason: "年级应为\(SchoolGrade.all.lowerBound)到\(SchoolGrade.all.upperBound) (grade must be \(SchoolGrade.all.lowerBound)…\(SchoolGrade.all.upperBound))"))
            } else if kind != .transferIn && kind != .return {
                problems.append(FieldProblem(field: "grade", reason: "只用于转入和劝返复学 (only for transferIn and return)"))
            }
        }
        return problems
    }

    /// What is wrong with a list of document names: too many, or a name empty, too long, with a
    /// control character or looking like a file path. For a change, and for documents handed in
    /// after it (``ChangeDocumentsRequest``).
    public static func documentProblems(_ documents: [String]) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if documents.count > Self.maximumDocuments {
            problems.append(FieldProblem(field: "documents", reason: "最多\(Self.maximumDocuments)项 (at most \(Self.maximumDocuments) documents)"))
        }
        for (index, name) in documents.enumerated() {
            let bad = name.isEmpty || name.count > Self.maximumDocumentLength || name.contains("/") || name.contains("\\") || name.contains("..")
                || name.unicodeScalars.contains { $0.properties.generalCategory == .control }
            if bad {
                problems.append(FieldProblem(field: "documents[\(index)]", reason: "材料名称应为1–\(Self.maximumDocumentLength)个字符，不含路径或控制字符 (a document name is 1–\(Self.maximumDocumentLength) characters, no path or control characters)"))
            }
        }
        return problems
    }
}
