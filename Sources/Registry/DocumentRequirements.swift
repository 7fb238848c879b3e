import BaoxueContracts
import BaoxueService
import Configuration

/// Which supporting documents (证明材料) each kind of change needs. Configuration, not code
/// (`registry.documents.<kind>` in `config/registry.yaml`); these defaults follow DOMAIN.md.
public struct DocumentRequirements: Sendable {
    public var required: [StatusChangeKind: [String]]

    public init(required: [StatusChangeKind: [String]] = DocumentRequirements.defaults) {
        self.required = required
    }

    public static let defaults: [StatusChangeKind: [String]] = [
        .enroll: ["户口簿"],
        .transferOut: ["转学申请", "接收证明"],
        .transferIn: ["转出证明"],
        .suspend: ["休学申请", "病历证明"],
        .extendSuspension: ["延期休学申请", "病历证明"],
        .resume: ["复学申请"],
        .dropOut: ["学校报告"],
        .return: ["劝返销号记录"],
        .graduate: [],
        .death: ["死亡证明"],
    ]

    /// The required documents of `kind` missing from `supplied` (names compared after trimming).
    public func missing(for kind: StatusChangeKind, supplied: [String]) -> [String] {
        let given = Set(supplied.map { TextNormalization.field($0) })
        return (required[kind] ?? []).filter { !given.contains($0) }
    }
}

extension DocumentRequirements {
    /// The defaults with `registry.documents.<kind>` (string array) over them, e.g.
    /// `registry.documents.transferOut: [转学申请, 接收证明]`.
    public init(configuration: ServiceConfiguration) {
        var documents = DocumentRequirements.defaults
        for kind in StatusChangeKind.allCases {
            if let configured = configuration.reader.stringArray(forKey: ConfigKey("registry.documents.\(kind.rawValue)")) {
                documents[kind] = configured
            }
        }
        self.init(required: documents)
    }
}
