/// A column of the schools file.
public enum SchoolField: String, CaseIterable, Sendable, ImportColumn {
    case code, name, type, township

    public var header: String {
        switch self {
        case .code: "学校标识码"
        case .name: "学校名称"
        case .type: "学校类型"
        case .township: "乡镇区划代码"
        }
    }

    public var aliases: [String] {
        switch self {
        case .code: ["code", "schoolcode", "school_code"]
        case .name: ["name", "schoolname", "school_name"]
        case .type: ["type", "schooltype", "school_type"]
        case .township: ["township", "townshipcode", "township_code"]
        }
    }

    public init?(header: String) {
        let key = TextNormalization.field(header).lowercased().filter { $0 != " " && $0 != "*" }
        guard let field = SchoolField.allCases.first(where: { $0.header == key || $0.aliases.contains(key) }) else {
            return nil
        }
        self = field
    }
}

extension SchoolField {
    public var isRequiredColumn: Bool { true }
}
